// The AdminDivision module: its types arrive with its issue.
