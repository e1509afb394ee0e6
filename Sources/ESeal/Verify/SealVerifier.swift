import Foundation
import GMCertificates
import GMCrypto

/// Verifies seals (验章 of a seal on its own) and signatures (验章 of a signed document),
/// answering with a report of every check.
///
/// ```swift
/// let verifier = SealVerifier(trustAnchors: roots) {
///     AllowedSealTypes([1])
///     ClockSkewPolicy(maximumSkew: 300)
/// }
/// let report = verifier.verifySignature(signedValue, data: .bytes(signatureXML))
/// ```
/// The fixed checks are those GB/T 38540 asks of a verifier; policies add a department's own rules.
public struct SealVerifier: Sendable {
    /// Roots the maker's and signer's certificates must chain to; empty means the chain
    /// checks are reported as not checked.
    public var trustAnchors: [X509Certificate]
    /// Intermediate CA certificates that may complete a chain.
    public var intermediates: [X509Certificate]
    public var timeStampVerifier: (any TimeStampVerifier)?
    /// Revocation checking of the maker's and signer's chains, each its own report line;
    /// `nil` leaves both lines out. See ``SealVerifier/revocationPolicy(lists:responses:whenNoList:whenStale:maximumAge:)``.
    public var revocation: X509RevocationPolicy?
    /// When the certificates must not yet have been revoked: by default the verification time.
    public var revocationTime: RevocationTime
    public var policies: [any SealPolicy]

    public init(
        trustAnchors: [X509Certificate] = [],
        intermediates: [X509Certificate] = [],
        timeStampVerifier: (any TimeStampVerifier)? = nil,
        revocation: X509RevocationPolicy? = nil,
        revocationTime: RevocationTime = .verification,
        @SealPolicyBuilder policies: () -> [any SealPolicy] = { [] }
    ) {
        self.trustAnchors = trustAnchors
        self.intermediates = intermediates
        self.timeStampVerifier = timeStampVerifier
        self.revocation = revocation
        self.revocationTime = revocationTime
        self.policies = policies()
    }

    /// Verifies a seal on its own, its validity judged at `time`.
    public func verifySeal<Bytes: DataProtocol>(_ bytes: Bytes, at time: Date = Date()) -> VerificationReport {
        do {
            return verify(try ElectronicSeal(derEncoded: bytes), at: time)
        } catch {
            return Self.unreadable(.seal, error)
        }
    }

    /// Verifies a signature; `data` (when given) is checked against its `dataHash`. `time` is
    /// the verification time, which revocation is judged at unless ``revocationTime`` says otherwise.
    public func verifySignature<Bytes: DataProtocol>(
        _ bytes: Bytes, data: ProtectedData? = nil, at time: Date = Date()
    ) -> VerificationReport {
        do {
            return verify(try ElectronicSignature(derEncoded: bytes), data: data, at: time)
        } catch {
            return Self.unreadable(.signature, error)
        }
    }

    /// Verifies a seal or a signature, whichever the bytes are.
    public func verify<Bytes: DataProtocol>(
        document bytes: Bytes, data: ProtectedData? = nil, at time: Date = Date()
    ) -> VerificationReport {
        do {
            switch try ESealDocument(derEncoded: bytes) {
            case .seal(let seal): return verify(seal, at: time)
            case .signature(let signature): return verify(signature, data: data, at: time)
            }
        } catch {
            return Self.unreadable(.seal, error)
        }
    }

    public func verify(_ seal: ElectronicSeal, at time: Date = Date()) -> VerificationReport {
        var checks = [CheckResult(.structure, .passed, "\(seal.version) seal, vendor \(seal.header.vendorID)")]
        let maker = SealChecks.maker(of: seal, into: &checks)
        checks.append(SealChecks.validity(of: seal, at: time, label: "at \(report: time)"))
        checks += chainChecks(
            .makerCertificateChain, .makerCertificateRevocation, maker, at: seal.createDate,
            revokedBy: revocationTime.instant(asserted: seal.createDate, verification: time))
        if let timeStamp = seal.timeStamp {
            checks.append(timeStampCheck(timeStamp, over: seal.signatureValue))
        }
        let context = SealPolicyContext(
            seal: seal, signature: nil, makerCertificate: maker, signerCertificate: nil, validationTime: time)
        checks += policyChecks(context)
        return VerificationReport(subject: .seal, version: seal.version, checks: checks, warnings: seal.deviations)
    }

    public func verify(_ signature: ElectronicSignature, data: ProtectedData? = nil, at time: Date = Date())
        -> VerificationReport
    {
        let seal = signature.seal
        var checks = [
            CheckResult(
                .structure, .passed,
                "\(signature.version) signature over a \(seal.version) seal, vendor \(seal.header.vendorID)")
        ]
        let maker = SealChecks.maker(of: seal, into: &checks)
        let signer = try? SealCrypto.certificate(signature.signerCertificate, role: "signer")
        if let time = signature.signingTime {
            checks.append(SealChecks.validity(of: seal, at: time, label: "at the signing time \(report: time)"))
            checks.append(SealChecks.certificateValidity(.signerCertificateValidity, signer, at: time))
        } else {
            let reason = "the v1 timeInfo holds no readable time"
            checks.append(CheckResult(.sealValidity, .notChecked, reason))
            checks.append(CheckResult(.signerCertificateValidity, .notChecked, reason))
        }
        checks.append(SealChecks.membership(of: signature.signerCertificate, in: seal.certList))
        checks.append(SealChecks.dataHash(signature.dataHash, data))
        checks.append(SealChecks.signerSignature(signature, signer))
        let signingTime = signature.signingTime ?? time
        checks += chainChecks(
            .makerCertificateChain, .makerCertificateRevocation, maker, at: seal.createDate,
            revokedBy: revocationTime.instant(asserted: seal.createDate, verification: time))
        checks += chainChecks(
            .signerCertificateChain, .signerCertificateRevocation, signer, at: signingTime,
            revokedBy: revocationTime.instant(asserted: signingTime, verification: time))
        if let timeStamp = signature.timeStamp {
            checks.append(timeStampCheck(timeStamp, over: signature.signatureValue))
        }
        let context = SealPolicyContext(
            seal: seal, signature: signature, makerCertificate: maker, signerCertificate: signer,
            validationTime: signingTime)
        checks += policyChecks(context)
        return VerificationReport(
            subject: .signature, version: signature.version, checks: checks, warnings: signature.deviations)
    }

    /// The chain line, proven at `time`, and the revocation line, judged at `revocationTime`,
    /// when revocation is checked.
    private func chainChecks(
        _ check: SealCheck, _ revocationCheck: SealCheck, _ certificate: X509Certificate?, at time: Date,
        revokedBy revocationTime: Date
    ) -> [CheckResult] {
        guard !trustAnchors.isEmpty else {
            return [CheckResult(check, .notChecked, "no trust anchors given")]
                + (revocation == nil ? [] : [CheckResult(revocationCheck, .notChecked, "no trust anchors given")])
        }
        guard let certificate else {
            return [CheckResult(check, .failed, "the certificate could not be read")]
                + (revocation == nil
                    ? [] : [CheckResult(revocationCheck, .failed, "the certificate could not be read")])
        }
        switch SealCrypto.chain(certificate, intermediates: intermediates, anchors: trustAnchors, at: time) {
        case .invalid(let failure):
            return [CheckResult(check, .failed, "\(failure)")]
                + (revocation == nil
                    ? [] : [CheckResult(revocationCheck, .notChecked, "the certificate chain could not be proven")])
        case .valid(let chain):
            let chainLine = CheckResult(check, .passed, "chains to a trust anchor at \(report: time)")
            guard let revocation else { return [chainLine] }
            return [
                chainLine, SealRevocation.check(revocationCheck, chain: chain, policy: revocation, at: revocationTime),
            ]
        }
    }

    private func timeStampCheck(_ timeStamp: [UInt8], over value: [UInt8]) -> CheckResult {
        guard let timeStampVerifier else {
            return CheckResult(
                .timeStamp, .notChecked, "present (\(timeStamp.count) bytes); no time-stamp verifier given")
        }
        if let reason = timeStampVerifier.failureReason(timeStamp: timeStamp, for: value) {
            return CheckResult(.timeStamp, .failed, reason)
        }
        return CheckResult(.timeStamp, .passed, "the time stamp covers the signature value")
    }

    private func policyChecks(_ context: SealPolicyContext) -> [CheckResult] {
        policies.map { policy in
            switch policy.evaluate(context) {
            case .meetsPolicy: return CheckResult(.policy, .passed, "meets the policy", name: policy.name)
            case .failsToMeetPolicy(let reason): return CheckResult(.policy, .failed, reason, name: policy.name)
            }
        }
    }

    private static func unreadable(_ subject: VerificationReport.Subject, _ error: Error) -> VerificationReport {
        VerificationReport(
            subject: subject, version: nil, checks: [CheckResult(.structure, .failed, "\(error)")], warnings: [])
    }
}
