// Tests for GMCrypto arrive with its issue.
