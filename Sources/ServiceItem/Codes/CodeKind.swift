/// The four code kinds of GB/T 39554.1, plus the codes of provincial schemes.
public enum CodeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 基本编码: 12 characters.
    case basicCode
    /// 实施编码: 31 characters.
    case implementationCode
    /// 业务办理项编码: 33 characters.
    case businessItemCode
    /// 办件编号: 43 characters (4-digit serial) or 48 (9-digit serial).
    case caseNumber
    /// A basic code in a province's own layout (for example Guizhou's letter types).
    case provincialBasicCode
    /// An implementation-level item code in a province's own layout (四川's hyphenated codes).
    case provincialItemCode

    public var englishName: String {
        switch self {
        case .basicCode: return "basic code"
        case .implementationCode: return "implementation code"
        case .businessItemCode: return "business item code"
        case .caseNumber: return "case number"
        case .provincialBasicCode: return "provincial basic code"
        case .provincialItemCode: return "provincial item code"
        }
    }

    public var chineseName: String {
        switch self {
        case .basicCode: return "基本编码"
        case .implementationCode: return "实施编码"
        case .businessItemCode: return "业务办理项编码"
        case .caseNumber: return "办件编号"
        case .provincialBasicCode: return "地方基本编码"
        case .provincialItemCode: return "地方事项实施编码"
        }
    }
}
