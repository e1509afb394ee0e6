import SwiftASN1

extension DERSerializable {
    /// This value's DER encoding.
    public func derBytes() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(self)
        return coder.serializedBytes
    }
}
