/// Obtains a time stamp over a signature value from a time-stamp authority the caller
/// chooses (RFC 3161 or a national TSA); ESeal stores what it returns in `timeStamp`.
public protocol TimeStampProvider: Sendable {
    func timeStamp(for signatureValue: [UInt8]) async throws -> [UInt8]
}

/// Checks a time stamp found on a seal or signature against the value it covers.
public protocol TimeStampVerifier: Sendable {
    /// `nil` when the token is valid for `signatureValue`, otherwise why not.
    func failureReason(timeStamp: [UInt8], for signatureValue: [UInt8]) -> String?
}
