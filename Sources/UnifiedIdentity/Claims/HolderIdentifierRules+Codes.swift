import CreditCode

extension HolderIdentifierRules {
    /// Credit codes are read leniently: the known legacy codes that break GB 32100's check
    /// (the Xiamen pilot's) identify real organisations the platform must serve.
    static func checkCreditCode(_ identifier: String) throws(TokenError) {
        do {
            _ = try CreditCode(identifier, policy: .lenient)
        } catch {
            throw .invalidHolderIdentifier("unified social credit code: \(error) (\(error.chineseTerm))")
        }
    }
}
