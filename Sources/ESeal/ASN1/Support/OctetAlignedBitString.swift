import SwiftASN1

extension ASN1BitString {
    /// The bytes of a BIT STRING that carries octets (a signature, a digest, a time stamp).
    ///
    /// Such a value has no unused bits; one with padding would let a changed encoding
    /// keep the same signature bytes, so it is refused.
    func octets(_ field: String) throws -> [UInt8] {
        guard paddingBits == 0 else {
            throw ASN1Error.invalidASN1Object(
                reason: "\(field) has \(paddingBits) unused bits; it must hold whole octets")
        }
        return Array(bytes)
    }
}
