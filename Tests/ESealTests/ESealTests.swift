// Tests for ESeal arrive with its issue.
