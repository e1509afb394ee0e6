import Foundation
import GMCrypto
import Logging
import Testing
import ZhengwuKitCore

@testable import UnifiedIdentity

/// A department's own claims, built from the typed pieces.
private struct HousingClaims: Codable, Equatable {
    var iss: IssuerClaim
    var sub: SubjectClaim
    var aud: Audience
    var exp: ExpirationClaim
    var iat: IssuedAtClaim?
    var acr: AssuranceLevel
    var fundAccount: String
    var monthlyDeposit: Int

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, iat, acr
        case fundAccount = "fund_account"
        case monthlyDeposit = "monthly_deposit"
    }
}

/// A department's policy on its own members, in the house shape.
private struct DepositAtLeast: VerificationPolicy {
    let amount: Int
    func evaluate(_ context: TokenPolicyContext) -> PolicyResult {
        guard let claims = try? context.claims(as: HousingClaims.self), claims.monthlyDeposit >= amount else {
            return .failsToMeetPolicy(
                PolicyFailure(code: "housing.deposit_too_low", message: "deposit below \(amount)", chineseTerm: "缴存额不足")
            )
        }
        return .meetsPolicy
    }
}

@Suite struct TypedClaimsTests {
    let key: SigningKey
    init() throws { key = try SigningKey.generate(.sm2) }

    private var claims: HousingClaims {
        HousingClaims(
            iss: IssuerClaim(value: TestTokens.province), sub: "pairwise-1", aud: [TestTokens.department],
            exp: ExpirationClaim(value: TestTokens.now.addingTimeInterval(600)), iat: nil, acr: .strongVerification,
            fundAccount: "F-001", monthlyDeposit: 1200)
    }

    @Test func aDepartmentsOwnStructIsIssuedAndVerified() async throws {
        let token = try TestTokens.issuer(key).issue(claims)
        let verifier = TestTokens.verifier(KeySet(signingKey: key)) { AudienceRequirement(TestTokens.department) }
        let read = try await verifier.verify(token, as: HousingClaims.self)
        #expect(read.fundAccount == "F-001" && read.monthlyDeposit == 1200)
        #expect(read.acr == .strongVerification)
        // The issuer filled iat (and jti) as for IdentityClaims; the verifier's own reading agrees.
        #expect(read.iat?.value == TestTokens.now)
        let verified = try await verifier.verify(token)
        #expect(verified.claims.tokenID?.count == 22)
        #expect(verified.claims.additional["fund_account"] == "F-001")
        #expect(try verified.claims(as: HousingClaims.self) == read)
        // IdentityClaims is itself a typed payload.
        #expect(try await verifier.verify(token, as: IdentityClaims.self) == verified.claims)
    }

    @Test func typedDecodingNamesTheClaimThatDoesNotFit() async throws {
        let header = #"{"alg":"SM2SM3","kid":"\#(key.keyID)"}"#
        let verifier = TestTokens.verifier(KeySet(signingKey: key))
        let base =
            #""iss":"\#(TestTokens.province)","sub":"s","aud":"d","exp":\#(Int(TestTokens.now.timeIntervalSince1970) + 600),"acr":"L3""#
        let missing = try TestTokens.sign(header: header, payload: "{\(base),\"fund_account\":\"F\"}", with: key)
        await #expect(throws: TokenError.missingClaim("monthly_deposit")) {
            try await verifier.verify(missing, as: HousingClaims.self)
        }
        let wrongType = try TestTokens.sign(
            header: header, payload: "{\(base),\"fund_account\":7,\"monthly_deposit\":1}", with: key)
        let error = await #expect(throws: TokenError.self) {
            try await verifier.verify(wrongType, as: HousingClaims.self)
        }
        #expect(error?.codeAndClaim == "token.claim_invalid fund_account")
        let fraction = try TestTokens.sign(
            header: header, payload: "{\(base),\"fund_account\":\"F\",\"monthly_deposit\":1.5}", with: key)
        let fractionError = await #expect(throws: TokenError.self) {
            try await verifier.verify(fraction, as: HousingClaims.self)
        }
        #expect(fractionError?.codeAndClaim == "token.claim_invalid monthly_deposit")
    }

    @Test func typedDecodingKeepsTheStrictReadersRules() async throws {
        // A repeated member is refused before any typed decoding, whatever the struct declares.
        let header = #"{"alg":"SM2SM3","kid":"\#(key.keyID)"}"#
        let exp = Int(TestTokens.now.timeIntervalSince1970) + 600
        let repeated = try TestTokens.sign(
            header: header,
            payload:
                #"{"iss":"a","sub":"s","aud":"d","exp":\#(exp),"acr":"L3","fund_account":"F","monthly_deposit":1,"monthly_deposit":99999}"#,
            with: key)
        let verifier = TestTokens.verifier(KeySet(signingKey: key))
        let error = await #expect(throws: TokenError.self) {
            try await verifier.verify(repeated, as: HousingClaims.self)
        }
        #expect(error?.codeAndClaim == "token.payload_json")
        // Depth is bounded for typed payloads too.
        let deep = try TestTokens.sign(
            header: header, payload: #"{"exp":\#(exp),"x":[[[[[[[[[[1]]]]]]]]]]}"#, with: key)
        let deepError = await #expect(throws: TokenError.self) {
            try await verifier.verify(deep, as: HousingClaims.self)
        }
        #expect(deepError?.codeAndClaim == "token.payload_json")
    }

    @Test func expiryIsEnforcedEvenWhenTheStructLeavesItOut() async throws {
        struct Minimal: Codable { var sub: SubjectClaim }
        var old = claims
        old.exp = ExpirationClaim(value: TestTokens.now.addingTimeInterval(-3600))
        let token = try TestTokens.issuer(key).sign(old)
        let error = await #expect(throws: TokenError.self) {
            try await TestTokens.verifier(KeySet(signingKey: key)).verify(token, as: Minimal.self)
        }
        #expect(error?.codeAndClaim == "token.expired exp")
    }

    @Test func theIssuerRefusesWhatAVerifierWouldRefuseForItsForm() throws {
        struct BadLevel: Codable { var acr = "high" }
        let error = #expect(throws: TokenError.self) { try TestTokens.issuer(key).issue(BadLevel()) }
        #expect(error?.codeAndClaim == "token.claim_invalid acr")
        struct BadHolder: Codable {
            var principal = PrincipalKind.naturalPerson
            var holderID = "110105194912310021"
            enum CodingKeys: String, CodingKey {
                case principal
                case holderID = "holder_id"
            }
        }
        let holderError = #expect(throws: TokenError.self) { try TestTokens.issuer(key).issue(BadHolder()) }
        #expect(holderError?.codeAndClaim == "token.holder_id_invalid holder_id")
    }

    @Test func aCallersPolicyFailsWithItsOwnCode() async throws {
        let token = try TestTokens.issuer(key).issue(claims)
        let verifier = TestTokens.verifier(KeySet(signingKey: key)) { DepositAtLeast(amount: 2000) }
        let error = await #expect(throws: TokenError.self) { try await verifier.verify(token) }
        #expect(error?.code == "housing.deposit_too_low")
        #expect(error?.chineseTerm == "缴存额不足")
        guard case .policyFailed(let name, _) = error else {
            Issue.record("expected policyFailed")
            return
        }
        #expect(name == "DepositAtLeast")
        _ = try await TestTokens.verifier(KeySet(signingKey: key)) { DepositAtLeast(amount: 1000) }.verify(token)
    }

    @Test func theHolderIdentifierRuleIsADefaultPolicyThatCanBeLeftOut() async throws {
        let verifier = TestTokens.verifier(KeySet(signingKey: key))
        #expect(verifier.policies.policies.map(\.name) == ["TimeValidity", "HolderIdentifierRule"])
        let bad = try TestTokens.sign(
            header: #"{"alg":"SM2SM3","kid":"\#(key.keyID)"}"#,
            payload: TestTokens.payload(extra: #","principal":"natural_person","holder_id":"110105194912310021""#),
            with: key)
        await #expect(throws: TokenError.invalidHolderIdentifier("citizen ID: \(Self.citizenIDError())")) {
            try await verifier.verify(bad)
        }
        var without = TokenVerifier(keys: KeySet(signingKey: key), holderIdentifiers: nil)
        without.clock = { TestTokens.now }
        #expect(without.policies.policies.map(\.name) == ["TimeValidity"])
        #expect(try await without.verify(bad).claims.holderIdentifier == "110105194912310021")
        // Its failure is in the house policy shape too.
        let context = TokenPolicyContext(token: try await without.verify(bad), verificationTime: TestTokens.now)
        guard case .failsToMeetPolicy(let failure) = HolderIdentifierRule().evaluate(context) else {
            Issue.record("holder rule met by an invalid citizen ID")
            return
        }
        #expect(failure.code == "token.holder_id_invalid")
    }

    private static func citizenIDError() -> String {
        do {
            try HolderIdentifierRules.checkCitizenID("110105194912310021")
            return ""
        } catch {
            guard case .invalidHolderIdentifier(let reason) = error else { return "" }
            return String(reason.dropFirst("citizen ID: ".count))
        }
    }

    @Test func keysAreMadeDirectlyFromGMCryptoKeys() async throws {
        let sm2 = SM2.Signing.PrivateKey()
        let p256 = NISTP256.Signing.PrivateKey()
        let ed25519 = Ed25519.Signing.PrivateKey()
        let pairs: [(SigningKey, VerificationKey)] = [
            (SigningKey(sm2), VerificationKey(sm2.publicKey)),
            (SigningKey(p256), VerificationKey(p256.publicKey)),
            (SigningKey(ed25519), VerificationKey(ed25519.publicKey)),
        ]
        for (signing, verifying) in pairs {
            #expect(signing.keyID == verifying.keyID)
            #expect(
                signing.pemRepresentation
                    == (try SigningKey(pemRepresentation: signing.pemRepresentation)).pemRepresentation)
            let token = try TestTokens.issuer(signing).issue(TestTokens.claims())
            let verified = try await TestTokens.verifier(KeySet(verificationKeys: [verifying])).verify(token)
            #expect(verified.keyID == verifying.keyID)
        }
        #expect(SigningKey(sm2, keyID: "k1").keyID == "k1")
    }

    @Test func decisionsAreLoggedWithoutTokensKeysOrHolderIdentifiers() async throws {
        let records = LogRecords()
        var logger = Logger(label: "test", factory: { _ in RecordingHandler(records: records) })
        logger.logLevel = .debug
        var claims = TestTokens.claims(tokenID: "jti-log")
        claims.holderIdentifier = "11010519491231002X"
        let token = try TestTokens.issuer(key).sign(claims)
        var verifier = TokenVerifier(keys: KeySet(signingKey: key), logger: logger) { AudienceRequirement("other") }
        verifier.clock = { TestTokens.now }
        _ = try? await verifier.verify(token)
        let lines = records.all
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.contains("token refused") && line.contains("token.audience_mismatch") && line.contains("jti-log"))
        #expect(line.contains("110**************X"))
        #expect(!line.contains("11010519491231002X"))
        #expect(!line.contains(String(token.split(separator: ".")[2])))
        #expect(!line.contains(String(token.split(separator: ".")[1])))
    }
}

private final class LogRecords: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

private struct RecordingHandler: LogHandler {
    let records: LogRecords
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(
        level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
        function: String, line: UInt
    ) {
        records.append("\(message) \(metadata ?? [:])")
    }
}
