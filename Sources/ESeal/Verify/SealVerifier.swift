import Foundation
import GMCertificates
import GMCrypto
import Logging
import ZhengwuKitCore

/// Verifies seals (验章 of a seal on its own) and signatures (验章 of a signed document),
/// answering with a fail-closed report of every check.
///
/// ```swift
/// let verifier = SealVerifier(trustAnchors: roots) {
///     AllowedSealTypes([1])
///     StrictSealTimes()
/// }
/// let report = verifier.verifySignature(signedValue, data: .bytes(signatureXML))
/// report.verdict      // .trusted, .untrusted, .incomplete, .invalid (.intact under .integrityOnly)
/// report.isValid      // true only when trusted (or intact, asked for as .integrityOnly)
/// ```
/// The fixed checks are those GB/T 38540 asks of a verifier; policies add a department's own
/// rules, and `chainPolicies` its rules for the maker's and signer's certificate chains.
/// Without trust anchors the chain lines are not checked and the verdict is `untrusted`:
/// a seal made with anyone's self-signed certificate is intact, never valid.
public struct SealVerifier: Sendable {
    /// Roots the maker's and signer's certificates must chain to. Empty: the chain lines are
    /// not checked and no report is `trusted`.
    public var trustAnchors: [X509Certificate]
    /// Intermediate CA certificates that may complete a chain.
    public var intermediates: [X509Certificate]
    /// `.full` (integrity and trust, the default) or `.integrityOnly`, asked for explicitly,
    /// whose success is labelled `intact` and says nothing about who made or signed the seal.
    public var mode: VerificationMode
    public var timeStampVerifier: (any TimeStampVerifier)?
    /// Revocation checking of the maker's and signer's chains, each its own report line;
    /// `nil` leaves both lines out. See ``SealVerifier/revocationPolicy(lists:responses:whenNoList:whenStale:maximumAge:)``.
    public var revocation: X509RevocationPolicy?
    /// When the certificates must not yet have been revoked: by default the verification time.
    public var revocationTime: RevocationTime
    /// The caller's X.509 policies, applied (after GMCertificates' RFC 5280 ones, `X509Verifier.standardPolicies`) to the maker's
    /// and the signer's certificate chains: a chain that fails one fails its chain line
    /// (`makerCertificateChain`, `signerCertificateChain`), which leaves the seal untrusted.
    public var chainPolicies: [any VerificationPolicy<X509ChainContext>]
    /// The caller's seal policies, one report line each.
    public var policies: PolicySet<SealPolicyContext>
    /// Where parsed certificates are kept between verifications (``SealCertificateCache/shared``
    /// by default; a cache of capacity 0 keeps none).
    public var certificateCache: SealCertificateCache
    /// Verification decisions at debug level: the verdict, each check's name and outcome,
    /// warning codes. Never a certificate's subject (a personal seal's may hold a citizen ID
    /// number), a key or the data. By default ``silentLogger``: a library logs only into a
    /// logger its caller hands it (the swift-server convention), so verifying costs no logging.
    public var logger: Logger

    /// The default logger, which discards everything.
    public static let silentLogger = Logger(label: "zhengwukit.eseal", factory: { _ in SwiftLogNoOpLogHandler() })

    public init(
        trustAnchors: [X509Certificate] = [],
        intermediates: [X509Certificate] = [],
        mode: VerificationMode = .full,
        timeStampVerifier: (any TimeStampVerifier)? = nil,
        revocation: X509RevocationPolicy? = nil,
        revocationTime: RevocationTime = .verification,
        chainPolicies: [any VerificationPolicy<X509ChainContext>] = [],
        certificateCache: SealCertificateCache = .shared,
        logger: Logger = SealVerifier.silentLogger,
        @PolicyBuilder<SealPolicyContext> policies: () -> [any VerificationPolicy<SealPolicyContext>] = { [] }
    ) {
        self.trustAnchors = trustAnchors
        self.intermediates = intermediates
        self.mode = mode
        self.timeStampVerifier = timeStampVerifier
        self.revocation = revocation
        self.revocationTime = revocationTime
        self.chainPolicies = chainPolicies
        self.certificateCache = certificateCache
        self.logger = logger
        self.policies = PolicySet(policies())
    }

    /// Verifies a seal on its own, its validity judged at `time`.
    public func verifySeal<Bytes: DataProtocol>(_ bytes: Bytes, at time: Date = Date()) -> SealVerificationReport {
        do {
            return verify(try ElectronicSeal(derEncoded: bytes), at: time)
        } catch {
            return unreadable(.seal, error)
        }
    }

    /// Verifies a signature; `data` (when given) is checked against its `dataHash`, and without
    /// it the report is `incomplete`. `time` is the verification time, which revocation is
    /// judged at unless ``revocationTime`` says otherwise.
    public func verifySignature<Bytes: DataProtocol>(
        _ bytes: Bytes, data: ProtectedData? = nil, at time: Date = Date()
    ) -> SealVerificationReport {
        do {
            return verify(try ElectronicSignature(derEncoded: bytes), data: data, at: time)
        } catch {
            return unreadable(.signature, error)
        }
    }

    /// Verifies a seal or a signature, whichever the bytes are.
    public func verify<Bytes: DataProtocol>(
        document bytes: Bytes, data: ProtectedData? = nil, at time: Date = Date()
    ) -> SealVerificationReport {
        do {
            switch try ESealDocument(derEncoded: bytes) {
            case .seal(let seal): return verify(seal, at: time)
            case .signature(let signature): return verify(signature, data: data, at: time)
            }
        } catch {
            return unreadable(.seal, error)
        }
    }

    public func verify(_ seal: ElectronicSeal, at time: Date = Date()) -> SealVerificationReport {
        var checks = [SealLine(.structure, .passed, "\(seal.version) seal, vendor \(seal.header.vendorID)")]
        var warnings = seal.deviations.map(\.warning)
        let maker = SealChecks.maker(of: seal, cache: certificateCache, into: &checks, warnings: &warnings)
        checks.append(SealChecks.validity(of: seal, at: time, label: "at \(report: time)"))
        checks += chainChecks(
            .makerCertificateChain, .makerCertificateRevocation, maker.certificate, at: maker.madeAt,
            revokedBy: revocationTime.instant(asserted: maker.madeAt, verification: time))
        if let timeStamp = seal.timeStamp {
            checks.append(timeStampCheck(timeStamp, over: seal.signatureValue))
        }
        let context = SealPolicyContext(
            seal: seal, signature: nil, makerCertificate: maker.certificate, signerCertificate: nil,
            validationTime: time, warnings: warnings)
        checks += policyChecks(context)
        return finish(
            SealVerificationReport(
                subject: .seal, version: seal.version, mode: mode, checks: checks, warnings: warnings))
    }

    public func verify(_ signature: ElectronicSignature, data: ProtectedData? = nil, at time: Date = Date())
        -> SealVerificationReport
    {
        let seal = signature.seal
        var checks = [
            SealLine(
                .structure, .passed,
                "\(signature.version) signature over a \(seal.version) seal, vendor \(seal.header.vendorID)")
        ]
        var warnings = signature.deviations.map(\.warning)
        let maker = SealChecks.maker(of: seal, cache: certificateCache, into: &checks, warnings: &warnings)
        let signer = try? SealCrypto.certificate(signature.signerCertificate, role: "signer", cache: certificateCache)
        var signedAt = time
        if let signingTime = signature.signingTime {
            checks.append(
                SealChecks.validity(of: seal, at: signingTime, label: "at the signing time \(report: signingTime)"))
            let validity = SealChecks.certificateValidity(
                .signerCertificateValidity, signer, at: signingTime, stated: "the stated signing time",
                early: .signedBeforeSignerCertificate, warnings: &warnings)
            checks.append(validity.line)
            signedAt = validity.judgedAt
            if signingTime < seal.createDate {
                warnings.append(
                    SealTimeWarning.signedBeforeSealMade.warning(
                        "the stated signing time", signingTime, before: "the seal's making date", seal.createDate))
            }
        } else {
            let reason = "the v1 timeInfo holds no readable time"
            checks.append(SealLine(.sealValidity, .notChecked, reason))
            checks.append(SealLine(.signerCertificateValidity, .notChecked, reason))
        }
        checks.append(SealChecks.membership(of: signature.signerCertificate, in: seal.certList))
        checks.append(SealChecks.dataHash(signature.dataHash, data))
        checks.append(SealChecks.signerSignature(signature, signer))
        checks += chainChecks(
            .makerCertificateChain, .makerCertificateRevocation, maker.certificate, at: maker.madeAt,
            revokedBy: revocationTime.instant(asserted: maker.madeAt, verification: time))
        checks += chainChecks(
            .signerCertificateChain, .signerCertificateRevocation, signer, at: signedAt,
            revokedBy: revocationTime.instant(asserted: signedAt, verification: time))
        if let timeStamp = signature.timeStamp {
            checks.append(timeStampCheck(timeStamp, over: signature.signatureValue))
        }
        let context = SealPolicyContext(
            seal: seal, signature: signature, makerCertificate: maker.certificate, signerCertificate: signer,
            validationTime: signature.signingTime ?? time, warnings: warnings)
        checks += policyChecks(context)
        return finish(
            SealVerificationReport(
                subject: .signature, version: signature.version, mode: mode, checks: checks, warnings: warnings))
    }

    /// The chain line, proven at `time`, and the revocation line, judged at `revocationTime`,
    /// when revocation is checked.
    private func chainChecks(
        _ check: SealCheck, _ revocationCheck: SealCheck, _ certificate: X509Certificate?, at time: Date,
        revokedBy revocationTime: Date
    ) -> [SealLine] {
        let skipped = { (reason: String) -> [SealLine] in
            [SealLine(check, .notChecked, reason)]
                + (revocation == nil ? [] : [SealLine(revocationCheck, .notChecked, reason)])
        }
        if mode == .integrityOnly {
            return skipped("integrity-only verification: trust not asked for (未验证信任链)")
        }
        guard !trustAnchors.isEmpty else {
            return skipped("no trust anchors given: the signer was not established (未验证信任链)")
        }
        guard let certificate else {
            return [SealLine(check, .failed, "the certificate could not be read")]
                + (revocation == nil ? [] : [SealLine(revocationCheck, .failed, "the certificate could not be read")])
        }
        switch SealCrypto.chain(
            certificate, intermediates: intermediates, anchors: trustAnchors, policies: chainPolicies, at: time)
        {
        case .invalid(let failure):
            return [SealLine(check, .failed, "\(failure)")]
                + (revocation == nil
                    ? [] : [SealLine(revocationCheck, .notChecked, "the certificate chain could not be proven")])
        case .valid(let chain):
            let chainLine = SealLine(check, .passed, "chains to a trust anchor at \(report: time)")
            guard let revocation else { return [chainLine] }
            return [
                chainLine, SealRevocation.check(revocationCheck, chain: chain, policy: revocation, at: revocationTime),
            ]
        }
    }

    /// A time stamp is optional: without a verifier its line informs and does not decide.
    private func timeStampCheck(_ timeStamp: [UInt8], over value: [UInt8]) -> SealLine {
        guard let timeStampVerifier else {
            return SealLine(
                .timeStamp, .notChecked, "present (\(timeStamp.count) bytes); no time-stamp verifier given",
                isRequired: false)
        }
        if let reason = timeStampVerifier.failureReason(timeStamp: timeStamp, for: value) {
            return SealLine(.timeStamp, .failed, reason)
        }
        return SealLine(.timeStamp, .passed, "the time stamp covers the signature value")
    }

    private func policyChecks(_ context: SealPolicyContext) -> [SealLine] {
        policies.evaluate(context).map { name, result in
            switch result {
            case .meetsPolicy:
                return SealLine(.policy, .passed, "meets the policy", name: name)
            case .failsToMeetPolicy(let failure):
                return SealLine(
                    .policy, .failed, "\(failure.message) [\(failure.code), \(failure.chineseTerm)]", name: name)
            }
        }
    }

    private func unreadable(_ subject: SealVerificationReport.Subject, _ error: any Error) -> SealVerificationReport {
        finish(
            SealVerificationReport(
                subject: subject, version: nil, mode: mode, checks: [SealLine(.structure, .failed, "\(error)")],
                warnings: []))
    }

    /// Logs the decision (names, outcomes and codes only) and hands the report back.
    private func finish(_ report: SealVerificationReport) -> SealVerificationReport {
        logger.debug(
            "seal verification",
            metadata: [
                "subject": "\(report.subject.rawValue)",
                "version": "\(report.version.map { "\($0.rawValue)" } ?? "unreadable")",
                "mode": "\(report.mode.rawValue)",
                "verdict": "\(report.verdict.rawValue)",
                "trust": "\(report.trust.rawValue)",
                "checks": "\(report.checks.map { "\($0.name)=\($0.outcome.rawValue)" }.joined(separator: " "))",
                "warnings": "\(report.warnings.map(\.code).joined(separator: " "))",
            ])
        return report
    }
}
