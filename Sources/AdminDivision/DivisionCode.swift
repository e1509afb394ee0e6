internal import ZhengwuKitSupport

/// A six-digit GB/T 2260 administrative division code (行政区划代码): two digits of province,
/// two of prefecture, two of county.
///
/// A `DivisionCode` is only the shape of a code; whether it exists (and when) is
/// ``Division``'s business.
public struct DivisionCode: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The code as a number, 100000...999999.
    public let rawValue: Int

    /// A code from its numeric value; `nil` unless it has six digits and a non-zero province.
    public init?(rawValue: Int) {
        guard (100_000...999_999).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// A code from its six decimal digits (`"440305"`); `nil` for anything else.
    public init?(_ text: some StringProtocol) {
        var value = 0
        var count = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), count < 6 else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            count += 1
        }
        guard count == 6 else { return nil }
        self.init(rawValue: value)
    }

    /// Where in the hierarchy the code's shape puts it.
    public var level: DivisionLevel {
        if rawValue % 10_000 == 0 { return .province }
        if rawValue % 100 == 0 { return .prefecture }
        return .county
    }

    /// The province the code belongs to (`440000` for `440305`).
    public var provinceCode: DivisionCode { DivisionCode(unchecked: rawValue / 10_000 * 10_000) }

    /// The prefecture-level code the code belongs to (`440300` for `440305`), `nil` for a province.
    public var prefectureCode: DivisionCode? {
        level == .province ? nil : DivisionCode(unchecked: rawValue / 100 * 100)
    }

    /// The six digits.
    public var description: String {
        ZeroPadding.decimal(rawValue, width: 6)
    }

    public static func < (lhs: DivisionCode, rhs: DivisionCode) -> Bool { lhs.rawValue < rhs.rawValue }

    init(unchecked rawValue: Int) { self.rawValue = rawValue }
}

/// The three levels of GB/T 2260.
public enum DivisionLevel: String, Sendable, Hashable, CaseIterable {
    /// 省级: province, autonomous region, municipality, special administrative region.
    case province
    /// 地级: prefecture-level city, prefecture, league, and the 市辖区/县 grouping rows.
    case prefecture
    /// 县级: county, county-level city, district, banner.
    case county
}
