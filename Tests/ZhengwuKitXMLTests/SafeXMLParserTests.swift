import Foundation
import Testing
import ZWKitTestSupport

@testable import ZhengwuKitXML

@Suite("Untrusted XML is parsed safely: no DTD, no entities, no network, bounded")
struct SafeXMLParserTests {
    private func parse(_ text: String, limits: XMLLimits = .default) throws(XMLError) -> XMLElement {
        try SafeXMLParser.parse(Array(text.utf8), document: "test.xml", limits: limits)
    }

    @Test("each element and attribute keeps its own namespace when namespaces alternate")
    func alternatingNamespaces() throws {
        let root = try parse(
            """
            <a:Root xmlns:a="urn:a" xmlns:b="urn:b"><b:One a:x="1" y="2"/><Two/><a:Three/><b:Four/></a:Root>
            """)
        #expect(root.namespace == "urn:a")
        #expect(root.children.map(\.namespace) == ["urn:b", "", "urn:a", "urn:b"])
        #expect(root.children[0].attributes.map(\.namespace) == ["urn:a", ""])
    }

    @Test("trimmed text drops white space at either end, Unicode white space included")
    func trimmedText() {
        let cases: [(String, String)] = [
            ("Doc_0/Document.xml", "Doc_0/Document.xml"), ("", ""), (" a b ", "a b"), ("\r\n\tx\n", "x"),
            ("\u{3000}印章\u{3000}", "印章"), ("\u{A0}1\u{A0}", "1"), ("a\u{3000}", "a"), ("\u{3000}a", "a"),
            ("一 二", "一 二"), ("\u{1C}a\u{1F}", "\u{1C}a\u{1F}"),
        ]
        for (text, trimmed) in cases {
            #expect(XMLElement(name: "T", text: text).trimmedText == trimmed, "\(Array(text.unicodeScalars))")
        }
    }

    @Test("elements, namespaces, attributes, text and CDATA become a tree with line numbers")
    func tree() throws {
        let root = try parse(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD">
              <ofd:DocBody>
                <ofd:DocInfo><ofd:DocID>abc</ofd:DocID><ofd:Title><![CDATA[a<b]]> &amp; c</ofd:Title></ofd:DocInfo>
                <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>
              </ofd:DocBody>
            </ofd:OFD>
            """)
        #expect(root.name == "OFD")
        #expect(root.namespace == "http://www.ofdspec.org/2016")
        #expect(root.attribute("Version") == "1.1")
        #expect(root.attributes.count == 2)  // xmlns declarations are not attributes
        #expect(root.descendant(["DocBody", "DocRoot"])?.trimmedText == "Doc_0/Document.xml")
        #expect(root.descendant(["DocBody", "DocInfo", "Title"])?.text == "a<b & c")
        #expect(root.descendant(["DocBody", "DocInfo"])?.line == 4)
        #expect(root.descendants("DocID").map(\.text) == ["abc"])
    }

    @Test("a DOCTYPE is refused, with or without entities, internal or external")
    func doctypeRefused() {
        let billionLaughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        #expect(throws: XMLError.documentTypeDeclaration(document: "test.xml", line: 2)) { try parse(billionLaughs) }
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """
        #expect(throws: XMLError.documentTypeDeclaration(document: "test.xml", line: 2)) { try parse(xxe) }
        let network = #"<!DOCTYPE r SYSTEM "http://127.0.0.1:9/evil.dtd"><r/>"#
        #expect(throws: XMLError.documentTypeDeclaration(document: "test.xml", line: 1)) { try parse(network) }
    }

    @Test("an undeclared entity is a parse error, never expanded")
    func undeclaredEntity() {
        do {
            _ = try parse("<r>\n&passwd;</r>")
            Issue.record("parsed")
        } catch {
            #expect(error.code == "xml.malformed")
            #expect(error.line == 2)
        }
    }

    @Test("nesting deeper than the limit is refused with its line")
    func depth() throws {
        let deep = String(repeating: "<a>\n", count: 70) + String(repeating: "</a>", count: 70)
        #expect(throws: XMLError.tooDeep(document: "test.xml", line: 65, limit: 64)) { try parse(deep) }
        let fine = String(repeating: "<a>", count: 64) + String(repeating: "</a>", count: 64)
        #expect(try parse(fine).name == "a")
    }

    @Test("size and node-count limits are enforced")
    func limits() {
        let text = "<r>" + String(repeating: "<x/>", count: 50) + "</r>"
        #expect(throws: XMLError.tooLarge(document: "test.xml", bytes: text.utf8.count, limit: 100)) {
            try parse(text, limits: XMLLimits(maximumBytes: 100))
        }
        #expect(throws: XMLError.self) { try parse(text, limits: XMLLimits(maximumNodes: 10)) }
        do {
            _ = try parse(text, limits: XMLLimits(maximumNodes: 10))
        } catch {
            #expect(error.code == "xml.too_many_nodes")
        }
    }

    @Test("malformed XML gives a typed error with the line")
    func malformed() {
        for (text, line) in [("<a>\n<b>\n</a>", 3), ("", 0), ("<a", 1), ("<a></a><b/>", 1)] {
            do {
                _ = try parse(text)
                Issue.record("parsed \(text)")
            } catch {
                #expect(error.code == "xml.malformed", "\(text)")
                #expect(error.line == line, "\(text): \(error.message)")
            }
        }
    }

    @Test("parsing from many threads at once keeps errors apart")
    func concurrent() async {
        await withTaskGroup(of: Bool.self) { group in
            for index in 0..<40 {
                group.addTask {
                    let text = index.isMultiple(of: 2) ? "<r a='\(index)'/>" : "<r>\n\n<x></r>"
                    do {
                        let root = try SafeXMLParser.parse(Array(text.utf8), document: "t")
                        return root.attribute("a") == "\(index)"
                    } catch {
                        return !index.isMultiple(of: 2) && (error as? XMLError)?.line == 3
                    }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }
}

@Suite("XSD validation reports every violation with its line")
struct XMLSchemaTests {
    let schema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <xs:element name="licence">
            <xs:complexType><xs:sequence>
              <xs:element name="number" type="xs:string"/>
              <xs:element name="issued" type="xs:date"/>
            </xs:sequence></xs:complexType>
          </xs:element>
        </xs:schema>
        """

    @Test("a conforming document validates and comes back as a tree")
    func valid() throws {
        let compiled = try XMLSchema(bytes: Array(schema.utf8))
        let tree = try compiled.validate(
            Array("<licence><number>1</number><issued>2024-01-02</issued></licence>".utf8), document: "l.xml")
        #expect(tree.child("issued")?.text == "2024-01-02")
    }

    @Test("violations are named with lines")
    func invalid() throws {
        let compiled = try XMLSchema(bytes: Array(schema.utf8))
        do {
            _ = try compiled.validate(
                Array("<licence>\n<number>1</number>\n<issued>yesterday</issued></licence>".utf8), document: "l.xml")
            Issue.record("validated")
        } catch {
            guard case .schemaViolations(let document, let issues) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(document == "l.xml")
            #expect(issues.first?.line == 3)
            #expect(issues.first?.message.contains("issued") == true)
        }
    }

    @Test("a DTD is refused before validation")
    func dtdRefused() throws {
        let compiled = try XMLSchema(bytes: Array(schema.utf8))
        #expect(throws: XMLError.documentTypeDeclaration(document: "l.xml", line: 1)) {
            try compiled.validate(Array("<!DOCTYPE licence><licence/>".utf8), document: "l.xml")
        }
    }

    @Test("a broken schema is a typed error")
    func brokenSchema() {
        do {
            _ = try XMLSchema(
                bytes: Array("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:bogus/></xs:schema>".utf8))
            Issue.record("compiled")
        } catch {
            #expect(error.code == "xml.unreadable_schema")
        }
    }

    // libxml2 reports a failed encoding conversion through the thread's global handler, which
    // prints to standard error unless the parse routes it to its own collector; the reason
    // below can only come from that route.
    @Test("a failed encoding conversion is a typed error carrying libxml2's reason, not a line on stderr")
    func failedEncodingConversion() {
        let declaration = Array(#"<?xml version="1.0" encoding="GBK"?>"#.utf8)
        let bytes = declaration + Array("\n<r>".utf8) + [0x81, 0x20, 0xFF, 0xFF] + Array("</r>".utf8)
        do {
            _ = try SafeXMLParser.parse(bytes, document: "gbk.xml")
            Issue.record("parsed")
        } catch {
            #expect(error.code == "xml.malformed")
            guard case .malformed(_, _, let reason) = error else { return }
            #expect(reason.contains("conversion failed"), "reason: \(reason)")
        }
    }
}
