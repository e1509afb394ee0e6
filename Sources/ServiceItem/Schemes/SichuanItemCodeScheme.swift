/// 四川政务服务网's item codes (``SichuanItemCode``) as a pluggable implementation-level scheme.
///
/// Its layout is unmistakable: national codes never contain a hyphen, and these always do,
/// so the scheme claims exactly the text with hyphens and leaves everything else to the
/// national parsers.
public struct SichuanItemCodeScheme: ProvincialImplementationScheme {
    public let name = SichuanItemCode.scheme
    public let chineseName = "四川政务服务网事项编码"

    public init() {}

    public func parse(_ code: String, strictness: Strictness) throws(ServiceItemError)
        -> ProvincialImplementationCode?
    {
        guard code.utf8.contains(UInt8(ascii: "-")) else { return nil }
        return try SichuanItemCode(parsing: code, strictness: strictness).provincialCode
    }
}
