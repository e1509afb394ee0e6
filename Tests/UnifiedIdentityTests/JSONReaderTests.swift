import Testing

@testable import UnifiedIdentity

@Suite struct JSONReaderTests {
    private func parse(_ text: String, depth: Int = 16) throws(JSONReaderError) -> JSONValue {
        try JSONReader.parse(Array(text.utf8), maximumDepth: depth)
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2, 3.5, 1e3, true, false, null], "b": {"c": "d"}} "#)
        #expect(value["a"] == [1, -2, .double(3.5), .double(1000), true, false, nil])
        #expect(value["b"]?["c"] == "d")
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try parse(#""\"\\\/\b\f\n\r\t\u00e9\u6c11\ud83d\ude00""#)
        #expect(value == .string("\"\\/\u{8}\u{c}\n\r\té民😀"))
    }

    @Test func keepsUTF8Text() throws {
        #expect(try parse(#""张三""#) == "张三")
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "1.", "-", "1e", "tru", "nul", "\"abc", "\"\\x\"",
        "\"\\ud800\"", "\"\\udc00\"", "\"a\u{1}b\"", "{\"a\" 1}", "[1 2]", "{} {}", "NaN", "1e999",
    ])
    func refusesMalformedText(text: String) {
        #expect(throws: JSONReaderError.self) { try parse(text) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: JSONReaderError.self) { try JSONReader.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func refusesDuplicateMembers() throws {
        #expect(throws: JSONReaderError.duplicateMember("alg")) { try parse(#"{"alg":"ES256","alg":"none"}"#) }
        // Spelled differently, the same name: escapes must not hide a repeat from the name filter.
        for text in [
            #"{"alg":"ES256","\u0061lg":"none"}"#, #"{"\u0061lg":"ES256","alg":"none"}"#,
            #"{"kid":"k","x":1,"\u0061lg":"ES256","y":2,"al\u0067":"none"}"#, #"{"":1,"b":2,"":3}"#,
        ] {
            #expect(throws: JSONReaderError.self, "\(text)") { try parse(text) }
        }
        // Names sharing length and first and last byte are still told apart.
        #expect(try parse(#"{"aXb":1,"aYb":2,"ab":3,"a":4,"":5}"#).objectValue?.count == 5)
    }

    /// Names are compared as Swift strings (canonical equivalence), in small objects as in
    /// large ones: `é` and `e` + U+0301, or `K` and the Kelvin sign, are one name to every
    /// look-up, so a second spelling must be refused, not passed by the byte filter.
    @Test func refusesCanonicallyEquivalentNamesWhateverTheObjectSize() throws {
        for (first, second) in [("é", "e\u{301}"), ("Kind", "\u{212A}ind"), ("a;", "a\u{37E}")] {
            #expect(first == second && Array(first.utf8) != Array(second.utf8))
            let small = #"{"\#(first)":1,"\#(second)":2}"#
            #expect(throws: JSONReaderError.self, "\(small)") { try parse(small) }
            let filler = (0..<20).map { #""m\#($0)":0"# }.joined(separator: ",")
            let large = #"{\#(filler),"\#(first)":1,"\#(second)":2}"#
            #expect(throws: JSONReaderError.self, "\(large)") { try parse(large) }
        }
    }

    @Test func refusesDuplicatesInLargeObjectsToo() throws {
        // Past 16 members the check switches from comparisons to a set; both must catch repeats.
        let names = (0..<40).map { "m\($0)" }
        let unique = "{" + names.map { #""\#($0)":1"# }.joined(separator: ",") + "}"
        #expect(try parse(unique).objectValue?.count == 40)
        #expect(try JSONReader.parseObjectMembers(Array(unique.utf8))?.map(\.key) == names)
        for repeated in ["m3", "m20", "m39"] {
            let text = String(unique.dropLast()) + #","\#(repeated)":2}"#
            #expect(throws: JSONReaderError.duplicateMember(repeated)) { try parse(text) }
            #expect(throws: JSONReaderError.duplicateMember(repeated)) {
                try JSONReader.parseObjectMembers(Array(text.utf8))
            }
        }
        #expect(try JSONReader.parseObjectMembers(Array("[1]".utf8)) == nil)
        #expect(throws: JSONReaderError.self) { try JSONReader.parseObjectMembers(Array("{} x".utf8)) }
    }

    @Test func boundsNesting() throws {
        _ = try parse(String(repeating: "[", count: 4) + String(repeating: "]", count: 4), depth: 4)
        #expect(throws: JSONReaderError.tooDeep(limit: 4)) {
            try parse(String(repeating: "[", count: 5) + String(repeating: "]", count: 5), depth: 4)
        }
        // Far beyond any stack: refused at the limit, not by a crash.
        #expect(throws: JSONReaderError.tooDeep(limit: 16)) { try parse(String(repeating: "[", count: 100_000)) }
    }

    @Test func writerRoundTripsAndSortsMembers() throws {
        let value: JSONValue = ["b": 1, "a": ["x\n\"y", .double(2.5), nil], "c": ["é": true]]
        let text = JSONWriter.string(value)
        #expect(text == #"{"a":["x\n\"y",2.5,null],"b":1,"c":{"é":true}}"#)
        #expect(try parse(text) == value)
    }
}
