import Foundation
import GMCertificates
import GMCrypto
import SwiftASN1
import ZhengwuKitCore

/// The fixed checks of GB/T 38540, each answering one report line.
enum SealChecks {
    static let sm3WithSM2: ASN1ObjectIdentifier = [1, 2, 156, 10197, 1, 501]

    /// What the maker's checks found: the certificate when readable, and the time its chain
    /// is proven at (the making date, or the certificate's `notBefore` when the seal states
    /// an earlier one; see ``SealTimeWarning``).
    struct Maker {
        let certificate: X509Certificate?
        let madeAt: Date
    }

    /// Checks the maker's signature and certificate validity.
    static func maker(
        of seal: ElectronicSeal, cache: SealCertificateCache, into checks: inout [SealLine],
        warnings: inout [VerificationWarning]
    ) -> Maker {
        let certificate: X509Certificate
        do {
            certificate = try SealCrypto.certificate(seal.makerCertificate, role: "maker", cache: cache)
        } catch {
            checks.append(SealLine(.makerSignature, .failed, "\(error)"))
            checks.append(SealLine(.makerCertificateValidity, .failed, "\(error)"))
            return Maker(certificate: nil, madeAt: seal.createDate)
        }
        checks.append(
            signatureCheck(
                .makerSignature, value: seal.signatureValue, algorithm: seal.signatureAlgorithm,
                over: seal.signedBytes, by: certificate))
        let validity = certificateValidity(
            .makerCertificateValidity, certificate, at: seal.createDate, stated: "the seal's stated making date",
            early: .sealMadeBeforeMakerCertificate, warnings: &warnings)
        checks.append(validity.line)
        return Maker(certificate: certificate, madeAt: validity.judgedAt)
    }

    static func validity(of seal: ElectronicSeal, at time: Date, label: String) -> SealLine {
        if time < seal.validStart {
            return SealLine(.sealValidity, .failed, "\(label): the seal is valid only from \(report: seal.validStart)")
        }
        if time > seal.validEnd {
            return SealLine(.sealValidity, .failed, "\(label): the seal expired at \(report: seal.validEnd)")
        }
        return SealLine(.sealValidity, .passed, "\(label) within \(report: seal.validStart) – \(report: seal.validEnd)")
    }

    /// The validity line of a certificate at a time its holder states, and the time the
    /// certificate is judged at: the stated time, or the certificate's `notBefore` when the
    /// stated time is earlier (accepted with the `early` warning). A stated time after
    /// `notAfter` fails: a holder saying it acted with an expired certificate is believed.
    static func certificateValidity(
        _ check: SealCheck, _ certificate: X509Certificate?, at time: Date, stated: String,
        early: SealTimeWarning, warnings: inout [VerificationWarning]
    ) -> (line: SealLine, judgedAt: Date) {
        guard let certificate else {
            return (SealLine(check, .failed, "the certificate could not be read"), time)
        }
        if time > certificate.notAfter {
            return (
                SealLine(
                    check, .failed,
                    "\(stated) \(report: time) is after the certificate expired (\(report: certificate.notBefore) – \(report: certificate.notAfter))"
                ), time
            )
        }
        if time < certificate.notBefore {
            let warning = early.warning(stated, time, before: "the certificate's notBefore", certificate.notBefore)
            warnings.append(warning)
            return (
                SealLine(
                    check, .passed,
                    "valid at its notBefore \(report: certificate.notBefore); \(stated) \(report: time) is earlier [\(early.code)]"
                ), certificate.notBefore
            )
        }
        return (SealLine(check, .passed, "valid at \(report: time)"), time)
    }

    static func membership(of signerCertificate: [UInt8], in list: SESCertList) -> SealLine {
        switch list {
        case .certificates(let certificates):
            if certificates.contains(signerCertificate) {
                return SealLine(.signerCertificateInSeal, .passed, "the seal lists the signer's certificate")
            }
            return SealLine(
                .signerCertificateInSeal, .failed,
                "the signer's certificate is not among the seal's \(certificates.count) certificates")
        case .certificateDigests(let digests):
            let sm3 = SealCrypto.sm3(signerCertificate)
            var unsupported: [String] = []
            for digest in digests {
                guard ["sm3", "1.2.156.10197.1.401"].contains(digest.type.lowercased()) else {
                    unsupported.append(digest.type)
                    continue
                }
                if ConstantTime.equal(digest.value, sm3) {
                    return SealLine(
                        .signerCertificateInSeal, .passed, "the signer's certificate matches a listed SM3 digest")
                }
            }
            let note =
                unsupported.isEmpty ? "" : " (digest types not supported: \(unsupported.joined(separator: ", ")))"
            return SealLine(
                .signerCertificateInSeal, .failed, "the signer's certificate matches no listed digest\(note)")
        }
    }

    /// Without data the line is not checked, and it stays required: a signature whose data
    /// was not given is *incomplete*, never valid.
    static func dataHash(_ dataHash: [UInt8], _ data: ProtectedData?) -> SealLine {
        guard let data else {
            return SealLine(.dataHash, .notChecked, "no data supplied: the signed data was not compared")
        }
        let digest: [UInt8]
        do {
            digest = try data.sm3Digest()
        } catch {
            return SealLine(.dataHash, .failed, "\(error)")
        }
        if ConstantTime.equal(digest, dataHash) {
            return SealLine(.dataHash, .passed, "dataHash is SM3 of the data")
        }
        return SealLine(.dataHash, .failed, "dataHash differs from SM3 of the data (原文被篡改)")
    }

    static func signerSignature(_ signature: ElectronicSignature, _ signer: X509Certificate?) -> SealLine {
        guard let signer else {
            return SealLine(.signature, .failed, "the signer's certificate could not be read")
        }
        return signatureCheck(
            .signature, value: signature.signatureValue, algorithm: signature.signatureAlgorithm,
            over: signature.signedBytes, by: signer)
    }

    static func signatureCheck(
        _ check: SealCheck, value: [UInt8], algorithm: ASN1ObjectIdentifier, over message: [UInt8],
        by certificate: X509Certificate
    ) -> SealLine {
        guard algorithm == sm3WithSM2 else {
            return SealLine(check, .failed, "algorithm \(algorithm) is not SM3withSM2 (1.2.156.10197.1.501)")
        }
        do {
            let key = try SealCrypto.sm2Key(of: certificate, role: check == .signature ? "signer" : "maker")
            let signature = try SealCrypto.signature(value)
            guard SealCrypto.isValid(signature, over: message, key: key) else {
                return SealLine(check, .failed, "the SM2 signature does not verify")
            }
            let form = SignatureValue.isRaw(value) ? " (raw r‖s)" : ""
            return SealLine(check, .passed, "SM2 signature by \(certificate.subject) verifies\(form)")
        } catch {
            return SealLine(check, .failed, "\(error)")
        }
    }
}

/// Comparison whose time does not depend on where the inputs differ.
enum ConstantTime {
    static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
