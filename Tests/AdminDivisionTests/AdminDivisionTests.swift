// Tests for AdminDivision arrive with its issue.
