import Testing

@testable import UnifiedIdentity

/// Headers and claims are read member by member, names matched as bytes; these pin down what
/// that must not change: escaped names, non-ASCII names, and which error a bad token gets.
@Suite struct MemberReadingTests {
    private func token(header: String = #"{"alg":"ES256"}"#, payload: String) throws(TokenError) -> CompactJWS {
        try CompactJWS(parsing: TestTokens.forge(header: header, payload: payload, signature: [1]))
    }

    private func claimsError(_ payload: String) -> TokenError? {
        do {
            _ = try token(payload: payload).claims()
            return nil
        } catch {
            return error
        }
    }

    private func headerError(_ header: String) -> TokenError? {
        do {
            _ = try token(header: header, payload: "{}")
            return nil
        } catch {
            return error
        }
    }

    @Test func escapedNamesAreReadAsTheirText() throws {
        let jws = try token(
            header: #"{"\u0061lg":"ES256","k\u0069d":"k1"}"#,
            payload: #"{"\u0069ss":"https://sso.example.gov.cn","s\u0075b":"s1","\u0061mr":["face"]}"#)
        #expect(jws.header.algorithm == "ES256")
        #expect(jws.header.keyID == "k1")
        let claims = try jws.claims()
        #expect(claims.issuer == "https://sso.example.gov.cn")
        #expect(claims.subject == "s1")
        #expect(claims.authenticationMethods == [.face])
        #expect(claims.additional.isEmpty)
    }

    @Test func unknownNamesKeepTheirTextWhateverTheirSpelling() throws {
        let claims = try token(payload: #"{"部门":"社保","x\u00e9":1,"ext":{"a":[true]}}"#).claims()
        #expect(claims.additional == ["部门": "社保", "xé": 1, "ext": ["a": [true]]])
    }

    @Test func nearMissNamesAreNotClaims() throws {
        // Same length or same prefix as a registered claim, but another name.
        let claims = try token(payload: #"{"isS":1,"is":2,"issx":3,"ISS":4,"sub\u0000":5}"#).claims()
        #expect(claims.issuer == nil)
        #expect(claims.additional.count == 5)
    }

    @Test func repeatedClaimsAreRefusedHoweverSpelled() {
        for payload in [#"{"iss":"a","iss":"b"}"#, #"{"iss":"a","\u0069ss":"b"}"#, #"{"\u0069ss":"a","iss":"b"}"#] {
            #expect(claimsError(payload)?.codeAndClaim == "token.payload_json", "\(payload)")
        }
    }

    @Test func aBrokenClaimIsReportedOnlyWhenTheWholePayloadIsJSON() {
        // The claim error comes first in the text, but the text is not JSON: that is the answer.
        #expect(claimsError(#"{"exp":"soon","x":}"#)?.codeAndClaim == "token.payload_json")
        #expect(claimsError(#"{"exp":"soon","exp":1}"#)?.codeAndClaim == "token.payload_json")
        // Valid JSON: the first member that breaks a rule is reported.
        #expect(claimsError(#"{"exp":"soon","iss":1}"#)?.codeAndClaim == "token.claim_invalid exp")
        #expect(claimsError(#"{"iss":1,"exp":"soon"}"#)?.codeAndClaim == "token.claim_invalid iss")
        #expect(claimsError(#"[1]"#)?.codeAndClaim == "token.payload_json")
    }

    /// A number too large for a date is said to be out of range, not "not a NumericDate".
    @Test func aHugeDateIsOutOfRangeNotOfTheWrongType() {
        let huge = claimsError(#"{"exp":1e300}"#)
        #expect(huge?.codeAndClaim == "token.claim_invalid exp")
        #expect(huge?.message.contains("outside the supported range") == true, "\(String(describing: huge))")
        #expect(huge?.message.contains("must be a NumericDate") == false)
        let text = claimsError(#"{"exp":"soon"}"#)
        #expect(text?.message.contains("must be a NumericDate") == true, "\(String(describing: text))")
    }

    @Test func headersFailTheSameWay() {
        #expect(headerError(#"{"typ":"JWT"}"#) == .invalidHeader(parameter: "alg", reason: "missing"))
        #expect(headerError(#"{"alg":"ES256","crit":["b64"]}"#) == .unsupportedCriticalHeader("b64"))
        #expect(headerError(#"{"alg":1}"#)?.codeAndClaim == "token.header_invalid alg")
        // A header parameter of the wrong type is reported only when the header is JSON.
        #expect(headerError(#"{"alg":1,"x":}"#)?.codeAndClaim == "token.header_json")
        #expect(headerError(#"{"alg":"ES256","alg":"none"}"#)?.codeAndClaim == "token.header_json")
    }

    @Test func readingMemberByMemberAgreesWithReadingTheWholePayload() throws {
        let payload = #"""
            {"iss":"https://sso.zj.example.gov.cn","sub":"p-1","aud":["a","b"],"exp":2000000000,
             "nbf":1700000000,"iat":1700000000.5,"jti":"j","principal":"natural_person",
             "holder_id":"11010519491231002X","name":"张三","acr":"L3","amr":["face","sms"],"dept":"d",
             "sid":"s","orig_jti":"o","act":{"sub":"dept-a"},"custom":[1,{"k":null}]}
            """#
        let memberByMember = try token(payload: payload).claims()
        #expect(memberByMember == (try IdentityClaims(jsonString: payload)))
        #expect(memberByMember.actor == "dept-a")
        #expect(memberByMember.audience == ["a", "b"])
    }
}
