// Tests for ServiceItem arrive with its issue.
