import ESeal
import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZWKitTestSupport
import ZhengwuKitCore

/// Fail-closed: only a trusted report is valid, unless integrity alone was asked for by name.
@Suite("Seal verdicts are fail-closed")
struct SealVerdictTests {
    @Test("no trust anchors: intact signatures are untrusted (trust not-checked), never valid")
    func noTrustAnchors() throws {
        let pki = try TestPKI.make()
        let report = SealVerifier().verify(try pki.signature(), data: .bytes(TestPKI.document))
        #expect(report.failures.isEmpty)
        #expect(report.verdict == .untrusted && report.trust == .notChecked && !report.isValid)
        #expect(report.result(for: .makerCertificateChain)?.outcome == .notChecked)
        #expect(report.result(for: .makerCertificateChain)?.role == .trust)
        let seal = SealVerifier().verify(try pki.seal())
        #expect(seal.verdict == .untrusted && !seal.isValid)
    }

    @Test("the right anchor: trusted and valid; integrity-only: intact, valid, trust not-checked even with anchors")
    func trustedAndIntact() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let trusted = SealVerifier(trustAnchors: [pki.ca]).verify(signature, data: .bytes(TestPKI.document))
        #expect(trusted.verdict == .trusted && trusted.trust == .trusted && trusted.isValid && trusted.mode == .full)
        let intact = SealVerifier(trustAnchors: [pki.ca], mode: .integrityOnly)
            .verify(signature, data: .bytes(TestPKI.document))
        #expect(intact.verdict == .intact && intact.trust == .notChecked && intact.isValid)
        #expect(intact.mode == .integrityOnly)
        // A changed document is invalid in either mode.
        let changed = SealVerifier(mode: .integrityOnly).verify(signature, data: .bytes(Array("改".utf8)))
        #expect(changed.verdict == .invalid && !changed.isValid)
    }

    @Test("a seal made with a self-signed certificate not among the anchors is untrusted, never valid")
    func selfSignedMaker() throws {
        let pki = try TestPKI.make()
        let key = SM2.Signing.PrivateKey()
        let rogue = try X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("Rogue seal maker")], validFor: 86_400
        ).selfSigned(with: .sm2(key))
        let seal = try pki.builder().make(makerKey: key, makerCertificate: rogue)
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(seal)
        #expect(report.result(for: .makerSignature)?.outcome == .passed)
        #expect(report.failures.map(\.check) == [.makerCertificateChain])
        #expect(report.verdict == .untrusted && report.trust == .untrusted && !report.isValid)
        #expect(SealVerifier().verify(seal).isValid == false)
        #expect(SealVerifier(mode: .integrityOnly).verify(seal).verdict == .intact)
    }

    @Test("required and optional lines: no data is incomplete; a time stamp with no verifier does not decide")
    func requiredAndOptional() async throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let withoutData = SealVerifier(trustAnchors: [pki.ca]).verify(signature)
        let dataLine = try #require(withoutData.result(for: .dataHash))
        #expect(dataLine.outcome == .notChecked && dataLine.isRequired)
        #expect(withoutData.verdict == .incomplete && !withoutData.isValid)
        #expect(withoutData.unchecked.map(\.check) == [.dataHash])

        let stamped = try await pki.builder().make(
            makerKey: pki.makerKey, makerCertificate: pki.maker, timeStamper: EchoTimeStamper())
        let report = SealVerifier(trustAnchors: [pki.ca]).verify(stamped)
        let stampLine = try #require(report.result(for: .timeStamp))
        #expect(stampLine.outcome == .notChecked && !stampLine.isRequired)
        #expect(report.verdict == .trusted)
    }

    @Test("unreadable bytes are invalid, in every mode")
    func unreadable() {
        for mode in [VerificationMode.full, .integrityOnly] {
            let report = SealVerifier(mode: mode).verify(document: [0x30, 0x03, 0x02, 0x01, 0x01])
            #expect(report.verdict == .invalid && report.failures.map(\.check) == [.structure])
        }
    }

    @Test("every check has its role: integrity, trust or policy")
    func roles() {
        let trust: Set<SealCheck> = [
            .makerCertificateChain, .signerCertificateChain, .makerCertificateRevocation, .signerCertificateRevocation,
        ]
        for check in SealCheck.allCases {
            let expected: CheckRole = trust.contains(check) ? .trust : check == .policy ? .policy : .integrity
            #expect(check.role == expected, "\(check)")
            #expect(!check.chineseTerm.isEmpty && check.name == check.rawValue)
        }
    }
}

/// A caller's X.509 policies reach the maker's and the signer's chain checks.
@Suite("Chain policies pass through to the seal's chains")
struct SealChainPolicyTests {
    /// Refuses chains whose leaf was issued by `issuer`.
    struct RefuseIssuer: VerificationPolicy {
        let issuer: X509Certificate.DistinguishedName

        func evaluate(_ context: X509ChainContext) -> PolicyResult {
            guard let leaf = context.leaf, leaf.issuer == issuer else { return .meetsPolicy }
            return .failsToMeetPolicy(
                PolicyFailure(
                    code: "dept.refused_issuer", message: "certificates of \(issuer) are not accepted here",
                    chineseTerm: "签发者不符"))
        }
    }

    @Test("a chain policy refusing the test CA makes both chain lines fail, and the seal untrusted")
    func refusedIssuer() throws {
        let pki = try TestPKI.make()
        let signature = try pki.signature()
        let verifier = SealVerifier(trustAnchors: [pki.ca], chainPolicies: [RefuseIssuer(issuer: pki.ca.subject)])
        let report = verifier.verify(signature, data: .bytes(TestPKI.document))
        #expect(report.failures.map(\.check) == [.makerCertificateChain, .signerCertificateChain])
        #expect(report.result(for: .signerCertificateChain)?.detail.contains("not accepted here") == true)
        #expect(report.verdict == .untrusted && !report.isValid)
        // Another issuer's refusal leaves the chains alone.
        let other = SealVerifier(trustAnchors: [pki.ca], chainPolicies: [RefuseIssuer(issuer: pki.signer.subject)])
        #expect(other.verify(signature, data: .bytes(TestPKI.document)).verdict == .trusted)
    }
}
