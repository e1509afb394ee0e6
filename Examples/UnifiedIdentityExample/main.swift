import UnifiedIdentity

// The province signs a login with SM2; a department verifies it offline with the published keys.
let provinceKey = try SigningKey.generate(.sm2)
let secret = (0..<32).map { _ in UInt8.random(in: 0...255) }  // keep it in the province's vault
let issuer = TokenIssuer(
    issuer: "https://sso.example.gov.cn", signingKey: provinceKey,
    pairwiseSubjects: try PairwiseSubjectGenerator(secret: secret))
let citizen = Principal(kind: .naturalPerson, identifier: "11010519491231002X", assuranceLevel: .strongVerification)
let login = try issuer.issue(for: citizen, audience: "dept-social-security")

let jwks = KeySet(signingKey: provinceKey).jwks().jsonString  // what the province publishes
let verifier = TokenVerifier(keys: try KeySet(jwks: JWKSet(jsonString: jwks))) {
    IssuerAllowList(["https://sso.example.gov.cn"])
    AudienceRequirement("dept-social-security")
    MinimumAssurance(.verifiedIdentity)
}
let verified = try await verifier.verify(login.token)
print("valid \(verified.algorithm) token, pairwise sub \(verified.claims.subject ?? "-"), kid \(verified.keyID)")
