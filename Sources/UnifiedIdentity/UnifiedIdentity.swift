// The UnifiedIdentity module: its types arrive with its issue.
