/// Reads `n` and `e` out of an RSA SubjectPublicKeyInfo, for the JWK of an RSA key imported
/// from PEM (GMCrypto verifies with RSA keys but does not expose their numbers).
///
/// ```
/// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
/// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }   -- RFC 8017 A.1.1
/// ```
enum RSAPublicKeyDER {
    static func components(of spki: [UInt8]) -> (modulus: [UInt8], exponent: [UInt8])? {
        var reader = DERReader(bytes: spki[...])
        guard var info = reader.read(tag: 0x30), reader.isAtEnd else { return nil }
        guard info.read(tag: 0x30) != nil, let bitString = info.read(tag: 0x03), info.isAtEnd else { return nil }
        guard bitString.bytes.first == 0 else { return nil }
        var key = DERReader(bytes: bitString.bytes.dropFirst())
        guard var numbers = key.read(tag: 0x30), key.isAtEnd else { return nil }
        guard let modulus = numbers.read(tag: 0x02), let exponent = numbers.read(tag: 0x02), numbers.isAtEnd else {
            return nil
        }
        return (Array(modulus.bytes), Array(exponent.bytes))
    }

    private struct DERReader {
        var bytes: ArraySlice<UInt8>
        var isAtEnd: Bool { bytes.isEmpty }

        /// The contents of the next element if it has `tag`; definite lengths up to 4 bytes.
        mutating func read(tag: UInt8) -> DERReader? {
            guard bytes.count >= 2, bytes.first == tag else { return nil }
            var index = bytes.startIndex + 1
            var length = Int(bytes[index])
            index += 1
            if length & 0x80 != 0 {
                let count = length & 0x7F
                guard (1...4).contains(count), bytes.endIndex - index >= count else { return nil }
                length = bytes[index..<(index + count)].reduce(0) { $0 << 8 | Int($1) }
                index += count
            }
            guard bytes.endIndex - index >= length else { return nil }
            let contents = bytes[index..<(index + length)]
            bytes = bytes[(index + length)...]
            return DERReader(bytes: contents)
        }
    }
}
