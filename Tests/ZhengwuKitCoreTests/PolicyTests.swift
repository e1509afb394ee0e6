import Testing
import ZhengwuKitCore

private struct AtMost: VerificationPolicy {
    let limit: Int
    var name: String { "AtMost\(limit)" }
    var understoodCriticalExtensions: Set<String> { ["1.2.3"] }
    func evaluate(_ subject: Int) -> PolicyResult {
        subject <= limit
            ? .meetsPolicy
            : .failsToMeetPolicy(.init(code: "test.too_large", message: "\(subject) > \(limit)", chineseTerm: "超限"))
    }
}

private struct Even: VerificationPolicy {
    func evaluate(_ subject: Int) -> PolicyResult {
        subject.isMultiple(of: 2)
            ? .meetsPolicy : .failsToMeetPolicy(.init(code: "test.odd", message: "odd", chineseTerm: "奇数"))
    }
}

@Suite struct PolicyTests {
    @Test func builderComposesConditionalsAndLoops() {
        let strict = true
        let set = PolicySet<Int> {
            AtMost(limit: 10)
            if strict { Even() }
            for limit in [8, 9] { AtMost(limit: limit) }
        }
        #expect(set.policies.map(\.name) == ["AtMost10", "Even", "AtMost8", "AtMost9"])
        #expect(set.understoodCriticalExtensions == ["1.2.3"])
    }

    @Test func firstFailureNamesThePolicy() {
        let set = PolicySet<Int> {
            AtMost(limit: 10)
            Even()
        }
        #expect(set.firstFailure(4) == nil)
        let failure = set.firstFailure(7)
        #expect(failure?.name == "Even")
        #expect(failure?.failure.code == "test.odd")
        #expect(set.evaluate(12).map(\.name) == ["AtMost10", "Even"])
        if case .failsToMeetPolicy(let why) = set.evaluate(12)[0].result {
            #expect(why.message == "12 > 10")
        } else {
            Issue.record("12 met AtMost10")
        }
    }

    @Test func failureWrapsAnyHouseError() {
        let failure = PolicyFailure(PolicyFailure(code: "a.b", message: "m", chineseTerm: "术语"))
        #expect(failure.code == "a.b" && failure.description == "m (术语)")
    }
}
