import GMCertificates
import GMCrypto
import Testing

@Suite struct X509DistinguishedNameTests {
    typealias Name = X509Certificate.DistinguishedName

    @Test func rfc4514StringIsMostSpecificFirstWithChineseIntact() {
        let name: Name = [.country("CN"), .organization("某某市"), .commonName("某某市人民政府")]
        #expect(name.description == "CN=某某市人民政府,O=某某市,C=CN")
        #expect(name.commonName == "某某市人民政府")
        #expect(name[.country] == "CN")
    }

    @Test func specialCharactersAreEscaped() {
        let name: Name = [.organization("R&W, Inc."), .commonName("#1 a+b "), .organizationalUnit("\"q\";<x>\\")]
        #expect(name.description == ##"OU=\"q\"\;\<x\>\\,CN=\#1 a\+b\ ,O=R&W\, Inc."##)
    }

    @Test(arguments: [
        "CN=某某市人民政府,O=某某市,C=CN",
        ##"OU=\"q\"\;\<x\>\\,CN=\#1 a\+b\ ,O=R&W\, Inc."##,
        "CN=经办人+serialNumber=110101199003074477,O=某某市,C=CN",
        "2.5.4.97=NTRCN-91350100M000100Y43,CN=x",
    ])
    func parsingWhatIsPrintedGivesTheSameName(_ text: String) throws {
        let name = try Name(rfc4514String: text)
        #expect(name.description == text)
    }

    @Test func parsingUnderstandsHexEscapesAndSpacesAndCase() throws {
        let name = try Name(rfc4514String: #"cn = \E6\9F\90\E5\B8\82 , c=CN"#)
        #expect(name == [.country("CN"), .commonName("某市")])
        let multi = try Name(rfc4514String: "CN=a+OU=b,C=CN")
        #expect(multi.relativeDistinguishedNames.count == 2)
        #expect(multi.relativeDistinguishedNames[1].map(\.value) == ["a", "b"])
    }

    @Test(arguments: ["", "CN", "XX=1", "CN=", #"CN=a\"#, #"CN=\FF\FE"#])
    func badNamesAreTypedErrors(_ text: String) {
        #expect(throws: X509Error.self) { try Name(rfc4514String: text) }
    }
}
