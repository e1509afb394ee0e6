import CitizenID
import CreditCode

extension HolderIdentifierRules {
    /// Citizen IDs in their 18-character form (a token carries the canonical number), any
    /// document kind of that shape (residence permits, foreigners' permanent residence IDs),
    /// address codes checked leniently as `CitizenID` does by default. The bytes are read as
    /// they are: a number written in groups is not the canonical form.
    static func checkCitizenID(_ identifier: String) throws(TokenError) {
        do {
            _ = try CitizenID(utf8: identifier.utf8, options: CitizenID.Options(acceptsLegacyNumbers: false))
        } catch {
            throw .invalidHolderIdentifier("citizen ID: \(error)")
        }
    }

    /// Credit codes are read leniently: the known legacy codes that break GB 32100's check
    /// (the Xiamen pilot's) identify real organisations the platform must serve.
    static func checkCreditCode(_ identifier: String) throws(TokenError) {
        do {
            _ = try CreditCode(utf8: identifier.utf8, strictness: .lenient)
        } catch {
            throw .invalidHolderIdentifier("unified social credit code: \(error)")
        }
    }
}
