import Testing

@testable import ZWPlatform

@Test func pkceMatchesRFC7636AppendixB() {
    #expect(PKCE.challenge(for: OAuthFixtures.verifier) == OAuthFixtures.challenge)
    #expect(PKCE.isWellFormed(OAuthFixtures.verifier))
    #expect(!PKCE.isWellFormed("short"))
    #expect(ConstantTime.equals("abc", "abc"))
    #expect(!ConstantTime.equals("abc", "abd"))
    #expect(!ConstantTime.equals("abc", "abcd"))
}
