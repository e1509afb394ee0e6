// The CreditCode module: its types arrive with its issue.
