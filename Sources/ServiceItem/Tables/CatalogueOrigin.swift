import AdminDivision

/// Positions 1–2 of a basic code: whether the item comes from the national basic catalogue
/// (`00`) or was added by a province (its two-digit GB/T 2260 code).
public enum CatalogueOrigin: Sendable, Hashable, CustomStringConvertible {
    /// 国家基本目录.
    case national
    /// A province's own catalogue, by its two-digit code (44 for Guangdong).
    case province(String)

    /// The origin coded `code`: `00` or the first two digits of a provincial-level GB/T 2260
    /// division (including Taiwan, Hong Kong and Macao).
    public init(code: String) throws(ServiceItemError) {
        if code == "00" {
            self = .national
        } else if code.count == 2, code.allSatisfy(CharacterRule.digit.allows), let number = Int(code),
            let division = DivisionCode(rawValue: number * 10_000), Division.exists(division)
        {
            // `exists` looks the code up without building the division's name history.
            self = .province(code)
        } else {
            throw .unknownCatalogueOrigin(code)
        }
    }

    /// The two-digit code.
    public var code: String {
        switch self {
        case .national: return "00"
        case .province(let code): return code
        }
    }

    public var chineseName: String {
        switch self {
        case .national: return "国家基本目录"
        case .province(let code): return "\((try? Division(code + "0000"))?.name ?? code)增补事项"
        }
    }

    public var description: String { "\(code) \(chineseName)" }
}
