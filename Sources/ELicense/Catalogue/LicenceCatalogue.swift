/// The catalogue 证照目录 of licence types this SDK can issue and verify.
///
/// ```swift
/// let type = try LicenceCatalogue.standard.type(code: "11100000MB0143028R001")   // 营业执照
/// type.faceFields.map(\.label)   // ["统一社会信用代码", "名称", …]
/// ```
public struct LicenceCatalogue: Sendable, Hashable {
    /// Every type, in catalogue order.
    public let types: [LicenceType]

    /// A catalogue of the given types (a department adds its own to `standard.types`).
    public init(types: [LicenceType]) { self.types = types }

    /// The types of `Specs/elicense/catalogue.xml`.
    public static let standard = LicenceCatalogue(types: builtInTypes)

    /// The type with this code, or `ELicenseError.unknownType`.
    public func type(code: String) throws(ELicenseError) -> LicenceType {
        guard let found = types.first(where: { $0.code == code }) else { throw .unknownType(code) }
        return found
    }

    /// Whether the catalogue registers `code`.
    public func contains(code: String) -> Bool { types.contains { $0.code == code } }
}
