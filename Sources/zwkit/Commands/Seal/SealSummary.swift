import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore
import ZhengwuKitSupport

/// Every field of a seal or signature, in a form both people and JSON readers use.
struct SealSummary: Encodable {
    struct Certificate: Encodable {
        let subject: String?
        let issuer: String?
        let serialNumber: String?
        let notBefore: Date?
        let notAfter: Date?
        let sm3: String
        let error: String?

        init(der: [UInt8]) {
            sm3 = Hex.encode(Array(SM3.hash(data: der)))
            do {
                let certificate = try X509Certificate(derRepresentation: der)
                subject = "\(certificate.subject)"
                issuer = "\(certificate.issuer)"
                serialNumber = "\(certificate.serialNumber)"
                notBefore = certificate.notBefore
                notAfter = certificate.notAfter
                error = nil
            } catch {
                (subject, issuer, serialNumber, notBefore, notAfter) = (nil, nil, nil, nil, nil)
                self.error = "\(error)"
            }
        }
    }

    struct Extension: Encodable {
        let id: String
        let critical: Bool
        let criticalEncodedExplicitly: Bool
        let value: String

        init(_ ext: ExtData) {
            id = "\(ext.extnID)"
            critical = ext.critical
            criticalEncodedExplicitly = ext.criticalEncodedExplicitly
            value = Hex.encode(ext.extnValue)
        }
    }

    struct Picture: Encodable {
        let type: String
        let bytes: Int
        let widthMillimetres: Int
        let heightMillimetres: Int
    }

    struct Digest: Encodable {
        let type: String
        let value: String
    }

    struct Seal: Encodable {
        let version: Int
        let headerID: String
        let headerVersion: Int
        let vendorID: String
        let esID: String
        let type: Int
        let name: String
        let certListType: Int
        let certificates: [Certificate]?
        let certificateDigests: [Digest]?
        let createDate: Date
        let validStart: Date
        let validEnd: Date
        let picture: Picture
        let extDatas: [Extension]
        let makerCertificate: Certificate
        let signatureAlgorithm: String
        let signatureValue: String
        let timeStamp: String?

        init(_ seal: ElectronicSeal) {
            version = seal.version.rawValue
            headerID = seal.header.id
            headerVersion = seal.header.version
            vendorID = seal.header.vendorID
            esID = seal.esID
            type = seal.type
            name = seal.name
            certListType = seal.certList.listType
            switch seal.certList {
            case .certificates(let list):
                certificates = list.map(Certificate.init(der:))
                certificateDigests = nil
            case .certificateDigests(let list):
                certificates = nil
                certificateDigests = list.map { Digest(type: $0.type, value: Hex.encode($0.value)) }
            }
            createDate = seal.createDate
            validStart = seal.validStart
            validEnd = seal.validEnd
            picture = Picture(
                type: seal.picture.type, bytes: seal.picture.data.count, widthMillimetres: seal.picture.width,
                heightMillimetres: seal.picture.height)
            extDatas = seal.extDatas.map(Extension.init)
            makerCertificate = Certificate(der: seal.makerCertificate)
            signatureAlgorithm = "\(seal.signatureAlgorithm)"
            signatureValue = Hex.encode(seal.signatureValue)
            timeStamp = seal.timeStamp.map(Hex.encode)
        }
    }

    struct Signature: Encodable {
        let version: Int
        let signingTime: Date?
        let dataHash: String
        let propertyInfo: String
        let extDatas: [Extension]
        let signerCertificate: Certificate
        let signatureAlgorithm: String
        let signatureValue: String
        let timeStamp: String?
    }

    let file: String
    let kind: String
    let seal: Seal
    let signature: Signature?
    let warnings: [VerificationWarning]

    init(file: String, document: ESealDocument) {
        self.file = file
        switch document {
        case .seal(let value):
            kind = "seal"
            seal = Seal(value)
            signature = nil
            warnings = value.deviations.map(\.warning)
        case .signature(let value):
            kind = "signature"
            seal = Seal(value.seal)
            signature = Signature(
                version: value.version.rawValue, signingTime: value.signingTime, dataHash: Hex.encode(value.dataHash),
                propertyInfo: value.propertyInfo, extDatas: value.extDatas.map(Extension.init),
                signerCertificate: Certificate(der: value.signerCertificate),
                signatureAlgorithm: "\(value.signatureAlgorithm)", signatureValue: Hex.encode(value.signatureValue),
                timeStamp: value.timeStamp.map(Hex.encode))
            warnings = value.deviations.map(\.warning)
        }
    }
}
