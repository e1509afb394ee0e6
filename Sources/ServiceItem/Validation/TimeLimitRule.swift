/// Time limits are not negative, the promise does not exceed the law, and the case type
/// matches the promise (an immediate case promises nothing, a promised case promises something).
public struct TimeLimitRule: CatalogueRule {
    public init() {}

    public func issues(in item: CatalogueItem, strictness: Strictness) -> [CatalogueIssue] {
        var issues: [CatalogueIssue] = []
        let statutory = item.statutoryTimeLimit
        let promised = item.promisedTimeLimit
        for (limit, path) in [(statutory, "statutoryTimeLimit"), (promised, "promisedTimeLimit")] where limit.value < 0
        {
            issues.append(
                CatalogueIssue(
                    code: "time_limit.negative", path: "\(path).value",
                    message: "time limit is \(limit.value); it cannot be negative", chineseTerm: "办结时限错误"))
        }
        // Working and calendar days do not convert exactly, so only like units are compared.
        if statutory.unit == promised.unit, statutory.value > 0, promised.value > statutory.value {
            issues.append(
                CatalogueIssue(
                    code: "time_limit.promise_exceeds_statutory", path: "promisedTimeLimit",
                    message: "promised time limit \(promised) exceeds the statutory \(statutory)",
                    chineseTerm: "承诺办结时限超过法定办结时限"))
        }
        if item.caseType == .immediate, promised.value > 0, promised.unit != .hours {
            issues.append(
                CatalogueIssue(
                    code: "time_limit.immediate_case_with_promise", severity: .warning, path: "promisedTimeLimit",
                    message: "an immediate case (即办件) promises \(promised) rather than settling on the spot",
                    chineseTerm: "即办件承诺时限应为即时办结"))
        }
        if item.caseType == .promised, promised.value == 0 {
            issues.append(
                CatalogueIssue(
                    code: "time_limit.promised_case_without_promise", severity: .warning, path: "promisedTimeLimit",
                    message: "a promised case (承诺件) has a promised time limit of 0",
                    chineseTerm: "承诺件缺少承诺办结时限"))
        }
        return issues
    }
}
