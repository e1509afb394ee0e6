import Foundation
import GMCertificates
import GMCrypto
import Testing

/// `X509RevocationPolicy` in `X509Verifier`: root → intermediate → leaf, lists by the builder.
@Suite struct X509RevocationPolicyTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)
    static let day: TimeInterval = 86_400

    struct PKI {
        let rootKey = X509Certificate.PrivateKey.generate(.sm2)
        let intermediateKey = X509Certificate.PrivateKey.generate(.sm2)
        let root: X509Certificate
        let intermediate: X509Certificate
        let leaf: X509Certificate

        init() throws {
            root = try X509CertificateBuilder.certificateAuthority(
                subject: [.country("CN"), .commonName("测试根 CA")], validFor: 3_650 * day, from: start - day
            ).selfSigned(with: rootKey)
            intermediate = try X509CertificateBuilder.certificateAuthority(
                subject: [.country("CN"), .commonName("测试中级 CA")], validFor: 1_000 * day, from: start - day
            ).issue(for: intermediateKey.publicKey, issuer: root, issuerKey: rootKey)
            leaf = try X509CertificateBuilder.endEntity(
                subject: [.country("CN"), .commonName("经办人")], validFor: 365 * day, from: start - day
            ).issue(
                for: X509Certificate.PrivateKey.generate(.sm2).publicKey, issuer: intermediate,
                issuerKey: intermediateKey)
        }

        /// A list of `issuer` made at `at`, valid a week, revoking `revoked`.
        func list(
            by issuer: X509Certificate, key: X509Certificate.PrivateKey, at: Date = start, number: UInt64 = 1,
            revoking revoked: [(X509Certificate, Date, X509RevocationList.ReasonCode?)] = []
        ) throws -> X509RevocationList {
            var builder = X509RevocationListBuilder(crlNumber: number, validFor: 7 * day, from: at)
            for (certificate, date, reason) in revoked { builder.revoke(certificate, at: date, reason: reason) }
            return try builder.issue(issuer: issuer, issuerKey: key)
        }

        func goodLists() throws -> [X509RevocationList] {
            [try list(by: root, key: rootKey), try list(by: intermediate, key: intermediateKey)]
        }

        func verify(_ policy: X509RevocationPolicy, at time: Date = start + day) -> X509VerificationResult {
            X509Verifier(trustRoots: [root]) { policy }.verify(leaf, intermediates: [intermediate], at: time)
        }
    }

    @Test func chainWithNothingRevokedIsValid() throws {
        let pki = try PKI()
        let result = pki.verify(.notRevoked(by: try pki.goodLists()))
        #expect(result.chain == [pki.leaf, pki.intermediate, pki.root], "\(String(describing: result.failure))")
        let statuses = X509RevocationPolicy(lists: try pki.goodLists()).statuses(
            of: [pki.leaf, pki.intermediate, pki.root], at: Self.start + Self.day)
        #expect(statuses.map(\.depth) == [0, 1])
        #expect(statuses.allSatisfy { $0.failure == nil && $0.list != nil })
    }

    @Test func revokedLeafFailsWithSerialDateAndReason() throws {
        let pki = try PKI()
        let revokedAt = Self.start - 3_600
        let lists = [
            try pki.list(by: pki.root, key: pki.rootKey),
            try pki.list(
                by: pki.intermediate, key: pki.intermediateKey, revoking: [(pki.leaf, revokedAt, .keyCompromise)]),
        ]
        let failure = try #require(pki.verify(.notRevoked(by: lists)).failure)
        guard case .revocation(.revoked(let entry)) = failure.reason else {
            Issue.record("expected a revocation, got \(failure)")
            return
        }
        #expect(entry.serialNumber == pki.leaf.serialNumber)
        #expect(entry.revocationDate == revokedAt)
        #expect(entry.reason == .keyCompromise)
        #expect(failure.depth == 0 && failure.certificate == pki.leaf)
        #expect(failure.code == "x509.revocation.revoked")
        #expect(failure.chineseTerm == "证书已撤销")
        #expect(failure.message.contains("keyCompromise"))
        // Checked at a time before the revocation, the same certificate was good.
        #expect(pki.verify(.notRevoked(by: lists, acceptsLaterLists: true), at: revokedAt - 60).isValid)
    }

    @Test func revokedIntermediateFailsAtDepthOne() throws {
        let pki = try PKI()
        let lists = [
            try pki.list(by: pki.root, key: pki.rootKey, revoking: [(pki.intermediate, Self.start - 60, nil)]),
            try pki.list(by: pki.intermediate, key: pki.intermediateKey),
        ]
        let failure = try #require(pki.verify(.notRevoked(by: lists)).failure)
        #expect(failure.depth == 1)
        #expect(failure.code == "x509.revocation.revoked")
    }

    @Test func missingListFailsByDefaultAndWarnsWhenAllowed() throws {
        let pki = try PKI()
        let onlyRoot = [try pki.list(by: pki.root, key: pki.rootKey)]
        let failure = try #require(pki.verify(.notRevoked(by: onlyRoot)).failure)
        #expect(failure.reason == .revocation(.noList(issuer: pki.intermediate.subject)))
        #expect(failure.depth == 0)

        let lenient = X509RevocationPolicy(lists: onlyRoot, whenNoList: .warn)
        #expect(pki.verify(lenient).isValid)
        let warning = lenient.statuses(of: [pki.leaf, pki.intermediate, pki.root], at: Self.start + Self.day)[0]
        #expect(warning.failure == .noList(issuer: pki.intermediate.subject) && !warning.isFatal)
    }

    @Test func expiredListFailsOrWarns() throws {
        let pki = try PKI()
        let lists = try pki.goodLists()
        let later = Self.start + 8 * Self.day
        let failure = try #require(pki.verify(.notRevoked(by: lists), at: later).failure)
        #expect(failure.reason == .revocation(.listExpired(nextUpdate: Self.start + 7 * Self.day)))
        #expect(failure.code == "x509.revocation.list_expired")
        #expect(pki.verify(.notRevoked(by: lists, whenStale: .warn), at: later).isValid)
        // A revocation in a stale list still counts: revocation is never lifted by age.
        let revoking = [
            lists[0],
            try pki.list(
                by: pki.intermediate, key: pki.intermediateKey, revoking: [(pki.leaf, Self.start, .superseded)]),
        ]
        let revoked = try #require(pki.verify(.notRevoked(by: revoking, whenStale: .warn), at: later).failure)
        #expect(revoked.code == "x509.revocation.revoked")
    }

    @Test func listIssuedAfterTheVerificationTimeIsNotYetValidUnlessAccepted() throws {
        let pki = try PKI()
        let lists = try pki.goodLists()
        let earlier = Self.start - 3_600
        let failure = try #require(pki.verify(.notRevoked(by: lists), at: earlier).failure)
        #expect(failure.reason == .revocation(.listNotYetValid(thisUpdate: Self.start)))
        #expect(pki.verify(.notRevoked(by: lists, acceptsLaterLists: true), at: earlier).isValid)
    }

    @Test func listSignedByTheWrongKeyIsRejected() throws {
        let pki = try PKI()
        // Same issuer name, signed by an impostor holding its own certificate of that name.
        let impostorKey = X509Certificate.PrivateKey.generate(.sm2)
        let impostor = try X509CertificateBuilder.certificateAuthority(
            subject: pki.intermediate.subject, validFor: 365 * Self.day, from: Self.start - Self.day
        ).selfSigned(with: impostorKey)
        let forged = try pki.list(by: impostor, key: impostorKey)
        let lists = [try pki.list(by: pki.root, key: pki.rootKey), forged]
        let failure = try #require(pki.verify(.notRevoked(by: lists)).failure)
        #expect(failure.reason == .revocation(.listSignatureInvalid(.badSignature)))
        #expect(failure.code == "x509.revocation.list_signature_invalid")
        // A genuine list beside the forged one answers.
        #expect(
            pki.verify(.notRevoked(by: lists + [try pki.list(by: pki.intermediate, key: pki.intermediateKey)])).isValid)
    }

    /// A list remembers the issuers that verified it; an impostor of the same name never
    /// benefits from that memory.
    @Test func rememberedVerificationIsPerIssuerCertificate() throws {
        let pki = try PKI()
        let list = try pki.list(by: pki.intermediate, key: pki.intermediateKey)
        let impostorKey = X509Certificate.PrivateKey.generate(.sm2)
        let impostor = try X509CertificateBuilder.certificateAuthority(
            subject: pki.intermediate.subject, validFor: 365 * Self.day, from: Self.start - Self.day
        ).selfSigned(with: impostorKey)
        for _ in 0..<2 {
            #expect(list.isValidSignature(issuedBy: pki.intermediate))
            #expect(!list.isValidSignature(issuedBy: impostor))
        }
    }

    @Test func listOfAnotherIssuerDoesNotCount() throws {
        let pki = try PKI()
        // The root's genuine list names the leaf's serial, but the root did not issue the leaf.
        let rootList = try pki.list(by: pki.root, key: pki.rootKey, revoking: [(pki.leaf, Self.start, .keyCompromise)])
        let failure = try #require(pki.verify(.notRevoked(by: [rootList])).failure)
        #expect(failure.reason == .revocation(.noList(issuer: pki.intermediate.subject)))
        #expect(pki.verify(.notRevoked(by: [rootList], whenNoList: .warn)).isValid)
        #expect(
            throws: X509RevocationListError.wrongIssuer(expected: pki.intermediate.subject, found: pki.root.subject)
        ) {
            try rootList.validateSignature(issuedBy: pki.intermediate)
        }
    }

    @Test func tamperedListIsRejected() throws {
        let pki = try PKI()
        let genuine = try pki.list(
            by: pki.intermediate, key: pki.intermediateKey, revoking: [(pki.leaf, Self.start, .keyCompromise)])
        // Remove the revocation by changing the serial's last byte: the structure stays valid.
        var der = Array(genuine.derRepresentation)
        let serial = pki.leaf.serialNumber.bytes
        let position = try #require(X509RevocationListOpenSSLTests.offset(of: serial, in: der)) + serial.count - 1
        der[position] ^= 0x01
        let tampered = try X509RevocationList(derRepresentation: der)
        #expect(tampered.entry(for: pki.leaf.serialNumber) == nil)
        #expect(throws: X509RevocationListError.badSignature) {
            try tampered.validateSignature(issuedBy: pki.intermediate)
        }
        let failure = try #require(
            pki.verify(.notRevoked(by: [try pki.list(by: pki.root, key: pki.rootKey), tampered])).failure)
        #expect(failure.reason == .revocation(.listSignatureInvalid(.badSignature)))
    }

    @Test func newestOfSeveralListsAnswers() throws {
        let pki = try PKI()
        let old = try pki.list(by: pki.intermediate, key: pki.intermediateKey, at: Self.start - Self.day, number: 1)
        let new = try pki.list(
            by: pki.intermediate, key: pki.intermediateKey, at: Self.start, number: 2,
            revoking: [(pki.leaf, Self.start - 60, .affiliationChanged)])
        let lists = [try pki.list(by: pki.root, key: pki.rootKey), new, old]
        let failure = try #require(pki.verify(.notRevoked(by: lists)).failure)
        #expect(failure.code == "x509.revocation.revoked")
    }

    /// Two lists of one issuer, equally fresh (same thisUpdate and number), that disagree: the
    /// revoking one wins whichever order they are given in, as a revoking OCSP answer does.
    @Test func equallyFreshListsThatDisagreeRevoke() throws {
        let pki = try PKI()
        let good = try pki.list(by: pki.intermediate, key: pki.intermediateKey, at: Self.start, number: 5)
        let revoking = try pki.list(
            by: pki.intermediate, key: pki.intermediateKey, at: Self.start, number: 5,
            revoking: [(pki.leaf, Self.start - 60, .keyCompromise)])
        let root = try pki.list(by: pki.root, key: pki.rootKey)
        for lists in [[root, good, revoking], [root, revoking, good]] {
            let failure = try #require(pki.verify(.notRevoked(by: lists)).failure)
            #expect(failure.code == "x509.revocation.revoked")
        }
        // A newer good list still answers over an older revoking one of a lower number: only
        // equal freshness is a tie.
        let newer = try pki.list(by: pki.intermediate, key: pki.intermediateKey, at: Self.start, number: 6)
        #expect(pki.verify(.notRevoked(by: [root, revoking, newer])).chain != nil)
    }

    @Test func invalidityDateMakesTheRevocationEarlier() throws {
        let pki = try PKI()
        var builder = X509RevocationListBuilder(crlNumber: 3, validFor: 7 * Self.day, from: Self.start)
        builder.revoke(pki.leaf, at: Self.start, reason: .keyCompromise, invalidityDate: Self.start - 2 * Self.day)
        let list = try builder.issue(issuer: pki.intermediate, issuerKey: pki.intermediateKey)
        #expect(list.entries.first?.effectiveDate == Self.start - 2 * Self.day)
        let policy = X509RevocationPolicy(
            lists: [try pki.list(by: pki.root, key: pki.rootKey), list], acceptsLaterLists: true)
        #expect(pki.verify(policy, at: Self.start - Self.day).failure?.code == "x509.revocation.revoked")
    }

    @Test func issuerWithoutCRLSignCannotSignLists() throws {
        let pki = try PKI()
        var builder = X509CertificateBuilder.certificateAuthority(
            subject: [.commonName("No cRLSign")], validFor: Self.day, from: Self.start)
        builder.keyUsage = [.keyCertSign]
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let ca = try builder.selfSigned(with: key)
        #expect(throws: X509RevocationListError.self) {
            try X509RevocationListBuilder(crlNumber: 1, validFor: Self.day).issue(issuer: ca, issuerKey: key)
        }
        let list = try X509RevocationListBuilder(crlNumber: 1, validFor: Self.day).issue(
            issuer: pki.root, issuerKey: pki.rootKey)
        #expect(throws: X509RevocationListError.wrongIssuer(expected: ca.subject, found: pki.root.subject)) {
            try list.validateSignature(issuedBy: ca)
        }
    }
}

/// `maximumAge`: how old a list or a `good` OCSP answer may be, the only bound on answers
/// without `nextUpdate`.
@Suite struct X509RevocationMaximumAgeTests {
    typealias Policy = X509RevocationPolicyTests
    static let start = Policy.start
    static let day = Policy.day

    @Test func listOlderThanTheMaximumAgeIsStale() throws {
        let pki = try Policy.PKI()
        let lists = try pki.goodLists()
        let threeDaysOn = Self.start + 3 * Self.day
        // Within nextUpdate (a week), so only the age bound can fail it.
        #expect(pki.verify(.notRevoked(by: lists), at: threeDaysOn).isValid)
        #expect(pki.verify(.notRevoked(by: lists, maximumAge: 4 * Self.day), at: threeDaysOn).isValid)
        let failure = try #require(
            pki.verify(.notRevoked(by: lists, maximumAge: 2 * Self.day), at: threeDaysOn).failure)
        #expect(failure.reason == .revocation(.listTooOld(thisUpdate: Self.start, maximumAge: 2 * Self.day)))
        #expect(failure.code == "x509.revocation.list_too_old")
        let warned = pki.verify(.notRevoked(by: lists, whenStale: .warn, maximumAge: 2 * Self.day), at: threeDaysOn)
        #expect(warned.isValid)
        let statuses = X509RevocationPolicy(lists: lists, whenStale: .warn, maximumAge: 2 * Self.day)
            .statuses(of: [pki.leaf, pki.intermediate, pki.root], at: threeDaysOn)
        #expect(statuses.allSatisfy { !$0.isFatal && $0.failure?.code == "x509.revocation.list_too_old" })
    }

    @Test func anOldListStillRevokes() throws {
        let pki = try Policy.PKI()
        let lists = [
            try pki.list(by: pki.root, key: pki.rootKey),
            try pki.list(
                by: pki.intermediate, key: pki.intermediateKey, revoking: [(pki.leaf, Self.start, .keyCompromise)]),
        ]
        let failure = try #require(
            pki.verify(.notRevoked(by: lists, whenStale: .warn, maximumAge: Self.day), at: Self.start + 3 * Self.day)
                .failure)
        #expect(failure.code == "x509.revocation.revoked")
    }

    @Test func anyMaximumAgeIsSafe() throws {
        let pki = try Policy.PKI()
        let lists = try pki.goodLists()
        let time = Self.start + Self.day
        #expect(pki.verify(.notRevoked(by: lists, maximumAge: .infinity), at: time).isValid)
        for age in [-Self.day, .nan, -TimeInterval.infinity] {
            let failure = pki.verify(.notRevoked(by: lists, maximumAge: age), at: time).failure
            #expect(failure?.code == "x509.revocation.list_too_old", "maximumAge \(age)")
            #expect(failure.map { "\($0)" }?.isEmpty == false)
        }
    }
}
