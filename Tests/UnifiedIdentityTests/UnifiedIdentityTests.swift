// Tests for UnifiedIdentity arrive with its issue.
