/// The credit-code check the body code relies on.
///
/// Interim: the `CreditCode` module is being written on its own branch; this file goes when
/// it lands and `failure(of:)` calls it instead.
enum CreditCodeCheck {
    private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Why `code` (18 characters) is not a valid unified social credit code, or nil.
    static func failure(of code: String) -> String? {
        let characters = Array(code)
        var values: [Int] = []
        for (index, character) in characters.enumerated() {
            guard let value = alphabet.firstIndex(of: character) else {
                return "character \(index + 1) \"\(character)\" is outside the credit-code alphabet (字符错误)"
            }
            values.append(value)
        }
        let sum = zip(values.prefix(17), weights).reduce(0) { $0 + $1.0 * $1.1 }
        let expected = alphabet[(31 - sum % 31) % 31]
        guard characters[17] == expected else {
            return "check character is \(characters[17]), expected \(expected) (校验码错误)"
        }
        return nil
    }
}
