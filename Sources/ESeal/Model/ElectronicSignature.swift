import Foundation
import SwiftASN1
internal import ZhengwuKitSupport

/// An electronic signature 电子签章 (a seal applied to data) of any version, read into one shape.
public struct ElectronicSignature: Sendable, Hashable {
    /// The ASN.1 value the signature was read from.
    public enum Structure: Sendable, Hashable {
        case v1(SESSignatureV1)
        /// GB/T 38540 (version 4) and the field's version 5.
        case v4(SESSignature)
    }

    public let structure: Structure
    public let version: SealVersion
    /// The signature's encoding, exactly as read.
    public let derRepresentation: [UInt8]
    /// Departures from the standard seen while reading, the seal's included.
    public let deviations: [Deviation]

    /// The seal that was applied.
    public let seal: ElectronicSeal
    /// The signing time 签章时间; `nil` when a v1 `timeInfo` holds no readable time.
    public let signingTime: Date?
    /// SM3 of the protected data 原文杂凑值.
    public let dataHash: [UInt8]
    /// What was protected (for an OFD, the path of its `Signature.xml`).
    public let propertyInfo: String
    public let extDatas: [ExtData]
    /// The signer's DER certificate 签章人证书.
    public let signerCertificate: [UInt8]
    public let signatureAlgorithm: ASN1ObjectIdentifier
    /// The signer's signature as stored (DER or raw r‖s).
    public let signatureValue: [UInt8]
    public let timeStamp: [UInt8]?
    /// The bytes the signer signed: the encoding of `TBS_Sign`.
    public let signedBytes: [UInt8]

    /// Reads a signature of any version, tolerating the deviations real ones have.
    public init<Bytes: DataProtocol>(derEncoded bytes: Bytes) throws(ESealError) {
        let encoding = Array(bytes)
        let parsed = try TolerantDER.parse(encoding)
        var deviations: [Deviation] = parsed.nonDER ? [Deviation(.nonDEREncoding, at: "SES_Signature")] : []
        let node = parsed.node
        do {
            switch VersionDetection.signatureShape(of: node) {
            case .v1:
                let signature = try SESSignatureV1(derEncoded: node)
                let tbs = signature.toSign
                self.structure = .v1(signature)
                self.seal = try ElectronicSeal(structure: .v1(tbs.eseal), encoding: tbs.esealBytes, nonDER: false)
                self.signingTime = TimeInfoV1.date(from: tbs.timeInfo)
                self.dataHash = tbs.dataHash
                self.propertyInfo = tbs.propertyInfo
                self.extDatas = []
                self.signerCertificate = tbs.cert
                self.signatureAlgorithm = tbs.signatureAlgorithm
                self.signatureValue = signature.signature
                self.timeStamp = nil
                self.signedBytes = signature.toSignBytes
                self.version = .v1
                if tbs.version != 1 {
                    deviations.append(Deviation(.headerMismatch, at: "TBS_Sign.version (\(tbs.version))"))
                }
            case .v4:
                let signature = try SESSignature(derEncoded: node)
                let tbs = signature.toSign
                self.structure = .v4(signature)
                self.seal = try ElectronicSeal(structure: .v4(tbs.eseal), encoding: tbs.esealBytes, nonDER: false)
                self.signingTime = ASN1Time.date(tbs.timeInfo)
                self.dataHash = tbs.dataHash
                self.propertyInfo = tbs.propertyInfo
                self.extDatas = tbs.extDatas ?? []
                self.signerCertificate = signature.cert
                self.signatureAlgorithm = signature.signatureAlgID
                self.signatureValue = signature.signature
                self.timeStamp = signature.timeStamp
                self.signedBytes = signature.toSignBytes
                self.version = tbs.version == 5 ? .v5 : .v4
                if tbs.version != 4 && tbs.version != 5 {
                    deviations.append(Deviation(.headerMismatch, at: "TBS_Sign.version (\(tbs.version))"))
                }
            case .unknown(let reason):
                throw ESealError.malformed("not an electronic signature: \(reason)")
            }
        } catch let error as ESealError {
            throw error
        } catch {
            throw ESealError.malformed("SES_Signature: \(ASN1FailureText.describe(error))")
        }
        self.derRepresentation = encoding
        deviations += seal.deviations.map { Deviation($0.kind, at: "TBS_Sign.eseal/" + $0.location) }
        for (index, ext) in extDatas.enumerated() where ext.criticalEncodedExplicitly {
            deviations.append(Deviation(.explicitDefaultCritical, at: "TBS_Sign.extDatas[\(index)].critical"))
        }
        if SignatureValue.isRaw(signatureValue) {
            deviations.append(Deviation(.rawSignatureValue, at: "SES_Signature.signature"))
        }
        if CertificateInspection.hasNullAlgorithmParameters(signerCertificate) {
            deviations.append(Deviation(.nullAlgorithmParameters, at: "SES_Signature.cert"))
        }
        self.deviations = deviations
    }
}
