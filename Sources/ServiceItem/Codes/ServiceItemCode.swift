/// Any service-item code, recognised by its length: what `zwkit item parse` reads when it is
/// not told which kind to expect.
public enum ServiceItemCode: Sendable, Hashable, CustomStringConvertible {
    case basic(BasicCode)
    case implementation(ImplementationCode)
    case businessItem(BusinessItemCode)
    case caseNumber(CaseNumber)
    case provincial(ProvincialBasicCode)
    case provincialImplementation(ProvincialImplementationCode)

    /// Parses `code` as whichever kind its length says (12, 31, 33, 43 or 48 characters);
    /// any other length is tried against `schemes` in order.
    ///
    /// `implementationSchemes` see the code first: each returns nil for text outside its
    /// layout (``SichuanItemCodeScheme`` claims only text with hyphens, which no national code
    /// has), so a provincial code whose length happens to be a national one (a 43-character
    /// 四川 code) is not misread as a case number.
    public init(
        _ code: String, strictness: Strictness = .strict, schemes: [any ProvincialCodeScheme] = [],
        implementationSchemes: [any ProvincialImplementationScheme] = []
    ) throws(ServiceItemError) {
        for scheme in implementationSchemes {
            if let parsed = try scheme.parse(code, strictness: strictness) {
                self = .provincialImplementation(parsed)
                return
            }
        }
        switch code.count {
        case BasicCode.length:
            self = .basic(try BasicCode(parsing: code, strictness: strictness))
        case ImplementationCode.length:
            self = .implementation(try ImplementationCode(parsing: code, strictness: strictness))
        case BusinessItemCode.length:
            self = .businessItem(try BusinessItemCode(parsing: code, strictness: strictness))
        case _ where CaseNumber.lengths.contains(code.count):
            self = .caseNumber(try CaseNumber(parsing: code, strictness: strictness))
        default:
            // A scheme that recognises the layout but rejects the code does not stop a later
            // scheme (a province's own letters) from accepting it; its error is kept for the end.
            var schemeError: ServiceItemError?
            for scheme in schemes {
                do {
                    if let parsed = try scheme.parse(code) {
                        self = .provincial(parsed)
                        return
                    }
                } catch {
                    schemeError = schemeError ?? error
                }
            }
            if let schemeError { throw schemeError }
            let national = [BasicCode.length, ImplementationCode.length, BusinessItemCode.length] + CaseNumber.lengths
            throw .invalidLength(kind: nil, expected: national, actual: code.count)
        }
    }

    public var kind: CodeKind {
        switch self {
        case .basic: return .basicCode
        case .implementation: return .implementationCode
        case .businessItem: return .businessItemCode
        case .caseNumber: return .caseNumber
        case .provincial: return .provincialBasicCode
        case .provincialImplementation: return .provincialItemCode
        }
    }

    /// The code as a string; parsing it again gives the same value.
    public var code: String {
        switch self {
        case .basic(let value): return value.code
        case .implementation(let value): return value.code
        case .businessItem(let value): return value.code
        case .caseNumber(let value): return value.code
        case .provincial(let value): return value.code
        case .provincialImplementation(let value): return value.code
        }
    }

    public var parts: [CodePart] {
        switch self {
        case .basic(let value): return value.parts
        case .implementation(let value): return value.parts
        case .businessItem(let value): return value.parts
        case .caseNumber(let value): return value.parts
        case .provincial(let value): return value.parts
        case .provincialImplementation(let value): return value.parts
        }
    }

    public var toleratedErrors: [ServiceItemError] {
        switch self {
        case .basic(let value): return value.toleratedErrors
        case .implementation(let value): return value.toleratedErrors
        case .businessItem(let value): return value.toleratedErrors
        case .caseNumber(let value): return value.toleratedErrors
        case .provincial: return []
        case .provincialImplementation(let value): return value.toleratedErrors
        }
    }

    /// The basic code inside (none for a provincial code, which has no national basic code).
    public var basicCode: BasicCode? {
        switch self {
        case .basic(let value): return value
        case .implementation(let value): return value.basicCode
        case .businessItem(let value): return value.implementationCode.basicCode
        case .caseNumber(let value): return value.implementationCode.basicCode
        case .provincial, .provincialImplementation: return nil
        }
    }

    public var description: String { code }
}
