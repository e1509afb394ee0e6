import Foundation
import GMCertificates
import GMCrypto
import SwiftASN1

/// The fixed checks of GB/T 38540, each answering one report line.
enum SealChecks {
    static let sm3WithSM2: ASN1ObjectIdentifier = [1, 2, 156, 10197, 1, 501]

    /// Checks the maker's signature and certificate validity; returns the maker's certificate when readable.
    static func maker(of seal: ElectronicSeal, into checks: inout [CheckResult]) -> X509Certificate? {
        let certificate: X509Certificate
        do {
            certificate = try SealCrypto.certificate(seal.makerCertificate, role: "maker")
        } catch {
            checks.append(CheckResult(.makerSignature, .failed, "\(error)"))
            checks.append(CheckResult(.makerCertificateValidity, .failed, "\(error)"))
            return nil
        }
        checks.append(
            signatureCheck(
                .makerSignature, value: seal.signatureValue, algorithm: seal.signatureAlgorithm,
                over: seal.signedBytes, by: certificate))
        checks.append(certificateValidity(.makerCertificateValidity, certificate, at: seal.createDate))
        return certificate
    }

    static func validity(of seal: ElectronicSeal, at time: Date, label: String) -> CheckResult {
        if time < seal.validStart {
            return CheckResult(
                .sealValidity, .failed, "\(label): the seal is valid only from \(report: seal.validStart)")
        }
        if time > seal.validEnd {
            return CheckResult(.sealValidity, .failed, "\(label): the seal expired at \(report: seal.validEnd)")
        }
        return CheckResult(
            .sealValidity, .passed, "\(label) within \(report: seal.validStart) – \(report: seal.validEnd)")
    }

    static func certificateValidity(_ check: SealCheck, _ certificate: X509Certificate?, at time: Date) -> CheckResult {
        guard let certificate else { return CheckResult(check, .failed, "the certificate could not be read") }
        if time < certificate.notBefore || time > certificate.notAfter {
            return CheckResult(
                check, .failed,
                "\(report: time) is outside the certificate's validity \(report: certificate.notBefore) – \(report: certificate.notAfter)"
            )
        }
        return CheckResult(check, .passed, "valid at \(report: time)")
    }

    static func membership(of signerCertificate: [UInt8], in list: SESCertList) -> CheckResult {
        switch list {
        case .certificates(let certificates):
            if certificates.contains(signerCertificate) {
                return CheckResult(.signerCertificateInSeal, .passed, "the seal lists the signer's certificate")
            }
            return CheckResult(
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
                    return CheckResult(
                        .signerCertificateInSeal, .passed, "the signer's certificate matches a listed SM3 digest")
                }
            }
            let note =
                unsupported.isEmpty ? "" : " (digest types not supported: \(unsupported.joined(separator: ", ")))"
            return CheckResult(
                .signerCertificateInSeal, .failed, "the signer's certificate matches no listed digest\(note)")
        }
    }

    static func dataHash(_ dataHash: [UInt8], _ data: ProtectedData?) -> CheckResult {
        guard let data else { return CheckResult(.dataHash, .notChecked, "no data supplied") }
        let digest: [UInt8]
        do {
            digest = try data.sm3Digest()
        } catch {
            return CheckResult(.dataHash, .failed, "\(error)")
        }
        if ConstantTime.equal(digest, dataHash) {
            return CheckResult(.dataHash, .passed, "dataHash is SM3 of the data")
        }
        return CheckResult(.dataHash, .failed, "dataHash differs from SM3 of the data (原文被篡改)")
    }

    static func signerSignature(_ signature: ElectronicSignature, _ signer: X509Certificate?) -> CheckResult {
        guard let signer else {
            return CheckResult(.signature, .failed, "the signer's certificate could not be read")
        }
        return signatureCheck(
            .signature, value: signature.signatureValue, algorithm: signature.signatureAlgorithm,
            over: signature.signedBytes, by: signer)
    }

    static func signatureCheck(
        _ check: SealCheck, value: [UInt8], algorithm: ASN1ObjectIdentifier, over message: [UInt8],
        by certificate: X509Certificate
    ) -> CheckResult {
        guard algorithm == sm3WithSM2 else {
            return CheckResult(check, .failed, "algorithm \(algorithm) is not SM3withSM2 (1.2.156.10197.1.501)")
        }
        do {
            let key = try SealCrypto.sm2Key(of: certificate, role: check == .signature ? "signer" : "maker")
            let signature = try SealCrypto.signature(value)
            guard SealCrypto.isValid(signature, over: message, key: key) else {
                return CheckResult(check, .failed, "the SM2 signature does not verify")
            }
            let form = SignatureValue.isRaw(value) ? " (raw r‖s)" : ""
            return CheckResult(check, .passed, "SM2 signature by \(certificate.subject) verifies\(form)")
        } catch {
            return CheckResult(check, .failed, "\(error)")
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
