/// What the service-item codes share as ``IdentifierCode``s: the code is its own compact and
/// masked form (it names an item and a public body, no person), compaction removes only
/// spaces (the codes are exchanged exactly, so a lower-case letter stays an error), and JSON
/// decoding is lenient unless the decoder asks otherwise.
protocol ServiceItemIdentifierCode: IdentifierCode where ParseError == ServiceItemError {
    /// The code as written, every rule checked; `parsing` adds compaction.
    init(exactly code: String, strictness: Strictness) throws(ServiceItemError)
    var code: String { get }
}

extension ServiceItemIdentifierCode {
    public init(parsing text: some StringProtocol, strictness: Strictness) throws(ServiceItemError) {
        let written = String(text)
        do throws(ServiceItemError) {
            try self.init(exactly: written, strictness: strictness)
        } catch {
            // Only a failed parse pays for compaction, and only when spaces may have made the
            // length wrong: a stray character in a code of the right length is reported there.
            guard case .invalidLength = error else { throw error }
            let compacted = Self.compact(written)
            guard compacted != written else { throw error }
            try self.init(exactly: compacted, strictness: strictness)
        }
    }

    /// `text` without spaces.
    public static func compact(_ text: some StringProtocol) -> String {
        String(text.filter { $0 != " " })
    }

    public var compactForm: String { code }

    public var masked: String { code }

    /// Catalogue files carry body codes that are not credit codes and local item types; it is
    /// the validator (with its own strictness) that decides whether that is acceptable and
    /// says so with a path. So decoding is lenient unless `userInfo[.zhengwuKitStrictness]`
    /// asks for strict.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let strictness = decoder.userInfo[.zhengwuKitStrictness] as? Strictness ?? .lenient
        do {
            try self.init(parsing: text, strictness: strictness)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error) [\(error.code)]")
        }
    }
}

extension BasicCode: ServiceItemIdentifierCode {}
extension ImplementationCode: ServiceItemIdentifierCode {}
extension BusinessItemCode: ServiceItemIdentifierCode {}
extension CaseNumber: ServiceItemIdentifierCode {}
extension SichuanItemCode: ServiceItemIdentifierCode {}
