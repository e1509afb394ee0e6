import AdminDivision

/// An item code of 四川政务服务网 (www.sczwfw.gov.cn): Sichuan's own implementation-level
/// code, which its portal passes as `itemCode` beside `areaCode`, `taskType` and `deptCode`.
///
/// ```
/// 511A0080800002-511602000000-000-11511300008778693M-1-00
/// │              │            │   │                  │ └ last segment (always 00 so far)
/// │              │            │   │                  └ segment after the body (1 or 2)
/// │              │            │   └ implementing body: a credit code, or a local code
/// │              │            └ segment after the area (always 000 so far)
/// │              └ area code: GB/T 2260 division (6) + township (3) + village (3)
/// └ item segment (``SichuanItemPart``)
/// ```
///
/// The item segment and the body may themselves contain hyphens (`G-000007-001`,
/// `00877868-5`), so the code is read from the right: two digits, one digit, then the body
/// back to the first 12-digit segment that a three-digit segment follows, which is the area
/// code; the item segment is what precedes it. What the three digit segments mean is not
/// published; they are exposed by position and named as unconfirmed.
///
/// Strict checking wants the body to be a valid unified social credit code; lenient checking
/// accepts the organisation codes, truncated codes and short numbers the portal also writes
/// there, and records the waived rule in ``toleratedErrors``, as for national codes.
public struct SichuanItemCode: Sendable, Hashable {
    /// The layout, as error messages show it.
    public static let layout = "item-area-000-body-d-dd"

    public let item: SichuanItemPart
    /// The 12-digit area code (`511602000000`).
    public let areaCode: String
    /// The GB/T 2260 division of the area code's first six digits (a known one).
    public let divisionCode: DivisionCode
    /// The three digits after the area code (meaning unconfirmed; `000` in every code seen).
    public let segmentAfterArea: String
    public let body: ImplementingBodyCode
    /// The digit after the body (meaning unconfirmed; `1` in most codes, `2` in some).
    public let segmentAfterBody: String
    /// The last two digits (meaning unconfirmed; `00` in every code seen).
    public let lastSegment: String

    /// Builds a code from its parts, checking each.
    public init(
        item: SichuanItemPart, areaCode: String, segmentAfterArea: String = "000", body: ImplementingBodyCode,
        segmentAfterBody: String = "1", lastSegment: String = "00"
    ) throws(ServiceItemError) {
        try CharacterRule.digit.checkPart(segmentAfterArea, name: Self.afterAreaName, length: 3)
        try CharacterRule.digit.checkPart(segmentAfterBody, name: Self.afterBodyName, length: 1)
        try CharacterRule.digit.checkPart(lastSegment, name: Self.lastName, length: 2)
        divisionCode = try Self.division(ofArea: areaCode)
        self.item = item
        self.areaCode = areaCode
        self.segmentAfterArea = segmentAfterArea
        self.body = body
        self.segmentAfterBody = segmentAfterBody
        self.lastSegment = lastSegment
    }

    /// Parses a code, reporting the first rule it breaks; the body's credit-code check comes
    /// last, as it is the one rule lenient checking may waive.
    init(exactly code: String, strictness: Strictness) throws(ServiceItemError) {
        let text = CodeText(code, kind: .provincialItemCode)
        let whole = try text.part(0..<text.count, .digitUppercaseLetterOrHyphen)
        let segments = whole.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let count = segments.count
        guard count >= 6 else {
            throw .missingSegment(scheme: Self.scheme, segment: "six hyphen-separated segments (\(Self.layout))")
        }
        try CharacterRule.digit.checkPart(segments[count - 1], name: Self.lastName, length: 2)
        try CharacterRule.digit.checkPart(segments[count - 2], name: Self.afterBodyName, length: 1)
        let areaIndex = try Self.areaIndex(in: segments)
        divisionCode = try Self.division(ofArea: segments[areaIndex])
        let bodyText = segments[(areaIndex + 2)..<(count - 2)].joined(separator: "-")
        guard !bodyText.isEmpty else {
            throw .missingSegment(scheme: Self.scheme, segment: "implementing body code 实施主体编码")
        }
        item = try SichuanItemPart(segments[0..<areaIndex].joined(separator: "-"))
        areaCode = segments[areaIndex]
        segmentAfterArea = segments[areaIndex + 1]
        segmentAfterBody = segments[count - 2]
        lastSegment = segments[count - 1]
        let bodyStart = item.text.count + 1 + areaCode.count + 1 + segmentAfterArea.count + 1
        body = try ImplementingBodyCode(
            localCode: CodeText(bodyText, kind: .provincialItemCode, offset: bodyStart), strictness: strictness)
    }

    /// The code as written; parsing it again gives the same value.
    public var code: String {
        [item.text, areaCode, segmentAfterArea, body.code, segmentAfterBody, lastSegment].joined(separator: "-")
    }

    /// Digits 7–9 of the area code: the township (乡、镇、街道), `000` above that level.
    public var townshipCode: String { String(areaCode.dropFirst(6).prefix(3)) }

    /// Digits 10–12 of the area code: the village or community, `000` above that level.
    public var villageCode: String { String(areaCode.suffix(3)) }

    /// The level of government the area code names: its GB/T 2260 level, or township and
    /// village when those digits are not zero. A hint, like a body's registration level.
    public var areaLevel: ExercisingLevel {
        if villageCode != "000" { return .village }
        if townshipCode != "000" { return .township }
        switch divisionCode.level {
        case .province: return .provincial
        case .prefecture: return .municipal
        case .county: return .county
        }
    }

    /// The rules lenient checking let through (a body that is not a credit code).
    public var toleratedErrors: [ServiceItemError] { body.toleratedError.map { [$0] } ?? [] }

    /// The named parts, positions 1-based within ``code``.
    public var parts: [CodePart] {
        var parts = item.parts
        var next = item.text.count + 2
        func place(_ length: Int) -> ClosedRange<Int> {
            defer { next += length + 1 }
            return next...(next + length - 1)
        }
        let division = try? Division(code: divisionCode)
        let areaPositions = place(12)
        parts.append(
            CodePart(
                key: "areaCode", name: "area code", chineseName: "区划代码", value: areaCode,
                meaning: "\(division?.fullName(in: Division.lastListYear) ?? divisionCode.description)"
                    + "（\(areaLevel.chineseName)）",
                positions: areaPositions))
        parts.append(
            CodePart(
                key: "afterArea", name: "segment after the area code (meaning unconfirmed)",
                chineseName: "区划后分段（含义未确认）", value: segmentAfterArea, positions: place(3)))
        let bodyPositions = place(body.code.count)
        parts.append(body.part.shifted(by: bodyPositions.lowerBound - 1))
        parts.append(
            CodePart(
                key: "afterBody", name: "segment after the body code (meaning unconfirmed)",
                chineseName: "主体后分段（含义未确认）", value: segmentAfterBody, positions: place(1)))
        parts.append(
            CodePart(
                key: "lastSegment", name: "last segment (meaning unconfirmed)", chineseName: "末段（含义未确认）",
                value: lastSegment, positions: place(2)))
        return parts
    }

    /// The code in the shared provincial form.
    public var provincialCode: ProvincialImplementationCode {
        ProvincialImplementationCode(
            scheme: Self.scheme, code: code, body: body, itemType: item.itemType, parts: parts,
            toleratedErrors: toleratedErrors)
    }

    static let scheme = "sichuan"
    private static let afterAreaName = "segment after the area code 区划后分段"
    private static let afterBodyName = "segment after the body code 主体后分段"
    private static let lastName = "last segment 末段"
    private static let areaName = "area code 区划代码"

    /// The first segment after the item that is 12 digits and followed by three digits,
    /// leaving at least one segment for the body before the last two. When there is none,
    /// the error names what is wrong with the likeliest candidate.
    private static func areaIndex(in segments: [String]) throws(ServiceItemError) -> Int {
        let count = segments.count
        let isDigits = { (segment: String, length: Int) in
            segment.count == length && segment.allSatisfy(CharacterRule.digit.allows)
        }
        if let index = (1...(count - 5)).first(where: { isDigits(segments[$0], 12) && isDigits(segments[$0 + 1], 3) }) {
            return index
        }
        guard let index = (1..<(count - 3)).first(where: { segments[$0].count == 12 }) else {
            throw .missingSegment(scheme: scheme, segment: "area code 区划代码 (12 digits, then 3 digits)")
        }
        try CharacterRule.digit.checkPart(segments[index], name: areaName, length: 12)
        try CharacterRule.digit.checkPart(segments[index + 1], name: afterAreaName, length: 3)
        // A well-formed area with nothing between it and the last two segments.
        throw .missingSegment(scheme: scheme, segment: "implementing body code 实施主体编码")
    }

    /// The division of a well-formed area code, or the rule it breaks.
    private static func division(ofArea area: String) throws(ServiceItemError) -> DivisionCode {
        try CharacterRule.digit.checkPart(area, name: areaName, length: 12)
        guard let division = DivisionCode(area.prefix(6)), Division.exists(division) else {
            throw .invalidPart(name: areaName, value: area, expected: "a GB/T 2260 division in its first six digits")
        }
        return division
    }
}
