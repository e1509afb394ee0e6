// Tests for CitizenID arrive with its issue.
