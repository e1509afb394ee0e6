import AdminDivision
import CitizenID
import CreditCode
import Foundation
import ZhengwuKitCore

/// A Swift type a face item's text converts to and from, in the lexical form of the face
/// schemas' simple types. The generated faces (`Generated/LicenceFaces.swift`) use it.
protocol FaceItemValue {
    /// The value of `text`, or why it is not one (the reason never repeats a personal number).
    static func faceValue(_ text: String) -> Result<Self, FaceItemReason>
    var faceText: String { get }
}

struct FaceItemReason: Error {
    let text: String
    init(_ text: String) { self.text = text }
}

extension String: FaceItemValue {
    static func faceValue(_ text: String) -> Result<String, FaceItemReason> { .success(text) }
    var faceText: String { self }
}

extension Int: FaceItemValue {
    /// `xs:integer`: digits with an optional sign.
    static func faceValue(_ text: String) -> Result<Int, FaceItemReason> {
        guard let value = Int(text) else {
            return .failure(FaceItemReason("\"\(text)\" is not an integer (xs:integer) of at most 64 bits"))
        }
        return .success(value)
    }
    var faceText: String { String(self) }
}

extension Decimal: FaceItemValue {
    /// `xs:decimal`: an optional sign, digits and an optional fraction, no exponent.
    static func faceValue(_ text: String) -> Result<Decimal, FaceItemReason> {
        guard text.wholeMatch(of: /[+\-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)/) != nil, let value = Decimal(string: text) else {
            return .failure(FaceItemReason("\"\(text)\" is not a decimal number (xs:decimal, e.g. 89.50)"))
        }
        return .success(value)
    }
    var faceText: String { description }
}

extension CalendarDate: FaceItemValue {
    static func faceValue(_ text: String) -> Result<CalendarDate, FaceItemReason> {
        guard let date = CalendarDate(iso: text) else {
            return .failure(FaceItemReason("\"\(text)\" is not a date YYYY-MM-DD"))
        }
        return .success(date)
    }
    var faceText: String { description }
}

extension Date: FaceItemValue {
    /// `xs:dateTime` with seconds and a zone; written in China time, as the metadata's times are.
    static func faceValue(_ text: String) -> Result<Date, FaceItemReason> {
        guard let date = LicenceTime.parse(text) else {
            return .failure(
                FaceItemReason("\"\(text)\" is not a time YYYY-MM-DDThh:mm:ss with a zone (Z or ±hh:mm)"))
        }
        return .success(date)
    }
    var faceText: String { LicenceTime.format(self) }
}

extension CitizenID: FaceItemValue {
    /// The 18-character form only, as the `citizenid` simple type writes it (no legacy
    /// 15-digit number, no separators or lower-case x turned into a different text).
    static func faceValue(_ text: String) -> Result<CitizenID, FaceItemReason> {
        do {
            let id = try CitizenID(parsing: text, strictness: CitizenID.defaultStrictness)
            guard id.compactForm == text else {
                return .failure(FaceItemReason("not written as the 18 characters of a 公民身份号码"))
            }
            return .success(id)
        } catch {
            return .failure(
                FaceItemReason("not a valid 公民身份号码: \(error.message) (\(error.code), \(error.chineseTerm))"))
        }
    }
    var faceText: String { compactForm }
}

extension CreditCode: FaceItemValue {
    static func faceValue(_ text: String) -> Result<CreditCode, FaceItemReason> {
        do {
            let code = try CreditCode(parsing: text, strictness: .strict)
            guard code.compactForm == text else {
                return .failure(FaceItemReason("\"\(text)\" is not written as the 18 characters of a 统一社会信用代码"))
            }
            return .success(code)
        } catch {
            return .failure(
                FaceItemReason(
                    "\"\(text)\" is not a valid 统一社会信用代码: \(error.message) (\(error.code), \(error.chineseTerm))"))
        }
    }
    var faceText: String { compactForm }
}

extension FaceItemValue where Self: RawRepresentable<String> & CaseIterable {
    static func faceValue(_ text: String) -> Result<Self, FaceItemReason> {
        guard let value = Self(rawValue: text) else {
            let allowed = allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(FaceItemReason("\"\(text)\" is not one of \(allowed)"))
        }
        return .success(value)
    }
    var faceText: String { rawValue }
}

/// Reads a face's items one code at a time, then refuses what was not read.
struct FaceItemReader {
    private var remaining: [String: String]
    private var order: [String]
    private let typeCode: String

    init(_ items: FaceItems, typeCode: String) throws(ELicenseError) {
        var remaining: [String: String] = [:]
        for item in items.items {
            guard remaining.updateValue(item.value, forKey: item.code) == nil else {
                throw .invalidFaceItem(field: item.code, reason: "appears twice in the face items")
            }
        }
        self.remaining = remaining
        self.order = items.items.map(\.code)
        self.typeCode = typeCode
    }

    private var typeName: String {
        LicenceCatalogue.standard.types.first { $0.code == typeCode }.map { "a \($0.name) licence" } ?? typeCode
    }

    mutating func required<Value: FaceItemValue>(_ code: String) throws(ELicenseError) -> Value {
        guard let value: Value = try optional(code) else {
            throw .invalidFaceItem(field: code, reason: "is missing; \(typeName) requires it")
        }
        return value
    }

    mutating func optional<Value: FaceItemValue>(_ code: String) throws(ELicenseError) -> Value? {
        guard let text = remaining.removeValue(forKey: code) else { return nil }
        switch Value.faceValue(text) {
        case .success(let value): return value
        case .failure(let reason): throw .invalidFaceItem(field: code, reason: reason.text)
        }
    }

    /// Items no property read: the type's schema does not define them, so reading them into
    /// the typed face would drop them silently.
    func finish() throws(ELicenseError) {
        guard let extra = order.first(where: { remaining[$0] != nil }) else { return }
        throw .invalidFaceItem(
            field: extra,
            reason: "is not a face item of \(typeName); read such licences through `LicenceData.face` (FaceItems)")
    }
}

/// Collects a face's items in schema order.
struct FaceItemWriter {
    private(set) var items = FaceItems()

    mutating func add(_ code: String, _ value: (some FaceItemValue)?) {
        if let value { items[code] = value.faceText }
    }
}
