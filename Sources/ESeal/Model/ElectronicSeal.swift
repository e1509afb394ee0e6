import Foundation
import SwiftASN1
internal import ZhengwuKitSupport

/// An electronic seal 电子印章 of any version, read into one shape.
///
/// ```swift
/// let seal = try ElectronicSeal(derEncoded: Data(contentsOf: url))
/// print(seal.version, seal.name, seal.validEnd)
/// ```
/// The version-specific ASN.1 value stays available in ``structure`` for callers who need
/// every field exactly as encoded.
public struct ElectronicSeal: Sendable, Hashable {
    /// The ASN.1 value the seal was read from.
    public enum Structure: Sendable, Hashable {
        case v1(SESealV1)
        /// GB/T 38540 (header version 4) and the field's version 5.
        case v4(SESeal)
    }

    public let structure: Structure
    public let version: SealVersion
    /// The seal's encoding, exactly as read.
    public let derRepresentation: [UInt8]
    /// Departures from the standard seen while reading.
    public let deviations: [Deviation]

    public let header: SESHeader
    /// The seal's identifier 电子印章标识.
    public let esID: String
    /// The seal type: 1 official 单位印章, 2 personal 个人印章, others by agreement.
    public let type: Int
    public let name: String
    /// The certificates (or their digests) whose holders may sign with this seal.
    public let certList: SESCertList
    public let createDate: Date
    public let validStart: Date
    public let validEnd: Date
    public let picture: SESPictureInfo
    public let extDatas: [ExtData]
    /// The seal maker's DER certificate 制章人证书.
    public let makerCertificate: [UInt8]
    public let signatureAlgorithm: ASN1ObjectIdentifier
    /// The maker's signature as stored (DER or raw r‖s).
    public let signatureValue: [UInt8]
    /// The time stamp on the seal (version 5 only).
    public let timeStamp: [UInt8]?
    /// The bytes the maker signed.
    public let signedBytes: [UInt8]

    /// Reads a seal of any version, tolerating the deviations real seals have.
    public init<Bytes: DataProtocol>(derEncoded bytes: Bytes) throws(ESealError) {
        let parsed = try TolerantDER.parse(Array(bytes))
        try self.init(node: parsed.node, encoding: Array(bytes), nonDER: parsed.nonDER)
    }

    init(node: ASN1Node, encoding: [UInt8], nonDER: Bool) throws(ESealError) {
        let structure: Structure
        do {
            switch VersionDetection.sealShape(of: node) {
            case .v1: structure = .v1(try SESealV1(derEncoded: node))
            case .v4: structure = .v4(try SESeal(derEncoded: node))
            case .unknown(let reason): throw ESealError.malformed("not an electronic seal: \(reason)")
            }
        } catch let error as ESealError {
            throw error
        } catch {
            throw ESealError.malformed("SESeal: \(ASN1FailureText.describe(error))")
        }
        try self.init(structure: structure, encoding: encoding, nonDER: nonDER)
    }

    /// A seal already parsed (as the one inside a signature is).
    init(structure: Structure, encoding: [UInt8], nonDER: Bool) throws(ESealError) {
        var deviations: [Deviation] = nonDER ? [Deviation(.nonDEREncoding, at: "SESeal")] : []
        self.structure = structure
        switch structure {
        case .v1(let seal):
            let info = seal.sealInfo
            let property = info.property
            self.version = .v1
            self.header = info.header
            self.esID = info.esID
            self.type = property.type
            self.name = property.name
            self.certList = .certificates(property.certList)
            self.createDate = property.createDate.date
            self.validStart = property.validStart.date
            self.validEnd = property.validEnd.date
            self.picture = info.picture
            self.extDatas = info.extDatas ?? []
            self.makerCertificate = seal.signInfo.cert
            self.signatureAlgorithm = seal.signInfo.signatureAlgorithm
            self.signatureValue = seal.signInfo.signData
            self.timeStamp = nil
            do {
                self.signedBytes = try seal.signedBytes()
            } catch {
                throw ESealError.malformed("SESeal: \(ASN1FailureText.describe(error))")
            }
            for (field, time) in [
                ("createDate", property.createDate), ("validStart", property.validStart),
                ("validEnd", property.validEnd),
            ] where time.isGeneralizedTime {
                deviations.append(Deviation(.timeEncoding, at: "SESeal.esealInfo.property.\(field)"))
            }
        case .v4(let seal):
            let info = seal.sealInfo
            let property = info.property
            self.version = seal.timeStamp != nil || info.header.version == 5 ? .v5 : .v4
            self.header = info.header
            self.esID = info.esID
            self.type = property.type
            self.name = property.name
            self.certList = property.certList
            self.createDate = property.createDate.date
            self.validStart = property.validStart.date
            self.validEnd = property.validEnd.date
            self.picture = info.picture
            self.extDatas = info.extDatas ?? []
            self.makerCertificate = seal.cert
            self.signatureAlgorithm = seal.signAlgID
            self.signatureValue = seal.signedValue
            self.timeStamp = seal.timeStamp
            self.signedBytes = seal.sealInfoBytes
            for (field, time) in [
                ("createDate", property.createDate), ("validStart", property.validStart),
                ("validEnd", property.validEnd),
            ] where !time.isGeneralizedTime {
                deviations.append(Deviation(.timeEncoding, at: "SESeal.eSealInfo.property.\(field)"))
            }
        }
        self.derRepresentation = encoding
        let expectedHeader = version == .v1 ? 1 : version.rawValue
        if header.id != "ES" || header.version != expectedHeader {
            deviations.append(
                Deviation(.headerMismatch, at: "SESeal.header (id \(header.id), version \(header.version))"))
        }
        for (index, ext) in extDatas.enumerated() where ext.criticalEncodedExplicitly {
            deviations.append(Deviation(.explicitDefaultCritical, at: "SESeal.eSealInfo.extDatas[\(index)].critical"))
        }
        if SignatureValue.isRaw(signatureValue) {
            deviations.append(Deviation(.rawSignatureValue, at: "SESeal.signedValue"))
        }
        if CertificateInspection.hasNullAlgorithmParameters(makerCertificate) {
            deviations.append(Deviation(.nullAlgorithmParameters, at: "SESeal.cert"))
        }
        if case .certificates(let certs) = certList {
            for (index, cert) in certs.enumerated() where CertificateInspection.hasNullAlgorithmParameters(cert) {
                deviations.append(
                    Deviation(.nullAlgorithmParameters, at: "SESeal.eSealInfo.property.certList[\(index)]"))
            }
        }
        self.deviations = deviations
    }
}
