import Foundation
import Logging
import Testing
import ZhengwuKitCore

@testable import ESeal

@Suite("The certificate cache is injectable and bounded; decisions are logged without subjects")
struct CertificateCacheTests {
    @Test("least recently used certificates leave first; capacity 0 keeps none")
    func leastRecentlyUsed() throws {
        let pki = try TestPKI.make()
        let cache = SealCertificateCache(capacity: 2)
        let (maker, signer, other) = (
            Array(pki.maker.derRepresentation), Array(pki.signer.derRepresentation),
            Array(pki.otherSigner.derRepresentation)
        )
        let parse = { (der: [UInt8], counter: inout Int) throws(ESealError) -> Void in
            _ = try cache.certificate(der) { (bytes) throws(ESealError) in
                counter += 1
                return try SealCrypto.certificate(bytes, role: "test", cache: SealCertificateCache(capacity: 0))
            }
        }
        var parses = 0
        try parse(maker, &parses)
        try parse(signer, &parses)
        try parse(maker, &parses)  // maker now most recent
        #expect(parses == 2 && cache.count == 2)
        try parse(other, &parses)  // evicts signer, the least recently used
        #expect(parses == 3 && cache.count == 2)
        #expect(cache.contains(maker) && cache.contains(other) && !cache.contains(signer))
        try parse(signer, &parses)  // evicts maker
        #expect(parses == 4 && !cache.contains(maker))
        cache.removeAll()
        #expect(cache.count == 0)

        let none = SealCertificateCache(capacity: 0)
        _ = SealVerifier(trustAnchors: [pki.ca], certificateCache: none).verify(try pki.seal())
        #expect(none.count == 0)
    }

    @Test("a verifier fills the cache it is given, not the shared one")
    func injected() throws {
        let pki = try TestPKI.make()
        let cache = SealCertificateCache(capacity: 8)
        let report = SealVerifier(trustAnchors: [pki.ca], certificateCache: cache)
            .verify(try pki.signature(), data: .bytes(TestPKI.document))
        #expect(report.isValid)
        #expect(cache.count == 2)
        #expect(
            cache.contains(Array(pki.maker.derRepresentation)) && cache.contains(Array(pki.signer.derRepresentation)))
    }

    @Test("the verdict is logged at debug level with check names and warning codes, never a subject")
    func logging() throws {
        let pki = try TestPKI.make()
        let records = LogRecords()
        var logger = Logger(label: "test.eseal") { _ in CapturingHandler(records: records) }
        logger.logLevel = .debug
        let report = SealVerifier(logger: logger).verify(try pki.signature(), data: .bytes(TestPKI.document))
        let logged = records.all
        #expect(logged.count == 1)
        let record = try #require(logged.first)
        #expect(record.level == .debug)
        #expect(record.metadata["verdict"] == "\(report.verdict.rawValue)" && record.metadata["trust"] == "not-checked")
        #expect(record.metadata["checks"]?.contains("makerSignature=passed") == true)
        let text = record.message + record.metadata.values.joined()
        #expect(!text.contains("Test signer") && !text.contains("Test maker"))
    }
}

final class LogRecords: @unchecked Sendable {
    struct Record {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let lock = NSLock()
    private var records: [Record] = []

    func append(_ record: Record) { lock.withLock { records.append(record) } }
    var all: [Record] { lock.withLock { records } }
}

struct CapturingHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        records.append(
            LogRecords.Record(
                level: event.level, message: event.message.description,
                metadata: (event.metadata ?? [:]).mapValues { "\($0)" }))
    }
}
