// The ESeal module: its types arrive with its issue.
