#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JWS in compact serialisation (RFC 7515 §7.1), split and decoded but not yet verified.
///
/// Parsing checks, in order and before any cryptography: the size limit, exactly three
/// segments, canonical base64url in each, and JSON within the depth limit with no repeated
/// member names. Nothing here trusts the header: choosing the key and checking that `alg`
/// fits it is the verifier's job.
public struct CompactJWS: Sendable {
    public let header: JOSEHeader
    /// The decoded payload bytes (the claims' JSON for a JWT).
    public let payload: [UInt8]
    /// The signature bytes as carried (raw r‖s for the elliptic-curve algorithms).
    public let signature: [UInt8]
    /// `BASE64URL(header) '.' BASE64URL(payload)`: the bytes the signature covers.
    public let signingInput: [UInt8]

    public init(parsing token: String, limits: TokenLimits = .standard) throws(TokenError) {
        var token = token
        // withUTF8 reads a native string's bytes in place; its closure cannot throw a typed error.
        let parsed = token.withUTF8 { bytes in
            Result { () throws(TokenError) in try Self.parse(bytes, limits: limits) }
        }
        self = try parsed.get()
    }

    public init<Bytes: Collection<UInt8>>(parsing token: Bytes, limits: TokenLimits = .standard) throws(TokenError) {
        let bytes = Array(token)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(TokenError) in try Self.parse(buffer, limits: limits) }
        }
        self = try parsed.get()
    }

    private init(header: JOSEHeader, payload: [UInt8], signature: [UInt8], signingInput: [UInt8]) {
        self.header = header
        self.payload = payload
        self.signature = signature
        self.signingInput = signingInput
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: TokenLimits) throws(TokenError) -> CompactJWS
    {
        guard bytes.count <= limits.maximumTokenBytes else {
            throw .tokenTooLarge(size: bytes.count, limit: limits.maximumTokenBytes)
        }
        // The two separators, found with memchr (tokens are read on every request); a third
        // means another serialisation.
        let firstDot = dotIndex(in: bytes, from: 0)
        let secondDot = firstDot < 0 ? -1 : dotIndex(in: bytes, from: firstDot + 1)
        if secondDot >= 0, dotIndex(in: bytes, from: secondDot + 1) >= 0 {
            throw .malformedToken("more than three segments (an encrypted JWE or JSON serialisation is not accepted)")
        }
        guard secondDot >= 0 else {
            throw .malformedToken("expected three dot-separated segments, found \(firstDot < 0 ? 1 : 2)")
        }
        let headerText = bytes[0..<firstDot]
        let payloadText = bytes[(firstDot + 1)..<secondDot]
        let signatureText = bytes[(secondDot + 1)...]
        guard !headerText.isEmpty else { throw .malformedToken("the header segment is empty") }
        guard !payloadText.isEmpty else { throw .malformedToken("the payload segment is empty") }

        guard let headerBytes = Base64URL.decode(headerText) else { throw .invalidEncoding(.header) }
        var headerReader = JOSEHeader.Reader()
        try read(headerBytes, of: .header, limits: limits, into: &headerReader)
        let header = try headerReader.header()
        // `none` is refused here, before anything else looks at the token.
        if header.algorithm.utf8.count == 4, header.algorithm.lowercased() == "none" { throw .unsecuredToken }

        guard let payload = Base64URL.decode(payloadText) else { throw .invalidEncoding(.payload) }
        guard !signatureText.isEmpty else { throw .malformedToken("the signature segment is empty") }
        guard let signature = Base64URL.decode(signatureText) else { throw .invalidEncoding(.signature) }
        return CompactJWS(
            header: header, payload: payload, signature: signature, signingInput: Array(bytes[0..<secondDot]))
    }

    /// The index of the first "." at or after `start`, or -1.
    private static func dotIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, Int32(UInt8(ascii: ".")), bytes.count - start)
        else { return -1 }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The payload read as a JWT claims set.
    public func claims(limits: TokenLimits = .standard) throws(TokenError) -> IdentityClaims {
        var claims = IdentityClaims()
        try Self.read(payload, of: .payload, limits: limits, into: &claims)
        return claims
    }

    /// Hands each member of a segment that must hold one JSON object to `reader`, in order
    /// (through `inout`, so a claims set is filled in place rather than copied out of a
    /// closure). The whole segment is checked as JSON before any error `reader` raised is
    /// thrown, so a token fails the same way whichever member it breaks a rule with.
    private static func read<Reader: JSONMemberReading>(
        _ bytes: [UInt8], of segment: TokenSegment, limits: TokenLimits, into reader: inout Reader
    ) throws(TokenError) {
        var firstError: TokenError?
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONReaderError) in
                try JSONReader.visitObject(buffer, maximumDepth: limits.maximumJSONDepth) { name, value in
                    guard firstError == nil else { return }
                    do throws(TokenError) { try reader.read(value, named: name) } catch { firstError = error }
                }
            }
        }
        let isObject: Bool
        do {
            isObject = try parsed.get()
        } catch {
            throw .invalidJSON(segment, reason: error.description)
        }
        guard isObject else {
            throw .invalidJSON(
                segment, reason: "the \(segment == .header ? "header" : "claims set") must be a JSON object")
        }
        if let firstError { throw firstError }
    }

    /// Builds the signing input for a header and payload (used when issuing).
    static func signingInput(header: JOSEHeader, payload: [UInt8]) -> String {
        Base64URL.encode(JSONWriter.bytes(header.jsonValue)) + "." + Base64URL.encode(payload)
    }
}
