import Foundation

/// python-stdnum as an independent implementation: validates many numbers in one Python process.
public enum Stdnum {
    /// For each number, "valid" or the name of the exception `stdnum.<module>.validate` raised
    /// (`InvalidChecksum`, `KeyError`…), or `nil` (with a notice) when stdnum is not installed.
    /// `module` is a stdnum module path such as `cn.ric`.
    public static func validate(_ numbers: [String], module: String, for test: String = #function) throws -> [String]? {
        guard try Processes.pythonHas(["stdnum.\(module)"], for: test) else { return nil }
        let script = """
            import sys, importlib
            module = importlib.import_module("stdnum." + sys.argv[1])
            for line in sys.stdin.read().split("\\n"):
                if not line:
                    continue
                try:
                    module.validate(line)
                    print("valid")
                except Exception as error:
                    print(type(error).__name__)
            """
        let result = try Processes.python(script, [module], stdin: Data(numbers.joined(separator: "\n").utf8))
        guard result.status == 0 else { throw FixtureError.missing("stdnum.\(module) failed: \(result.stderrText)") }
        let answers = result.stdoutText.split(separator: "\n").map(String.init)
        guard answers.count == numbers.count else {
            throw FixtureError.missing("stdnum.\(module) answered \(answers.count) of \(numbers.count) numbers")
        }
        return answers
    }
}
