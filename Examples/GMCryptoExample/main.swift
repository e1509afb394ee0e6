import Foundation
import GMCrypto

// Sign and verify with SM2 (the ID 1234567812345678 is the default, always set explicitly).
let key = SM2.Signing.PrivateKey()
let document = Data("关于开展政务服务事项标准化工作的通知".utf8)
let signature = try key.signature(for: document)
print("SM2 signature valid:", key.publicKey.isValidSignature(signature, for: document))

// Hash with SM3.
print("SM3(\"abc\") =", SM3.hash(data: Data("abc".utf8)).hexString)

// Encrypt with SM4-CBC (PKCS #7 padding) under a fresh key and IV.
let sm4Key = SecretKey(size: .bits128)
let iv = SM4.CBC.randomIV()
let ciphertext = try SM4.CBC.encrypt(document, using: sm4Key, iv: iv)
let plaintext = try SM4.CBC.decrypt(ciphertext, using: sm4Key, iv: iv)
print("SM4-CBC round trip:", plaintext == document)
