// Tests for CreditCode arrive with its issue.
