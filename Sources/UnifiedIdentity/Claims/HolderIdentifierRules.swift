/// Checks `holder_id` against its standard when a token carries one: a citizen ID
/// (GB 11643) for natural persons and civil servants, a unified social credit code
/// (GB 32100) for legal persons.
enum HolderIdentifierRules {
    static func check(_ claims: IdentityClaims) throws(TokenError) {
        guard let identifier = claims.holderIdentifier else { return }
        guard let kind = claims.principalKind else {
            throw .invalidClaim("holder_id", reason: "a holder identifier needs a principal kind to be checked")
        }
        try check(identifier: identifier, kind: kind)
    }

    static func check(identifier: String, kind: PrincipalKind) throws(TokenError) {
        switch kind {
        case .naturalPerson, .civilServant: try checkCitizenID(identifier)
        case .legalPerson: try checkCreditCode(identifier)
        }
    }
}
