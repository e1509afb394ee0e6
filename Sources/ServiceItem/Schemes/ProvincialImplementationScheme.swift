/// A province's own layout for implementation-level item codes (which body implements which
/// item where), beside the national 实施编码.
///
/// ``ProvincialCodeScheme`` covers a province's *basic* codes, which map onto the national
/// basic code. Some provinces also publish implementation-level codes in a layout of their
/// own: 四川政务服务网 joins an item code, a 12-digit area code and the body's code with
/// hyphens (``SichuanItemCodeScheme``). Such a code names a body, so it has a body code
/// that strict checking wants to be a credit code, and lenient checking may waive that,
/// exactly as for national codes. A scheme parses its layout into the shared
/// ``ProvincialImplementationCode``; the national parsers never change.
public protocol ProvincialImplementationScheme: Sendable {
    /// A short stable name (`sichuan`).
    var name: String { get }
    /// The scheme's name for people (四川政务服务网事项编码).
    var chineseName: String { get }

    /// Parses `code` in this scheme's layout.
    /// - Returns: nil when the text is not in this layout at all (so a national parser or
    ///   another scheme may try); throws when it is in this layout but breaks one of its rules.
    func parse(_ code: String, strictness: Strictness) throws(ServiceItemError) -> ProvincialImplementationCode?
}

/// An implementation-level item code in a provincial layout: its body, the national item
/// type its local type stands for (when the scheme knows), and its named parts.
public struct ProvincialImplementationCode: Sendable, Hashable, CustomStringConvertible {
    /// The scheme's `name`.
    public let scheme: String
    /// The code as written.
    public let code: String
    /// The implementing body the code names.
    public let body: ImplementingBodyCode
    /// The national item type of the code's local type, nil when the scheme does not know it.
    public let itemType: ItemType?
    /// The named parts, with 1-based positions in `code`.
    public let parts: [CodePart]
    /// The rules lenient checking let through; empty under strict checking.
    public let toleratedErrors: [ServiceItemError]

    public init(
        scheme: String, code: String, body: ImplementingBodyCode, itemType: ItemType?, parts: [CodePart],
        toleratedErrors: [ServiceItemError]
    ) {
        self.scheme = scheme
        self.code = code
        self.body = body
        self.itemType = itemType
        self.parts = parts
        self.toleratedErrors = toleratedErrors
    }

    public var description: String { code }
}
