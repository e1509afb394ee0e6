@_spi(Benchmarks) import ESeal
import Foundation
import GMCertificates
import GMCrypto

// Verifies one seal signature over 4 KiB COUNT times with the certificate cache emptied first
// (a cold verification), COUNT times with it warm, and COUNT times as the reference the budget
// is set against (its two SM2 verifications plus SM3 of the data), each in its own function, so
// `valgrind --tool=callgrind` counts all three in one process (Scripts/bench-eseal --instructions).
//   SealInstructions COUNT
guard CommandLine.arguments.count == 2, let count = Int(CommandLine.arguments[1]) else {
    FileHandle.standardError.write(Data("usage: SealInstructions COUNT\n".utf8))
    exit(2)
}

let year: TimeInterval = 365 * 86_400
let makerKey = SM2.Signing.PrivateKey()
let signerKey = SM2.Signing.PrivateKey()
let maker = try X509CertificateBuilder.endEntity(subject: [.commonName("Instructions maker")], validFor: year)
    .selfSigned(with: .sm2(makerKey))
let signerCertificate = try X509CertificateBuilder.endEntity(
    subject: [.commonName("Instructions signer")], validFor: year
).selfSigned(with: .sm2(signerKey))
let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 4_000)
let seal = try SealBuilder(
    name: "指令计数印章", type: 1, picture: try SealPicture(data: png, widthMillimetres: 40, heightMillimetres: 40),
    signerCertificates: [signerCertificate], validStart: Date().addingTimeInterval(-60),
    validEnd: Date().addingTimeInterval(year)
).make(makerKey: makerKey, makerCertificate: maker)
let data = (0..<4_096).map { UInt8(truncatingIfNeeded: $0) }
let signature = try SealSigner(privateKey: signerKey, certificate: signerCertificate)
    .sign(seal: seal, data: .bytes(data), propertyInfo: "doc")
let signatureBytes = signature.derRepresentation
let makerSignature = try SM2.Signing.Signature(derRepresentation: seal.signatureValue)
let signerSignature = try SM2.Signing.Signature(derRepresentation: signature.signatureValue)
let (makerPublicKey, signerPublicKey) = (makerKey.publicKey, signerKey.publicKey)
let (sealInfoBytes, tbsBytes) = (seal.signedBytes, signature.signedBytes)

@inline(never)
func coldLoop(_ count: Int) -> Int {
    (0..<count).reduce(0) { valid, _ in
        SealVerifier.emptyCertificateCache()
        return valid
            + (SealVerifier(mode: .integrityOnly).verifySignature(signatureBytes, data: .bytes(data)).isValid ? 1 : 0)
    }
}

@inline(never)
func warmLoop(_ count: Int) -> Int {
    (0..<count).reduce(0) { valid, _ in
        valid + (SealVerifier(mode: .integrityOnly).verifySignature(signatureBytes, data: .bytes(data)).isValid ? 1 : 0)
    }
}

@inline(never)
func referenceLoop(_ count: Int) -> Int {
    (0..<count).reduce(0) { valid, _ in
        let makerValid = makerPublicKey.isValidSignature(makerSignature, for: sealInfoBytes, userID: .default)
        let signerValid = signerPublicKey.isValidSignature(signerSignature, for: tbsBytes, userID: .default)
        return valid + (makerValid && signerValid && SM3.hash(data: data).bytes.count == 32 ? 1 : 0)
    }
}

let results = [coldLoop(count), warmLoop(count), referenceLoop(count)]
guard results.allSatisfy({ $0 == count }) else {
    FileHandle.standardError.write(Data("verified cold, warm, reference: \(results) of \(count)\n".utf8))
    exit(1)
}
