import Foundation
import SwiftASN1
import ZhengwuKitCore

/// What a SignedData's signature covers and whether that binds this `Signature.xml`: the
/// content (attached, detached), the signed attributes' `messageDigest`, and the bytes the
/// signature must verify over (one or, for the detached form without attributes, two).
struct Coverage {
    var form = ""
    var messages: [(bytes: [UInt8], label: String)] = []
    /// The signedData line's text when the binding is settled without the signature.
    var detail: String?
    var failure: String?
    var signatureXMLChanged = false
    var unsupported: String?
    var warnings: [VerificationWarning] = []
    var signingTime: String?

    static func determine(
        _ signedData: CMSSignedData, _ signer: CMSSignerInfo, signatureXML: [UInt8], part: String
    ) -> Coverage {
        var coverage = Coverage()
        let digest = SM3Stream.hash(signatureXML)
        var contentLabel = ""
        if let content = signedData.content {
            if content == signatureXML {
                contentLabel = "this Signature.xml"
            } else if content == digest {
                contentLabel = "this Signature.xml's SM3"
            } else if let decoded = base64(content), decoded == digest {
                contentLabel = "this Signature.xml's SM3 (in base64)"
                coverage.warnings.append(
                    SignedDataCheck.deviation("the SignedData's content is the SM3 digest written in base64", part))
            } else if content.count == 32 || base64(content)?.count == 32 || content.first == UInt8(ascii: "<") {
                contentLabel = "the SignedData's content"
                coverage.failure =
                    "the SignedData's content is not SM3 of this Signature.xml (nor Signature.xml itself): "
                    + "Signature.xml changed after signing"
                coverage.signatureXMLChanged = true
            } else {
                coverage.unsupported =
                    "the SignedData's content is \(content.count) bytes that are neither this Signature.xml "
                    + "nor its SM3 digest; a form this library does not know"
                return coverage
            }
        }
        let attached =
            contentLabel.hasPrefix("this Signature.xml's SM3") ? "SM3 digest attached" : "Signature.xml attached"
        guard let attributes = signer.signedAttributesForSigning else {
            if let content = signedData.content {
                coverage.form = "\(attached), no signed attributes"
                coverage.messages = [(content, contentLabel)]
                if coverage.failure == nil { coverage.detail = "the signed content is \(contentLabel)" }
            } else {
                coverage.form = "detached, no signed attributes"
                coverage.messages = [(signatureXML, "this Signature.xml"), (digest, "this Signature.xml's SM3")]
            }
            return coverage
        }
        coverage.messages = [(attributes, "the signed attributes")]
        coverage.signingTime = signingTime(signer)
        let contentTypes = signer.values(of: CMSIdentifiers.contentType)
        if contentTypes.isEmpty {
            coverage.warnings.append(
                SignedDataCheck.deviation("the signed attributes lack contentType (RFC 5652 §5.3 requires it)", part))
        } else if contentTypes.count != 1 || contentTypes[0].count != 1
            || (try? CMSSignedData.oid(contentTypes[0][0], "contentType")) != signedData.contentType
        {
            coverage.failure = "the contentType attribute is not the signed content's type \(signedData.contentType)"
            return coverage
        }
        let digests = signer.values(of: CMSIdentifiers.messageDigest)
        guard digests.count == 1, digests[0].count == 1, digests[0][0].identifier == .octetString,
            case .primitive(let value) = digests[0][0].content
        else {
            coverage.failure = "the signed attributes do not carry exactly one messageDigest OCTET STRING"
            return coverage
        }
        let messageDigest = Array(value)
        if let content = signedData.content {
            coverage.form = "\(attached), signed attributes"
            if SM3Stream.hash(content) != messageDigest {
                coverage.failure =
                    coverage.failure
                    ?? "the messageDigest attribute is not SM3 of the SignedData's content: the signed value was altered"
            } else if coverage.failure == nil {
                coverage.detail = "messageDigest is SM3 of the content, which is \(contentLabel)"
            }
        } else if messageDigest == digest {
            coverage.form = "detached, signed attributes"
            coverage.detail = "messageDigest is SM3 of this Signature.xml (content detached)"
        } else if messageDigest == SM3Stream.hash(digest) {
            coverage.form = "detached SM3 digest, signed attributes"
            coverage.detail = "messageDigest is SM3 of this Signature.xml's SM3 (content detached)"
        } else {
            coverage.form = "detached, signed attributes"
            coverage.failure =
                "the messageDigest attribute is not SM3 of this Signature.xml: Signature.xml changed after signing"
            coverage.signatureXMLChanged = true
        }
        return coverage
    }

    private static func base64(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count <= 256, let text = String(bytes: bytes, encoding: .ascii) else { return nil }
        return Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)).map(Array.init)
    }

    /// The signingTime attribute as ISO 8601, when present and readable.
    private static func signingTime(_ signer: CMSSignerInfo) -> String? {
        guard let node = signer.values(of: CMSIdentifiers.signingTime).first?.first else { return nil }
        let parts: (Int, Int, Int, Int, Int, Int)
        if let time = try? UTCTime(derEncoded: node) {
            parts = (time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        } else if let time = try? GeneralizedTime(derEncoded: node) {
            parts = (time.year, time.month, time.day, time.hours, time.minutes, time.seconds)
        } else {
            return nil
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.0)-\(two(parts.1))-\(two(parts.2))T\(two(parts.3)):\(two(parts.4)):\(two(parts.5))Z"
    }
}
