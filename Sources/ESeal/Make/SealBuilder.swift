import Foundation
import GMCertificates
import GMCrypto
import SwiftASN1
internal import ZhengwuKitSupport

/// Makes a seal 制章: from the seal's properties to a GB/T 38540 `SESeal` signed by the
/// seal maker's SM2 key.
///
/// ```swift
/// var builder = SealBuilder(name: "某某市人民政府", type: 1, picture: picture,
///                           signerCertificates: [signerCertificate],
///                           validStart: now, validEnd: now + 365 * 86_400)
/// let seal = try builder.make(makerKey: makerKey, makerCertificate: makerCertificate)
/// try Data(seal.derRepresentation).write(to: url)    // the .esl
/// ```
public struct SealBuilder: Sendable {
    /// How the seal names the certificates that may use it.
    public enum CertificateListing: Sendable, Hashable {
        /// The whole DER certificates (certListType 1).
        case certificates
        /// Their SM3 digests (certListType 2).
        case sm3Digests
    }

    public var name: String
    /// 1 official seal 单位印章, 2 personal seal 个人印章, others by agreement.
    public var type: Int
    public var picture: SealPicture
    public var signerCertificates: [X509Certificate]
    public var listing: CertificateListing = .certificates
    public var validStart: Date
    public var validEnd: Date
    public var createDate: Date = Date()
    /// The seal's identifier 电子印章标识 (IA5 text); a random one when nil.
    public var esID: String?
    /// The vendor identifier in the header.
    public var vendorID: String = "ZhengwuKit"
    /// `.v4` (GB/T 38540) or `.v5` (header version 5).
    public var version: SealVersion = .v4
    public var extDatas: [ExtData] = []

    public init(
        name: String, type: Int, picture: SealPicture, signerCertificates: [X509Certificate], validStart: Date,
        validEnd: Date
    ) {
        self.name = name
        self.type = type
        self.picture = picture
        self.signerCertificates = signerCertificates
        self.validStart = validStart
        self.validEnd = validEnd
    }

    /// The unsigned seal information this builder describes.
    public func sealInfo() throws(ESealError) -> SESSealInfo {
        try validate()
        let certList: SESCertList
        switch listing {
        case .certificates:
            certList = .certificates(signerCertificates.map { Array($0.derRepresentation) })
        case .sm3Digests:
            certList = .certificateDigests(
                signerCertificates.map { CertDigestObj(type: "sm3", value: $0.sm3Fingerprint) })
        }
        do {
            let property = SESPropertyInfo(
                type: type, name: name, certList: certList,
                createDate: .generalized(try ASN1Time.generalizedTime(createDate)),
                validStart: .generalized(try ASN1Time.generalizedTime(validStart)),
                validEnd: .generalized(try ASN1Time.generalizedTime(validEnd)))
            return SESSealInfo(
                header: SESHeader(version: version.rawValue, vendorID: vendorID),
                esID: esID ?? Self.randomIdentifier(),
                property: property,
                picture: SESPictureInfo(
                    type: picture.format.rawValue, data: picture.data, width: picture.widthMillimetres,
                    height: picture.heightMillimetres),
                extDatas: extDatas.isEmpty ? nil : extDatas)
        } catch {
            throw ESealError.invalidParameter("\(error)")
        }
    }

    /// Signs the seal information with the maker's key and returns the finished seal.
    public func make(
        makerKey: SM2.Signing.PrivateKey, makerCertificate: X509Certificate
    ) throws(ESealError) -> ElectronicSeal {
        let signed = try sign(makerKey: makerKey, makerCertificate: makerCertificate, version: version)
        return try assemble(signed, makerCertificate: makerCertificate, timeStamp: nil)
    }

    /// Makes a "version 5" seal carrying a time stamp over the maker's signature value,
    /// obtained from `timeStamper` (the header says version 5 whatever ``version`` holds).
    public func make(
        makerKey: SM2.Signing.PrivateKey, makerCertificate: X509Certificate, timeStamper: some TimeStampProvider
    ) async throws -> ElectronicSeal {
        let signed = try sign(makerKey: makerKey, makerCertificate: makerCertificate, version: .v5)
        let timeStamp = try await timeStamper.timeStamp(for: signed.signedValue)
        return try assemble(signed, makerCertificate: makerCertificate, timeStamp: timeStamp)
    }

    private struct Signed {
        let sealInfoBytes: [UInt8]
        let signedValue: [UInt8]
    }

    private func sign(
        makerKey: SM2.Signing.PrivateKey, makerCertificate: X509Certificate, version: SealVersion
    ) throws(ESealError) -> Signed {
        guard SealCrypto.matches(makerKey, makerCertificate) else {
            throw ESealError.keyCertificateMismatch("the maker's key is not the key of \(makerCertificate.subject)")
        }
        var builder = self
        builder.version = version
        let info = try builder.sealInfo()
        let infoBytes: [UInt8]
        do {
            infoBytes = try info.derBytes()
        } catch {
            throw ESealError.invalidParameter("\(error)")
        }
        return Signed(sealInfoBytes: infoBytes, signedValue: try SealCrypto.sign(infoBytes, with: makerKey))
    }

    private func assemble(
        _ signed: Signed, makerCertificate: X509Certificate, timeStamp: [UInt8]?
    ) throws(ESealError) -> ElectronicSeal {
        let bytes: [UInt8]
        do {
            let seal = try SESeal(
                sealInfoBytes: signed.sealInfoBytes, cert: Array(makerCertificate.derRepresentation),
                signAlgID: SealChecks.sm3WithSM2, signedValue: signed.signedValue, timeStamp: timeStamp)
            bytes = try seal.derBytes()
        } catch {
            throw ESealError.invalidParameter("\(error)")
        }
        return try ElectronicSeal(derEncoded: bytes)
    }

    private func validate() throws(ESealError) {
        guard !name.isEmpty else { throw ESealError.invalidParameter("the seal needs a name") }
        guard validStart < validEnd else {
            throw ESealError.invalidParameter("validStart \(validStart) is not before validEnd \(validEnd)")
        }
        guard !signerCertificates.isEmpty else {
            throw ESealError.invalidParameter("the seal needs at least one signer certificate")
        }
        guard version == .v4 || version == .v5 else {
            throw ESealError.invalidParameter("seals are made as v4 or v5; v1 is read only")
        }
        for (label, text) in [("esID", esID ?? ""), ("vendorID", vendorID)] where !text.allSatisfy(\.isASCII) {
            throw ESealError.invalidParameter("\(label) must be ASCII (IA5String)")
        }
    }

    private static func randomIdentifier() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}
