import ArgumentParser
import Foundation
import GMCertificates
import GMCrypto

/// Reading revocation lists (PEM or DER) and the revocation options the verify commands share.
enum RevocationListFiles {
    /// The list in `path` (`-` for stdin); unreadable or malformed input exits 2.
    static func read(_ path: String) throws -> X509RevocationList {
        let data = try InputFiles.read(path)
        do {
            return try X509RevocationList(pemOrDERRepresentation: data)
        } catch {
            throw CLIError("\(path): \(error) [\(error.code), \(error.chineseTerm)]")
        }
    }

    /// The OCSP response in `path` (DER); unreadable or malformed input exits 2.
    static func readResponse(_ path: String) throws -> X509OCSPResponse {
        let data = try InputFiles.read(path)
        do {
            return try X509OCSPResponse(derRepresentation: data)
        } catch {
            throw CLIError("\(path): \(error) [\(error.code), \(error.chineseTerm)]")
        }
    }

    /// Warnings a tolerated missing or stale list leaves, one line each.
    static func warnings(_ statuses: [X509RevocationStatus]) -> [String] {
        statuses.compactMap { status in
            guard !status.isFatal, let failure = status.failure else { return nil }
            return
                "\(failure) [\(failure.code), \(failure.chineseTerm)]: depth \(status.depth), subject \(status.certificate.subject)"
        }
    }
}

extension X509RevocationPolicy.Handling: ExpressibleByArgument {}

/// `--crl FILE... --ocsp FILE... [--crl-missing fail|warn] [--crl-stale fail|warn] [--crl-max-age DAYS]`, shared by
/// `cert verify` and `seal verify`.
struct RevocationOptions: ParsableArguments {
    @Option(
        name: .customLong("crl"), help: "A CRL (PEM or DER) of an issuer in the chain (repeatable); checks revocation.")
    var lists: [String] = []

    @Option(
        name: .customLong("ocsp"),
        help: "A saved OCSP response (DER) about a chain certificate (repeatable); answers unless a CRL revokes it.")
    var responses: [String] = []

    @Option(
        name: .customLong("crl-missing"),
        help: "With --crl: an issuer without a CRL given fails (fail) or warns (warn).")
    var whenNoList: X509RevocationPolicy.Handling = .fail

    @Option(name: .customLong("crl-stale"), help: "With --crl: a CRL past its nextUpdate fails (fail) or warns (warn).")
    var whenStale: X509RevocationPolicy.Handling = .fail

    @Option(
        name: .customLong("crl-max-age"),
        help: """
            With --crl/--ocsp: a CRL or a good OCSP answer issued more than DAYS before the verification \
            time is stale (the only bound for answers without nextUpdate).
            """)
    var maximumAgeDays: Double?

    /// ``maximumAgeDays`` in seconds.
    var maximumAge: TimeInterval? { maximumAgeDays.map { $0 * 86_400 } }

    var isEnabled: Bool { !lists.isEmpty || !responses.isEmpty }

    func validate() throws {
        if let maximumAgeDays, !(maximumAgeDays.isFinite && maximumAgeDays >= 0) {
            throw ValidationError("--crl-max-age takes a number of days, 0 or more")
        }
    }

    func readLists() throws -> [X509RevocationList] {
        try lists.map(RevocationListFiles.read)
    }

    func readResponses() throws -> [X509OCSPResponse] {
        try responses.map(RevocationListFiles.readResponse)
    }
}
