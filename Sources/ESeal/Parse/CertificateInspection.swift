/// Looks at a certificate's outer structure for field deviations without parsing it: a
/// short walk over tag-length headers, since the full parse belongs to GMCrypto and this
/// runs on every certificate of every seal read.
enum CertificateInspection {
    /// Whether the certificate's signature algorithm identifiers (the outer one, or the
    /// copy in tbsCertificate) carry NULL parameters, which SM3withSM2 does not define.
    static func hasNullAlgorithmParameters(_ der: [UInt8]) -> Bool {
        var outer = TLVReader(der[...])
        guard let certificate = outer.next(), certificate.tag == 0x30 else { return false }
        var fields = TLVReader(certificate.content)
        guard let tbs = fields.next(), tbs.tag == 0x30, let algorithm = fields.next() else { return false }
        if isAlgorithmWithNull(algorithm) { return true }
        var tbsFields = TLVReader(tbs.content)
        // version [0] EXPLICIT (optional), serialNumber, then signature AlgorithmIdentifier.
        guard var item = tbsFields.next() else { return false }
        if item.tag == 0xA0 {
            guard let next = tbsFields.next() else { return false }
            item = next
        }
        guard item.tag == 0x02, let signature = tbsFields.next() else { return false }
        return isAlgorithmWithNull(signature)
    }

    private static func isAlgorithmWithNull(_ node: TLVReader.Element) -> Bool {
        guard node.tag == 0x30 else { return false }
        var parts = TLVReader(node.content)
        guard let oid = parts.next(), oid.tag == 0x06, let parameters = parts.next() else { return false }
        return parameters.tag == 0x05 && parameters.content.isEmpty && parts.next() == nil
    }
}

/// Iterates the tag-length-value items of DER content (single-byte tags, definite lengths).
struct TLVReader {
    struct Element {
        let tag: UInt8
        let content: ArraySlice<UInt8>
    }

    private var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    mutating func next() -> Element? {
        guard bytes.count >= 2 else { return nil }
        let tag = bytes[bytes.startIndex]
        var index = bytes.startIndex + 1
        let first = Int(bytes[index])
        index += 1
        var length = first
        if first & 0x80 != 0 {
            let count = first & 0x7F
            guard (1...3).contains(count), bytes.endIndex - index >= count else { return nil }
            length = 0
            for _ in 0..<count {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
        }
        guard tag & 0x1F != 0x1F, bytes.endIndex - index >= length else { return nil }
        let content = bytes[index..<(index + length)]
        bytes = bytes[(index + length)...]
        return Element(tag: tag, content: content)
    }
}
