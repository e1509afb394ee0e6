// The ServiceItem module: its types arrive with its issue.
