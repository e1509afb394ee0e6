public import Foundation
public import GMCertificates
public import GMCrypto

/// Signs OFD documents with a digital signature 数字签名 (`Type="Sign"`, GM/T 0099 §7.2.2):
/// the signed value is a GB/T 35275 SignedData (SM2 with SM3, ID `1234567812345678`) over
/// the new `Signature.xml`, in the layout of GB/T 33190 §18, without a seal or a stamp.
///
/// ```swift
/// let signer = try OFDDigitalSigner(privateKey: key, certificate: certificate)
/// try signer.sign(contentsOf: input, to: output)
/// ```
/// A document that already carries signatures is signed in continue-sign mode, as by
/// ``OFDSealer``.
public struct OFDDigitalSigner: Sendable {
    /// Which of the forms in the field to write.
    public enum Form: String, Sendable, Hashable, Codable, CaseIterable {
        /// Content detached; the signed attributes (contentType, signingTime, messageDigest =
        /// SM3 of `Signature.xml`) are signed: RFC 5652's form, which ofdrw's
        /// `GBT35275PKCS9DSContainer` and 数科 write and `openssl cms` reads.
        case signedAttributes = "signed-attributes"
        /// The SM3 of `Signature.xml` as the content, signed directly, in a SignedData without
        /// the ContentInfo around it: what ofdrw's `GBT35275DSContainer` writes.
        case digestContent = "digest-content"
    }

    public let privateKey: SM2.Signing.PrivateKey
    public let certificate: X509Certificate
    /// CA certificates to carry beside the signer's, so a verifier can complete the chain.
    public var intermediates: [X509Certificate]
    public var form: Form

    /// Throws ``OFDError/signing(_:)`` when the certificate's key is not the private key's.
    public init(
        privateKey: SM2.Signing.PrivateKey, certificate: X509Certificate, intermediates: [X509Certificate] = [],
        form: Form = .signedAttributes
    ) throws(OFDError) {
        guard case .sm2(let key) = certificate.publicKey,
            key.derRepresentation == privateKey.publicKey.derRepresentation
        else {
            throw .signing("the certificate \(certificate.subject) does not hold the private key's SM2 public key")
        }
        self.privateKey = privateKey
        self.certificate = certificate
        self.intermediates = intermediates
        self.form = form
    }

    /// Signs the file at `input`, writing the result to `output` (which may be the same file:
    /// it is replaced only once the new package is complete).
    public func sign(contentsOf input: URL, to output: URL, at time: Date = Date()) throws(OFDError) {
        let file = try OFDFile(contentsOf: input)
        let parts = try prepare(file, at: time)
        try PackageWriter.write(source: file.package, replacing: parts.replaced, adding: parts.added, to: output)
    }

    /// Signs a package held in memory and returns the new package's bytes.
    public func sign(_ file: OFDFile, at time: Date = Date()) throws(OFDError) -> Data {
        let parts = try prepare(file, at: time)
        return try PackageWriter.data(source: file.package, replacing: parts.replaced, adding: parts.added)
    }

    private func prepare(_ file: OFDFile, at time: Date) throws(OFDError) -> SignatureAppender.Parts {
        let appender = SignatureAppender(type: "Sign", stamps: [], seal: nil)
        return try appender.append(to: file, at: time) { (signatureXML, _) throws(OFDError) in
            try signedValue(over: signatureXML, at: time)
        }
    }

    /// The SignedData (DER) this signer writes over `signatureXML`.
    func signedValue(over signatureXML: [UInt8], at time: Date) throws(OFDError) -> [UInt8] {
        let digest = SM3Stream.hash(signatureXML)
        var builder = CMSSignedDataBuilder(
            certificates: [Array(certificate.derRepresentation)] + intermediates.map { Array($0.derRepresentation) })
        switch form {
        case .signedAttributes:
            builder.messageDigest = digest
            builder.signingTime = time
        case .digestContent:
            builder.outerType = nil
            builder.content = digest
        }
        do {
            return try builder.build { message in
                Array(try privateKey.signature(for: message, userID: .default).derRepresentation)
            }
        } catch {
            throw .signing("GB/T 35275 SignedData: \(error)")
        }
    }
}
