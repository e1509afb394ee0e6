import Testing

@testable import ZWPlatform

/// The stored pairwise-identifier secret is read strictly: a damaged value must stop the
/// platform rather than derive every pairwise subject from an empty or short key.
@Suite struct PairwiseSecretTests {
    @Test func readsTheHexItWrote() throws {
        let secret = try Platform.pairwiseSecret(hex: String(repeating: "a5", count: 32))
        #expect(secret == [UInt8](repeating: 0xa5, count: 32))
    }

    @Test(arguments: ["", "zz", "a5a", String(repeating: "a5", count: 8), "g0" + String(repeating: "00", count: 31)])
    func refusesADamagedValue(_ stored: String) {
        #expect(throws: StoreError.damagedSetting("pairwise_secret")) {
            try Platform.pairwiseSecret(hex: stored)
        }
    }
}
