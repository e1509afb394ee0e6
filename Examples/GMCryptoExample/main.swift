import GMCrypto

// Filled in with the GMCrypto issue: sign and verify with SM2, hash with SM3.
print("GMCrypto example")
