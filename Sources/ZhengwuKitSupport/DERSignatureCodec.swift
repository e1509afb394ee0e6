/// The one codec between an (r, s) signature's DER `SEQUENCE { r INTEGER, s INTEGER }`
/// (RFC 3279's ECDSA-Sig-Value; SM2 uses the same shape, GB/T 35276) and the fixed-width
/// raw r‖s that JOSE and some vendors use.
///
/// Strict by default: exactly one DER encoding exists for each (r, s), so anything BER allows
/// and DER does not is refused with its own failure. `.nonMinimal` tolerates the redundant
/// leading zero bytes and long-form lengths some seal vendors write, for callers that report
/// them as a quirk rather than refuse them.
package enum DERSignatureCodec {
    /// How much of BER beyond DER a caller accepts.
    package enum Tolerance: Sendable {
        case strict
        case nonMinimal
    }

    /// Which of the two integers a failure is about.
    package enum Component: String, Sendable, Hashable {
        case r
        case s
    }

    /// Why a DER signature was refused.
    package enum Failure: Error, Sendable, Hashable {
        case notASequence
        case truncated
        case indefiniteLength
        case nonMinimalLength
        case trailingBytes
        case notAnInteger(Component)
        case emptyInteger(Component)
        case nonMinimalInteger(Component)
        case negativeInteger(Component)
        case integerTooLong(Component)
        /// Zero, or not below the group order when one was given.
        case integerOutOfRange(Component)

        /// The DER rule broken, in `lower_snake` words for an error code (`trailing_bytes`,
        /// `non_minimal_integer`, …); a user's error type prefixes its own module and context.
        package var rule: String {
            switch self {
            case .notASequence: return "not_sequence"
            case .truncated: return "truncated"
            case .indefiniteLength: return "indefinite_length"
            case .nonMinimalLength: return "non_minimal_length"
            case .trailingBytes: return "trailing_bytes"
            case .notAnInteger: return "not_integer"
            case .emptyInteger: return "empty_integer"
            case .nonMinimalInteger: return "non_minimal_integer"
            case .negativeInteger: return "negative_integer"
            case .integerTooLong: return "integer_too_long"
            case .integerOutOfRange: return "integer_out_of_range"
            }
        }
    }

    /// The raw r‖s (each left-padded to `width` bytes) of `der`; each integer must be nonzero and,
    /// when `order` (big-endian, `width` bytes) is given, below it.
    package static func raw(
        fromDER der: [UInt8], width: Int, order: [UInt8]? = nil, tolerance: Tolerance = .strict
    ) throws(Failure) -> [UInt8] {
        guard let tag = der.first else { throw .truncated }
        guard tag == 0x30 else { throw .notASequence }
        let (contentStart, contentLength) = try readLength(der, at: 1, tolerance: tolerance)
        guard contentStart + contentLength <= der.count else { throw .truncated }
        guard contentStart + contentLength == der.count else { throw .trailingBytes }
        let end = der.count
        var raw = [UInt8](repeating: 0, count: 2 * width)
        var index = contentStart
        for component in [Component.r, .s] {
            guard index < end else { throw .truncated }
            guard der[index] == 0x02 else { throw .notAnInteger(component) }
            let (valueStart, valueLength) = try readLength(der, at: index + 1, tolerance: tolerance)
            guard valueStart + valueLength <= end else { throw .truncated }
            let value = der[valueStart..<(valueStart + valueLength)]
            try checkInteger(value, component, tolerance: tolerance)
            let magnitude = value.drop { $0 == 0 }
            guard magnitude.count <= width else { throw .integerTooLong(component) }
            let base = component == .r ? 0 : width
            let offset = base + width - magnitude.count
            raw.replaceSubrange(offset..<(offset + magnitude.count), with: magnitude)
            let padded = raw[base..<(base + width)]
            guard padded.contains(where: { $0 != 0 }) else { throw .integerOutOfRange(component) }
            if let order, !padded.lexicographicallyPrecedes(order) { throw .integerOutOfRange(component) }
            index = valueStart + valueLength
        }
        guard index == end else { throw .trailingBytes }
        return raw
    }

    /// The DER encoding of a raw r‖s of `2 × width` bytes; nil when `raw` has another length.
    package static func der(fromRaw raw: [UInt8], width: Int) -> [UInt8]? {
        guard width > 0, raw.count == 2 * width else { return nil }
        let content = integer(raw[0..<width]) + integer(raw[width...])
        return [0x30] + length(content.count) + content
    }

    private static func integer(_ magnitude: ArraySlice<UInt8>) -> [UInt8] {
        var value = Array(magnitude.drop { $0 == 0 })
        if value.isEmpty || value[0] & 0x80 != 0 { value.insert(0, at: 0) }
        return [0x02] + length(value.count) + value
    }

    private static func length(_ count: Int) -> [UInt8] {
        if count < 0x80 { return [UInt8(count)] }
        var bytes: [UInt8] = []
        var rest = count
        while rest > 0 {
            bytes.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    /// A length at `index`: the content's first index and its length. Strictly, only the forms
    /// DER allows (short form below 128, long form only when needed, no leading zeros).
    private static func readLength(_ der: [UInt8], at index: Int, tolerance: Tolerance) throws(Failure) -> (Int, Int) {
        guard index < der.count else { throw .truncated }
        let first = der[index]
        if first < 0x80 { return (index + 1, Int(first)) }
        guard first != 0x80 else { throw .indefiniteLength }
        if tolerance == .strict {
            // A signature is at most 2 × (width + 3) + 2 bytes, so only one length byte could be
            // needed, and then only for ≥ 128; any other long form is non-minimal or far too long.
            guard first == 0x81 else { throw .nonMinimalLength }
        }
        let octets = Int(first & 0x7F)
        guard octets <= 2 else { throw .nonMinimalLength }
        guard index + octets < der.count else { throw .truncated }
        var length = 0
        for offset in 1...octets { length = length << 8 | Int(der[index + offset]) }
        if tolerance == .strict, length < 0x80 { throw .nonMinimalLength }
        return (index + 1 + octets, length)
    }

    /// X.690 §8.3: at least one byte, and the first nine bits not all zeros or all ones.
    private static func checkInteger(_ value: ArraySlice<UInt8>, _ component: Component, tolerance: Tolerance)
        throws(Failure)
    {
        guard let first = value.first else { throw .emptyInteger(component) }
        guard first & 0x80 == 0 else { throw .negativeInteger(component) }
        if tolerance == .strict, value.count > 1, first == 0, value[value.startIndex + 1] & 0x80 == 0 {
            throw .nonMinimalInteger(component)
        }
    }
}

extension DERSignatureCodec.Failure: CustomStringConvertible {
    /// What is wrong, in English, for the message of the user's own error.
    package var description: String {
        switch self {
        case .notASequence: return "not a DER SEQUENCE"
        case .truncated: return "the DER encoding ends early"
        case .indefiniteLength: return "an indefinite length (BER, not DER)"
        case .nonMinimalLength: return "a length not in its shortest form (BER, not DER)"
        case .trailingBytes: return "bytes after the two INTEGERs"
        case .notAnInteger(let component): return "\(component.rawValue) is not an INTEGER"
        case .emptyInteger(let component): return "\(component.rawValue) is an empty INTEGER"
        case .nonMinimalInteger(let component):
            return "\(component.rawValue) has a redundant leading zero byte (BER, not DER)"
        case .negativeInteger(let component): return "\(component.rawValue) is negative"
        case .integerTooLong(let component): return "\(component.rawValue) is longer than the curve's integers"
        case .integerOutOfRange(let component):
            return "\(component.rawValue) is zero or not below the curve order"
        }
    }
}
