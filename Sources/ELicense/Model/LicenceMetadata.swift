import AdminDivision
import Foundation
import ZhengwuKitCore

/// The metadata 元数据 of a licence (GB/T 36903 elements), as typed values. Element codes are
/// given beside each property; `LicenceXML` writes and reads them.
public struct LicenceMetadata: Sendable, Hashable, Codable {
    /// ZZMC 证照名称.
    public var name: String
    /// ZZLXDM 证照类型代码.
    public var typeCode: String
    /// ZZBH 证照编号.
    public var number: String
    /// ZZBS 证照标识, as written (``identifier`` checks it).
    public var identifierText: String
    /// ZZBFJG 证照颁发机构.
    public var issuer: String
    /// ZZBFJGDM 证照颁发机构代码 (normally a USCC).
    public var issuerCode: String
    /// ZZBFRQ 证照颁发日期.
    public var issueDate: CalendarDate
    /// CZZT 持证主体.
    public var holder: String
    /// CZZTDM 持证主体代码.
    public var holderCode: String
    /// CZZTDMLX 持证主体代码类型 (its name).
    public var holderCodeTypeName: String
    /// CZZTDMLXDM 持证主体代码类型代码.
    public var holderCodeType: HolderCodeType
    /// ZZYXQQSRQ 证照有效期起始日期.
    public var validFrom: CalendarDate
    /// ZZYXQJZRQ 证照有效期截止日期.
    public var validUntil: ValidityEnd
    /// ZZQZR 签章人, ZZQZSJ 签章时间, ZZQZMC 签章名称 (filled when sealed).
    public var signer: String?
    public var signingTime: Date?
    public var sealName: String?
    /// The 加注件 fields, for an annotated copy.
    public var annotation: Annotation?

    public init(
        name: String, typeCode: String, number: String, identifier: LicenceIdentifier, issuer: String,
        issuerCode: String, issueDate: CalendarDate, holder: String, holderCode: String,
        holderCodeType: HolderCodeType, validFrom: CalendarDate, validUntil: ValidityEnd,
        signer: String? = nil, signingTime: Date? = nil, sealName: String? = nil, annotation: Annotation? = nil
    ) {
        self.init(
            name: name, typeCode: typeCode, number: number, identifierText: identifier.rawValue, issuer: issuer,
            issuerCode: issuerCode, issueDate: issueDate, holder: holder, holderCode: holderCode,
            holderCodeTypeName: holderCodeType.name ?? holderCodeType.rawValue, holderCodeType: holderCodeType,
            validFrom: validFrom, validUntil: validUntil, signer: signer, signingTime: signingTime,
            sealName: sealName, annotation: annotation)
    }

    /// Every field as read, for readers: nothing is checked here (``LicenceVerifier`` checks).
    public init(
        name: String, typeCode: String, number: String, identifierText: String, issuer: String,
        issuerCode: String, issueDate: CalendarDate, holder: String, holderCode: String,
        holderCodeTypeName: String, holderCodeType: HolderCodeType, validFrom: CalendarDate,
        validUntil: ValidityEnd, signer: String?, signingTime: Date?, sealName: String?, annotation: Annotation?
    ) {
        self.name = name
        self.typeCode = typeCode
        self.number = number
        self.identifierText = identifierText
        self.issuer = issuer
        self.issuerCode = issuerCode
        self.issueDate = issueDate
        self.holder = holder
        self.holderCode = holderCode
        self.holderCodeTypeName = holderCodeTypeName
        self.holderCodeType = holderCodeType
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.signer = signer
        self.signingTime = signingTime
        self.sealName = sealName
        self.annotation = annotation
    }

    /// The identifier, checked (a wrong check character throws with the expected one).
    public func identifier(strictness: Strictness = .strict) throws(LicenceIdentifierError) -> LicenceIdentifier {
        try LicenceIdentifier(parsing: identifierText, strictness: strictness)
    }

    /// The element code and text of every metadata element present, in schema order: what
    /// goes into the XML and into the OFD's `CustomDatas`.
    public var elements: [(code: String, value: String)] {
        var result: [(String, String)] = [
            ("ZZMC", name), ("ZZLXDM", typeCode), ("ZZBH", number), ("ZZBS", identifierText), ("ZZBFJG", issuer),
            ("ZZBFJGDM", issuerCode), ("ZZBFRQ", issueDate.description), ("CZZT", holder), ("CZZTDM", holderCode),
            ("CZZTDMLX", holderCodeTypeName), ("CZZTDMLXDM", holderCodeType.rawValue),
            ("ZZYXQQSRQ", validFrom.description), ("ZZYXQJZRQ", validUntil.description),
        ]
        if let signer { result.append(("ZZQZR", signer)) }
        if let signingTime { result.append(("ZZQZSJ", LicenceTime.format(signingTime))) }
        if let sealName { result.append(("ZZQZMC", sealName)) }
        if let annotation {
            result += [
                ("JZJZZSJ", LicenceTime.format(annotation.madeAt)), ("JZJZZZ", annotation.maker),
                ("JZJZZSY", annotation.purpose), ("JZJYXQJZSJ", LicenceTime.format(annotation.expires)),
            ]
        }
        return result
    }

    /// The metadata element codes in schema order, with their Chinese names.
    public static let elementNames: [(code: String, name: String)] = [
        ("ZZMC", "证照名称"), ("ZZLXDM", "证照类型代码"), ("ZZBH", "证照编号"), ("ZZBS", "证照标识"),
        ("ZZBFJG", "证照颁发机构"), ("ZZBFJGDM", "证照颁发机构代码"), ("ZZBFRQ", "证照颁发日期"),
        ("CZZT", "持证主体"), ("CZZTDM", "持证主体代码"), ("CZZTDMLX", "持证主体代码类型"),
        ("CZZTDMLXDM", "持证主体代码类型代码"), ("ZZYXQQSRQ", "证照有效期起始日期"), ("ZZYXQJZRQ", "证照有效期截止日期"),
        ("ZZQZR", "签章人"), ("ZZQZSJ", "签章时间"), ("ZZQZMC", "签章名称"),
        ("JZJZZSJ", "加注件制作时间"), ("JZJZZZ", "加注件制作者"), ("JZJZZSY", "加注件制作事由"),
        ("JZJYXQJZSJ", "加注件有效期截止时间"),
    ]
}

/// The end of a licence's validity: a day, or 长期 (indefinite).
public enum ValidityEnd: Sendable, Hashable, Codable, CustomStringConvertible {
    case date(CalendarDate)
    case indefinite

    /// `2044-03-01` or `长期`.
    public var description: String {
        switch self {
        case .date(let date): return date.description
        case .indefinite: return "长期"
        }
    }

    /// Reads `YYYY-MM-DD` or `长期`.
    public init?(_ text: String) {
        if text == "长期" {
            self = .indefinite
        } else if let date = CalendarDate(iso: text) {
            self = .date(date)
        } else {
            return nil
        }
    }
}

/// The 加注件 fields of an annotated copy: when and by whom it was made, for what, and until when it holds.
public struct Annotation: Sendable, Hashable, Codable {
    /// JZJZZSJ 加注件制作时间.
    public var madeAt: Date
    /// JZJZZZ 加注件制作者.
    public var maker: String
    /// JZJZZSY 加注件制作事由: the purpose the copy may be used for.
    public var purpose: String
    /// JZJYXQJZSJ 加注件有效期截止时间.
    public var expires: Date

    public init(madeAt: Date, maker: String, purpose: String, expires: Date) {
        self.madeAt = madeAt
        self.maker = maker
        self.purpose = purpose
        self.expires = expires
    }
}

extension CalendarDate {
    /// Reads exactly `YYYY-MM-DD`.
    init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        self.init(compact: String(decoding: bytes[0..<4] + bytes[5..<7] + bytes[8..<10], as: UTF8.self))
    }

}
