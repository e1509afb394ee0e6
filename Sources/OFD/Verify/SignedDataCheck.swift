import Foundation
import GMCertificates
import GMCrypto
import SwiftASN1
import ZhengwuKitCore

/// Verifies GB/T 35275 SignedData signatures (`Type="Sign"`, GM/T 0099 §7.2.2): what the
/// signed value covers, the signer's SM2 signature (SM3, ID `1234567812345678`), and the
/// signer's certificate chain to the caller's trust anchors.
///
/// The forms read (`X` is `Signature.xml`'s bytes, `D` its SM3):
/// - content detached, signed attributes with `messageDigest = D`, signature over their DER
///   (RFC 5652; ofdrw's `GBT35275PKCS9DSContainer`, 数科, `openssl cms`);
/// - content `D`, no signed attributes, signature over `D` (ofdrw's `GBT35275DSContainer`,
///   which also leaves out the ContentInfo), or content `D` written in base64 (tolerated, as
///   ofdrw's verifier does);
/// - content `X` itself, with or without signed attributes;
/// - content detached without attributes, the signature over `X` (or `D`).
/// Anything else is reported as unsupported with the reason, never read as a seal.
enum SignedDataCheck {
    struct Outcome {
        var lines: [Line]
        var warnings: [VerificationWarning]
        var format: String
        var supported: Bool
        var signingTime: String?
        /// The signed value does not cover this `Signature.xml`: it changed after signing.
        var signatureXMLChanged = false
        /// The signer's certificate subject, when found.
        var signer: String?
    }

    static let family = "GB/T 35275 SignedData"

    static func verify(
        _ value: [UInt8], signatureXML: [UInt8], part: String, anchors: [X509Certificate], at time: Date
    ) -> Outcome {
        let signedData: CMSSignedData
        do {
            signedData = try CMSSignedData(derEncoded: value)
        } catch {
            return unsupported(unknownForm(value, error), format: family)
        }
        let family = familyName(signedData)
        guard signedData.signers.count == 1, let signer = signedData.signers.first else {
            return unsupported(
                "the SignedData has \(signedData.signers.count) signers; a Type=\"Sign\" signature has one",
                format: family)
        }
        guard CMSIdentifiers.isSM3(signer.digestAlgorithm) else {
            return unsupported(
                "the signer's digest algorithm is \(CMSIdentifiers.name(signer.digestAlgorithm)), not SM3 "
                    + "(GB/T 35275 signatures in OFD use SM3)", format: family)
        }
        guard CMSIdentifiers.isSM2Signature(signer.signatureAlgorithm) else {
            return unsupported(
                "the signature algorithm is \(CMSIdentifiers.name(signer.signatureAlgorithm)), not SM2 with SM3",
                format: family)
        }
        guard CMSIdentifiers.isData(signedData.contentType) else {
            return unsupported(
                "the signed content's type is \(CMSIdentifiers.name(signedData.contentType)), not data", format: family)
        }
        var warnings: [VerificationWarning] = []
        if !signedData.digestAlgorithms.contains(where: CMSIdentifiers.isSM3) {
            warnings.append(deviation("the SignedData's digestAlgorithms do not list SM3", part))
        }
        var coverage = Coverage.determine(signedData, signer, signatureXML: signatureXML, part: part)
        warnings += coverage.warnings
        if let reason = coverage.unsupported {
            return unsupported(reason, format: family, warnings: warnings)
        }
        var outcome = Outcome(
            lines: [], warnings: warnings, format: "\(family) (\(coverage.form))", supported: true,
            signingTime: coverage.signingTime)
        if let failure = coverage.failure {
            outcome.lines.append(Line(OFDCheck.signedData, .failed, failure))
            outcome.signatureXMLChanged = coverage.signatureXMLChanged
        } else if !coverage.messages.isEmpty, coverage.detail != nil {
            outcome.lines.append(Line(OFDCheck.signedData, .passed, coverage.detail ?? ""))
        }
        // The signer's certificate, its SM2 signature, its chain.
        guard let certificateDER = signerCertificate(signer, in: signedData) else {
            outcome.lines.append(
                Line(
                    OFDCheck.signature, .notChecked,
                    "the signer's certificate is not in the SignedData, so the signature cannot be verified"))
            outcome.supported = false
            return outcome
        }
        let certificate: X509Certificate
        do {
            certificate = try X509Certificate(derRepresentation: certificateDER)
        } catch {
            outcome.lines.append(Line(OFDCheck.signature, .failed, "the signer's certificate cannot be read: \(error)"))
            return outcome
        }
        outcome.signer = certificate.subject.description
        guard case .sm2(let key) = certificate.publicKey else {
            outcome.lines.append(
                Line(
                    OFDCheck.signature, .notChecked,
                    "the signer's certificate holds a \(certificate.publicKey.algorithmName) key, not SM2"))
            outcome.supported = false
            return outcome
        }
        outcome.lines.append(signatureLine(signer.signature, over: &coverage, key: key, part: part, into: &outcome))
        outcome.lines.append(chainLine(certificate, others: signedData.certificates, anchors: anchors, at: time))
        return outcome
    }

    private static func signatureLine(
        _ value: [UInt8], over coverage: inout Coverage, key: SM2.Signing.PublicKey, part: String,
        into outcome: inout Outcome
    ) -> Line {
        let signature: SM2.Signing.Signature
        if value.count == 64, let raw = try? SM2.Signing.Signature(rawRepresentation: value) {
            outcome.warnings.append(.rawSignatureValue(part))
            signature = raw
        } else if let der = try? SM2.Signing.Signature(derRepresentation: value) {
            signature = der
        } else if let raw = SignatureValueForm.rawFromNonMinimalDER(value),
            let padded = try? SM2.Signing.Signature(rawRepresentation: raw)
        {
            outcome.warnings.append(.nonMinimalDER(part))
            signature = padded
        } else {
            return Line(OFDCheck.signature, .failed, "the signature value is neither DER SEQUENCE { r, s } nor raw r‖s")
        }
        for (message, label) in coverage.messages
        where key.isValidSignature(signature, for: message, userID: .default) {
            if coverage.failure == nil, coverage.detail == nil {
                outcome.lines.append(Line(OFDCheck.signedData, .passed, "the signature covers \(label)"))
            }
            return Line(
                OFDCheck.signature, .passed, "SM2 signature (SM3, ID 1234567812345678) over \(label) verifies")
        }
        if coverage.failure == nil, coverage.detail == nil {
            // Detached without attributes: only the signature binds Signature.xml.
            outcome.lines.append(
                Line(OFDCheck.signedData, .failed, "the signature covers neither this Signature.xml nor its SM3"))
        }
        return Line(
            OFDCheck.signature, .failed,
            "the SM2 signature does not verify over \(coverage.messages.map(\.label).joined(separator: " or "))")
    }

    private static func chainLine(
        _ certificate: X509Certificate, others: [[UInt8]], anchors: [X509Certificate], at time: Date
    ) -> Line {
        guard !anchors.isEmpty else {
            return Line(
                OFDCheck.certificateChain, .notChecked,
                "no trust anchors were given for SignedData signatures (OFDVerifier.signedDataTrustAnchors, --trust): "
                    + "the signer \(certificate.subject) is not established")
        }
        let intermediates = others.compactMap { try? X509Certificate(derRepresentation: $0) }
            .filter { $0 != certificate }
        switch X509Verifier(trustRoots: anchors).verify(certificate, intermediates: intermediates, at: time) {
        case .valid(let chain):
            return Line(
                OFDCheck.certificateChain, .passed,
                "\(certificate.subject) chains to \(chain.last?.subject.description ?? "a trust anchor")")
        case .invalid(let failure):
            return Line(OFDCheck.certificateChain, .failed, failure.message)
        }
    }

    static func signerCertificate(_ signer: CMSSignerInfo, in signedData: CMSSignedData) -> [UInt8]? {
        switch signer.identifier {
        case .issuerAndSerial(let issuer, let serial):
            return signedData.certificates.first {
                guard let found = CMSCertificateMatch.issuerAndSerial(of: $0) else { return false }
                return found.issuer == issuer && found.serial == serial
            }
        case .subjectKeyIdentifier(let identifier):
            return signedData.certificates.first {
                (try? X509Certificate(derRepresentation: $0))?.subjectKeyIdentifier == identifier
            }
        }
    }

    private static func familyName(_ signedData: CMSSignedData) -> String {
        switch signedData.outerType {
        case .some(CMSIdentifiers.pkcs7SignedData): return "PKCS #7 SignedData"
        case .some: return family
        case .none: return family + " without ContentInfo"
        }
    }

    /// Why a Type="Sign" value that is no SignedData cannot be verified, naming what it looks like.
    private static func unknownForm(_ value: [UInt8], _ error: CMSFormatError) -> String {
        if value.count == 64 || (try? SM2.Signing.Signature(derRepresentation: value)) != nil {
            return "the signed value is a bare SM2 signature with no certificate (ofdrw's DigitalSignContainer form); "
                + "without the signer's certificate it cannot be verified"
        }
        return "the signed value is not a GB/T 35275 SignedData: \(error.reason)"
    }

    private static func unsupported(_ reason: String, format: String, warnings: [VerificationWarning] = [])
        -> Outcome
    {
        Outcome(
            lines: [Line(OFDCheck.signature, .notChecked, "unsupported: \(reason)")], warnings: warnings,
            format: format, supported: false)
    }

    static func deviation(_ text: String, _ part: String) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.signed_data_deviation", message: "\(part): \(text)", chineseTerm: "签名数据格式不规范")
    }
}
