import UnifiedIdentity

// The province signs a login with SM2; a department verifies it offline with the published keys
// and reads it as its own claims struct, made of the typed registered claims.
struct SocialSecurityClaims: Codable {
    var iss: IssuerClaim
    var sub: SubjectClaim
    var aud: Audience
    var exp: ExpirationClaim
    var acr: AssuranceLevel
}

let provinceKey = try SigningKey.generate(.sm2)
let secret = (0..<32).map { _ in UInt8.random(in: 0...255) }  // keep it in the province's vault
let issuer = TokenIssuer(
    issuer: "https://sso.example.gov.cn", signingKey: provinceKey,
    pairwiseSubjects: try PairwiseSubjectGenerator(secret: secret))
let citizen = Principal(kind: .naturalPerson, identifier: "11010519491231002X", assuranceLevel: .strongVerification)
let login = try issuer.issue(for: citizen, audience: "dept-social-security")

let jwks = KeySet(signingKey: provinceKey).jwks().jsonString  // what the province publishes
let verifier = TokenVerifier(keys: try KeySet(jwks: JWKSet(jsonString: jwks))) {
    IssuerAllowList(["https://sso.example.gov.cn"])  // after the defaults: TimeValidity, HolderIdentifierRule
    AudienceRequirement("dept-social-security")
    MinimumAssurance(.verifiedIdentity)
}
let claims = try await verifier.verify(login.token, as: SocialSecurityClaims.self)
print(
    "valid token for pairwise sub \(claims.sub.value), acr \(claims.acr.claimValue), policies: \(verifier.policies.policies.map(\.name))"
)
