import Foundation
import GMCertificates
import GMCrypto
import Testing

/// Every kind of broken list ends in a typed error, never a crash or a silent answer.
@Suite struct X509RevocationListMalformedTests {
    struct Fixture {
        let list: X509RevocationList
        let issuer: X509Certificate
    }

    static func fixture() throws -> Fixture {
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let issuer = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("CRL CA")], validFor: 86_400)
            .selfSigned(with: key)
        var builder = X509RevocationListBuilder(crlNumber: 9, validFor: 3_600)
        builder.revoke(.init(bytes: [0x0A, 0x0B]), at: Date(), reason: .keyCompromise)
        return Fixture(list: try builder.issue(issuer: issuer, issuerKey: key), issuer: issuer)
    }

    @Test func everyTruncationIsTyped() throws {
        let der = Array(try Self.fixture().list.derRepresentation)
        for length in 0..<der.count {
            #expect(throws: X509RevocationListError.self) { try X509RevocationList(derRepresentation: der[0..<length]) }
        }
        #expect(throws: X509RevocationListError.truncatedDER(declared: der.count, actual: der.count - 1)) {
            try X509RevocationList(derRepresentation: der.dropLast())
        }
    }

    @Test func trailingBytesAreRejected() throws {
        let der = Array(try Self.fixture().list.derRepresentation) + [0x00, 0x00]
        #expect(throws: X509RevocationListError.trailingData(byteCount: 2)) {
            try X509RevocationList(derRepresentation: der)
        }
    }

    @Test func everySingleByteFlipIsTypedOrCaughtBySignature() throws {
        let fixture = try Self.fixture()
        let der = Array(fixture.list.derRepresentation)
        for position in der.indices {
            var copy = der
            copy[position] ^= 0x5A
            do {
                let list = try X509RevocationList(derRepresentation: copy)
                #expect(!list.isValidSignature(issuedBy: fixture.issuer), "flip at \(position) went unnoticed")
            } catch {
                // A typed X509RevocationListError is the only other outcome (enforced by `throws(…)`).
            }
        }
    }

    @Test func pemProblemsAreTyped() throws {
        let list = try Self.fixture().list
        let pem = list.pemRepresentation
        #expect(throws: X509RevocationListError.self) { try X509RevocationList(pemRepresentation: "no PEM here") }
        #expect(throws: X509RevocationListError.self) {
            try X509RevocationList(pemRepresentation: pem.replacingOccurrences(of: "X509 CRL", with: "CERTIFICATE"))
        }
        #expect(throws: X509RevocationListError.self) {
            try X509RevocationList(pemRepresentation: pem.replacingOccurrences(of: "M", with: "*"))
        }
        #expect(try X509RevocationList(pemOrDERRepresentation: Array(pem.utf8)) == list)
        #expect(try X509RevocationList(pemOrDERRepresentation: list.derRepresentation) == list)
    }

    /// Lists built field by field, so each test breaks exactly one thing; the signature is
    /// garbage, which the parser does not look at.
    static func list(
        version: Int? = 1, nextUpdate: Bool = true, entries: [[UInt8]] = [], extensions: [[UInt8]] = []
    ) -> [UInt8] {
        let algorithm = sequence(oid([1, 2, 156, 10197, 1, 501]))
        var tbs: [UInt8] = []
        if let version { tbs += [0x02, 0x01, UInt8(version)] }
        tbs += algorithm
        tbs += sequence(set(sequence(oid([2, 5, 4, 3]) + [0x0C, 0x02, 0x43, 0x41])))  // CN=CA
        tbs += Array("\u{17}\u{0D}260101000000Z".utf8)
        if nextUpdate { tbs += Array("\u{17}\u{0D}260201000000Z".utf8) }
        if !entries.isEmpty { tbs += sequence(entries.flatMap { $0 }) }
        if !extensions.isEmpty { tbs += tlv(0xA0, sequence(extensions.flatMap { $0 })) }
        return sequence(sequence(tbs) + algorithm + tlv(0x03, [0x00, 0x30, 0x00]))
    }

    static func entry(serial: [UInt8] = [0x05], extensions: [[UInt8]] = []) -> [UInt8] {
        sequence(
            tlv(0x02, serial) + Array("\u{17}\u{0D}251231000000Z".utf8)
                + (extensions.isEmpty ? [] : sequence(extensions.flatMap { $0 })))
    }

    static func `extension`(_ arcs: [UInt], critical: Bool = false, value: [UInt8]) -> [UInt8] {
        sequence(oid(arcs) + (critical ? [0x01, 0x01, 0xFF] : []) + tlv(0x04, value))
    }

    @Test func wellFormedHandMadeListParses() throws {
        let list = try X509RevocationList(
            derRepresentation: Self.list(
                entries: [Self.entry(extensions: [Self.extension([2, 5, 29, 21], value: [0x0A, 0x01, 0x04])])],
                extensions: [Self.extension([2, 5, 29, 20], value: [0x02, 0x01, 0x07])]))
        #expect(list.version == 2)
        #expect(list.issuer.commonName == "CA")
        #expect(list.thisUpdate == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(list.crlNumberDescription == "7")
        #expect(list.entry(for: .init(bytes: [0x05]))?.reason == .superseded)
        let v1 = try X509RevocationList(derRepresentation: Self.list(version: nil, nextUpdate: false))
        #expect(v1.version == 1 && v1.nextUpdate == nil && v1.entries.isEmpty)
    }

    @Test func unsupportedVersionIsRejected() {
        #expect(throws: X509RevocationListError.unsupportedVersion(3)) {
            try X509RevocationList(derRepresentation: Self.list(version: 2))
        }
    }

    @Test func deltaListsAreRejected() {
        let delta = Self.extension([2, 5, 29, 27], critical: true, value: [0x02, 0x01, 0x01])
        #expect(throws: X509RevocationListError.unsupportedCriticalExtension(oid: "2.5.29.27")) {
            try X509RevocationList(derRepresentation: Self.list(extensions: [delta]))
        }
    }

    /// A list scoped by an issuing distribution point (only user certificates, only some
    /// reasons, one partition) would call every certificate outside its scope good if read
    /// as complete. RFC 5280 §5.2.5 makes the extension critical; a CA that leaves the flag
    /// off does not make the list complete, so it is refused either way (as OpenSSL, which
    /// reads the scope whatever the flag, does not apply it blindly either).
    @Test(arguments: [true, false])
    func listsScopedByAnIssuingDistributionPointAreRejected(critical: Bool) {
        // IssuingDistributionPoint ::= SEQUENCE { onlyContainsUserCerts [1] IMPLICIT BOOLEAN TRUE }
        let scope = Self.extension([2, 5, 29, 28], critical: critical, value: [0x30, 0x03, 0x81, 0x01, 0xFF])
        #expect(throws: X509RevocationListError.unsupportedCriticalExtension(oid: "2.5.29.28")) {
            try X509RevocationList(derRepresentation: Self.list(extensions: [scope]))
        }
    }

    /// A serial listed twice answers with its earliest effective date, whichever comes first
    /// in the list: the later entry must not hide a key compromise dated back by the other.
    @Test func aSerialListedTwiceAnswersWithItsEarliestEffectiveDate() throws {
        let compromised = Self.extension([2, 5, 29, 24], value: Self.tlv(0x18, Array("20200101000000Z".utf8)))
        let earliest = Date(timeIntervalSince1970: 1_577_836_800)
        for entries in [
            [Self.entry(), Self.entry(extensions: [compromised])],
            [Self.entry(extensions: [compromised]), Self.entry()],
        ] {
            let list = try X509RevocationList(derRepresentation: Self.list(entries: entries))
            #expect(list.entries.count == 2)
            #expect(list.entry(for: .init(bytes: [0x05]))?.effectiveDate == earliest)
        }
    }

    @Test func unknownCriticalExtensionsAreRejectedNonCriticalKept() throws {
        let critical = Self.extension([1, 2, 3, 4], critical: true, value: [0x05, 0x00])
        #expect(throws: X509RevocationListError.unsupportedCriticalExtension(oid: "1.2.3.4")) {
            try X509RevocationList(derRepresentation: Self.list(extensions: [critical]))
        }
        let indirect = Self.extension([2, 5, 29, 29], critical: true, value: [0x30, 0x00])
        #expect(throws: X509RevocationListError.unsupportedCriticalExtension(oid: "2.5.29.29")) {
            try X509RevocationList(derRepresentation: Self.list(entries: [Self.entry(extensions: [indirect])]))
        }
        let plain = Self.extension([1, 2, 3, 4], value: [0x05, 0x00])
        let list = try X509RevocationList(derRepresentation: Self.list(extensions: [plain]))
        #expect(list.extensions.map(\.oid) == ["1.2.3.4"])
    }

    @Test func brokenEntriesNameTheirIndex() {
        let badReason = Self.extension([2, 5, 29, 21], value: [0x0A, 0x01, 0x07])
        #expect(
            throws: X509RevocationListError.malformedEntry(
                index: 1, "malformed revocation list extension: reason code 7 is not a CRLReason")
        ) {
            try X509RevocationList(
                derRepresentation: Self.list(entries: [Self.entry(), Self.entry(extensions: [badReason])]))
        }
        #expect(throws: X509RevocationListError.self) {
            try X509RevocationList(derRepresentation: Self.list(entries: [Self.entry(serial: [0x00, 0x05])]))
        }
        #expect(throws: X509RevocationListError.self) {
            try X509RevocationList(derRepresentation: Self.list(entries: [Self.sequence([0x02, 0x01, 0x05])]))
        }
    }

    @Test func duplicateExtensionsAndV1ExtensionsAreRejected() {
        let number = Self.extension([2, 5, 29, 20], value: [0x02, 0x01, 0x07])
        #expect(throws: X509RevocationListError.malformedExtension("extension 2.5.29.20 appears twice")) {
            try X509RevocationList(derRepresentation: Self.list(extensions: [number, number]))
        }
        #expect(throws: X509RevocationListError.self) {
            try X509RevocationList(derRepresentation: Self.list(version: nil, extensions: [number]))
        }
    }

    @Test func negativeSerialsReadAsCertificatesKeepThem() throws {
        let list = try X509RevocationList(derRepresentation: Self.list(entries: [Self.entry(serial: [0xFF, 0x00])]))
        #expect(list.entries.first?.serialNumber == .init(bytes: [0x01, 0x00], isNegative: true))
    }

    // MARK: - DER by hand

    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { DERSplice.tlv(tag, content) }

    static func sequence(_ content: [UInt8]) -> [UInt8] { tlv(0x30, content) }
    static func set(_ content: [UInt8]) -> [UInt8] { tlv(0x31, content) }

    static func oid(_ arcs: [UInt]) -> [UInt8] {
        var content: [UInt8] = [UInt8(arcs[0] * 40 + arcs[1])]
        for arc in arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7F)]
            var rest = arc >> 7
            while rest > 0 {
                chunk.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
                rest >>= 7
            }
            content += chunk
        }
        return tlv(0x06, content)
    }
}
