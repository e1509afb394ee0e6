import ServiceItem

/// The JSON object `item parse` and `item check` print for one code.
struct ItemCodeReport: Encodable {
    struct Failure: Encodable {
        let code: String
        let message: String
        let chineseTerm: String

        init(_ error: ServiceItemError) {
            code = error.code
            message = error.message
            chineseTerm = error.chineseTerm
        }
    }

    let input: String
    let valid: Bool
    let kind: String?
    let kindName: String?
    let parts: [CodePart]?
    /// Rules lenient checking let through, so nothing is accepted silently.
    let tolerated: [Failure]
    let error: Failure?

    init(input: String, result: Result<ServiceItemCode, ServiceItemError>, includeParts: Bool) {
        self.input = input
        switch result {
        case .success(let code):
            valid = true
            kind = code.kind.rawValue
            kindName = code.kind.chineseName
            parts = includeParts ? code.parts : nil
            tolerated = code.toleratedErrors.map(Failure.init)
            error = nil
        case .failure(let failure):
            valid = false
            kind = nil
            kindName = nil
            parts = nil
            tolerated = []
            error = Failure(failure)
        }
    }
}
