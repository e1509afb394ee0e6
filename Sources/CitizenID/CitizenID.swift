// The CitizenID module: its types arrive with its issue.
