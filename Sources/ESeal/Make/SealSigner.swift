import Foundation
import GMCertificates
import GMCrypto
import SwiftASN1
internal import ZhengwuKitSupport

/// Applies a seal to data 签章: produces a GB/T 38540 `SES_Signature` signed by the signer.
///
/// ```swift
/// let signer = try SealSigner(privateKey: key, certificate: certificate)
/// let signature = try signer.sign(seal: seal, data: .file(url), propertyInfo: "contract.pdf")
/// ```
public struct SealSigner: Sendable {
    public let privateKey: SM2.Signing.PrivateKey
    public let certificate: X509Certificate

    /// Fails when the key is not the certificate's.
    public init(privateKey: SM2.Signing.PrivateKey, certificate: X509Certificate) throws(ESealError) {
        guard SealCrypto.matches(privateKey, certificate) else {
            throw ESealError.keyCertificateMismatch("the signer's key is not the key of \(certificate.subject)")
        }
        self.privateKey = privateKey
        self.certificate = certificate
    }

    /// Signs `data` with `seal` at `time`. The data is hashed with SM3 in constant memory.
    public func sign(
        seal: ElectronicSeal, data: ProtectedData, propertyInfo: String, at time: Date = Date(),
        extDatas: [ExtData]? = nil
    ) throws(ESealError) -> ElectronicSignature {
        let parts = try prepare(seal: seal, data: data, propertyInfo: propertyInfo, at: time, extDatas: extDatas)
        return try finish(parts, timeStamp: nil)
    }

    /// Signs as ``sign(seal:data:propertyInfo:at:extDatas:)`` and adds a time stamp over the signature value.
    public func sign(
        seal: ElectronicSeal, data: ProtectedData, propertyInfo: String, at time: Date = Date(),
        extDatas: [ExtData]? = nil, timeStamper: some TimeStampProvider
    ) async throws -> ElectronicSignature {
        let parts = try prepare(seal: seal, data: data, propertyInfo: propertyInfo, at: time, extDatas: extDatas)
        let timeStamp = try await timeStamper.timeStamp(for: parts.signature)
        return try finish(parts, timeStamp: timeStamp)
    }

    private struct Parts {
        let toSign: TBSSign
        let signature: [UInt8]
    }

    private func prepare(
        seal: ElectronicSeal, data: ProtectedData, propertyInfo: String, at time: Date, extDatas: [ExtData]?
    ) throws(ESealError) -> Parts {
        guard seal.version != .v1 else {
            throw ESealError.invalidParameter("signing makes v4 signatures, which cannot carry a v1 seal")
        }
        guard propertyInfo.allSatisfy(\.isASCII) else {
            throw ESealError.invalidParameter("propertyInfo must be ASCII (IA5String)")
        }
        let own = Array(certificate.derRepresentation)
        guard case .passed = SealChecks.membership(of: own, in: seal.certList).outcome else {
            throw ESealError.invalidParameter("the seal does not list the signer's certificate \(certificate.subject)")
        }
        let digest = try data.sm3Digest()
        do {
            let toSign = try TBSSign(
                version: seal.version == .v5 ? 5 : 4, esealBytes: seal.derRepresentation,
                timeInfo: try ASN1Time.generalizedTime(time), dataHash: digest, propertyInfo: propertyInfo,
                extDatas: extDatas)
            let signature = try SealCrypto.sign(try toSign.derBytes(), with: privateKey)
            return Parts(toSign: toSign, signature: signature)
        } catch let error as ESealError {
            throw error
        } catch {
            throw ESealError.invalidParameter("\(error)")
        }
    }

    private func finish(_ parts: Parts, timeStamp: [UInt8]?) throws(ESealError) -> ElectronicSignature {
        do {
            let value = try SESSignature(
                toSign: parts.toSign, cert: Array(certificate.derRepresentation),
                signatureAlgID: SealChecks.sm3WithSM2, signature: parts.signature, timeStamp: timeStamp)
            return try ElectronicSignature(derEncoded: try value.derBytes())
        } catch let error as ESealError {
            throw error
        } catch {
            throw ESealError.invalidParameter("\(error)")
        }
    }
}
