import Testing

@testable import OFD

@Suite("CheckMethod names SM3 by name, OID or URI, in any case and with white space around")
struct CheckMethodTests {
    @Test(
        arguments: [
            (nil, true), ("", true), ("SM3", true), (" sm3 ", true), ("\nSM3\n", true), ("1.2.156.10197.1.401", true),
            ("http://www.ofdspec.org/2016#sm3", true), ("SHA256", false), ("1.2.156.10197.1.4011", false),
            ("SM3 SM3", false), ("MD5", false),
        ] as [(String?, Bool)])
    func sm3(method: String?, expected: Bool) {
        #expect(OFDVerifier.isSM3(method) == expected)
    }
}
