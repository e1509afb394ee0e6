import ESeal
import Foundation
import GMCrypto
import ZhengwuKitCore

/// The one place OFD reads ESeal's answers, so a change in ESeal's report shape touches
/// only this file. ESeal's lines become `seal.`-prefixed OFD lines with their roles.
enum ESealBridge {
    struct Outcome {
        var lines: [ZhengwuKitCore.CheckResult<OFDCheck>]
        var warnings: [VerificationWarning]
        var format: String
        var sealName: String?
        var signingTime: String?
        var propertyInfo: String?
    }

    static func verify(
        signedValue: [UInt8], signatureXML: [UInt8], part: String, verifier: SealVerifier, at time: Date
    ) -> Outcome {
        let signature: ElectronicSignature
        do {
            signature = try ElectronicSignature(derEncoded: signedValue)
        } catch {
            return Outcome(
                lines: [.init(OFDCheck.structure, .failed, "the signed value is not an SES_Signature: \(error)")],
                warnings: [], format: "unreadable")
        }
        var warnings: [VerificationWarning] = []
        var toVerify = signature
        if let normalised = minimalised(signature) {
            warnings.append(.nonMinimalDER(part))
            toVerify = normalised
        }
        let report = verifier.verify(toVerify, data: .bytes(signatureXML), at: time)
        var lines: [ZhengwuKitCore.CheckResult<OFDCheck>] = []
        for line in report.checks {
            let check = OFDCheck(name: "seal." + line.name, chineseTerm: line.check.chineseTerm, role: line.role)
            lines.append(.init(check, line.outcome, line.detail, isRequired: line.isRequired))
        }
        for warning in report.warnings {
            if warning.code == Deviation.Kind.rawSignatureValue.code {
                warnings.append(.rawSignatureValue(part))
            } else if SealTimeWarning(rawValue: warning.code) != nil {
                // Self-asserted times keep ESeal's codes, which StrictSealTimes and callers match on.
                warnings.append(
                    VerificationWarning(
                        code: warning.code, message: "\(part): \(warning.message)", chineseTerm: warning.chineseTerm))
            } else {
                warnings.append(.sealDeviation(warning.message, part))
            }
        }
        let picture = PictureFormat.sniff(signature.seal.picture.data) ?? signature.seal.picture.type.lowercased()
        if picture != "png" {
            warnings.append(.sealPicture(picture, part))
        }
        return Outcome(
            lines: lines, warnings: warnings, format: formatName(signature.version),
            sealName: signature.seal.name, signingTime: signature.signingTime.map(Timestamp.format),
            propertyInfo: signature.propertyInfo)
    }

    static func formatName(_ version: SealVersion) -> String {
        switch version {
        case .v1: return "GM/T 0031 v1"
        case .v4: return "GB/T 38540 v4"
        case .v5: return "GB/T 38540 v5"
        }
    }

    /// A signature whose signer value is DER with non-minimal integers, re-stored as raw r‖s
    /// (which ESeal reads); `nil` when the value is already minimal DER or raw.
    static func minimalised(_ signature: ElectronicSignature) -> ElectronicSignature? {
        guard case .v4(let structure) = signature.structure,
            let raw = SignatureValueForm.rawFromNonMinimalDER(signature.signatureValue)
        else { return nil }
        do {
            let rebuilt = try SESSignature(
                toSign: structure.toSign, cert: structure.cert, signatureAlgID: structure.signatureAlgID,
                signature: raw, timeStamp: structure.timeStamp)
            return try ElectronicSignature(derEncoded: rebuilt.derBytes())
        } catch {
            return nil
        }
    }
}
