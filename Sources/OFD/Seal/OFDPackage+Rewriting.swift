public import Foundation
internal import ZhengwuKitSupport
import ZhengwuKitXML

extension OFDPackage {
    /// A copy of the package with the given entries replaced (or added, when new), every other
    /// entry carried over byte for byte. Used to edit a document, or to show what an edit does
    /// to its signatures.
    public func rewriting(_ entries: [String: [UInt8]]) throws(OFDError) -> Data {
        for path in entries.keys where PackagePath.entryName(path) != path {
            throw .invalidParameter("\"\(path)\" is not a canonical entry name (no leading /, no ..)")
        }
        let added = entries.filter { !contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return try PackageWriter.data(source: self, replacing: entries, adding: added)
    }
}

extension OFDFile {
    /// A small OFD document with one page of text per element of `pages` (A4, 5 mm type), for
    /// examples, demos and tests of sealing.
    public static func makeTextDocument(title: String, pages: [String]) throws(OFDError) -> Data {
        guard !pages.isEmpty else { throw .invalidParameter("a document needs at least one page") }
        let namespace = "http://www.ofdspec.org/2016"
        let header = #"<?xml version="1.0" encoding="UTF-8"?>"#
        var files: [(String, String)] = []
        files.append(
            (
                "OFD.xml",
                header + #"<ofd:OFD xmlns:ofd="\#(namespace)" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo>"#
                    + "<ofd:DocID>\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())</ofd:DocID>"
                    + "<ofd:Title>\(MarkupEscaping.escape(title))</ofd:Title><ofd:Creator>ZhengwuKit</ofd:Creator>"
                    + "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
            ))
        let pageList = pages.indices.map { #"<ofd:Page ID="\#(10 + $0)" BaseLoc="Pages/Page_\#($0)/Content.xml"/>"# }
        files.append(
            (
                "Doc_0/Document.xml",
                header + #"<ofd:Document xmlns:ofd="\#(namespace)"><ofd:CommonData><ofd:MaxUnitID>100</ofd:MaxUnitID>"#
                    + "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                    + #"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>"#
                    + pageList.joined() + "</ofd:Pages></ofd:Document>"
            ))
        files.append(
            (
                "Doc_0/PublicRes.xml",
                header + #"<ofd:Res xmlns:ofd="\#(namespace)" BaseLoc="Res"><ofd:Fonts>"#
                    + #"<ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>"#
            ))
        for (index, text) in pages.enumerated() {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            var objects = ""
            for (line, content) in lines.enumerated() {
                let glyphs = content.unicodeScalars.count
                objects +=
                    #"<ofd:TextObject ID="\#(20 + line)" Boundary="25 \#(30 + line * 10) 170 8" Font="1" Size="5">"#
                    + #"<ofd:TextCode X="0" Y="5" DeltaX="g \#(max(glyphs - 1, 0)) 5">"#
                    + MarkupEscaping.escape(String(content)) + "</ofd:TextCode></ofd:TextObject>"
            }
            files.append(
                (
                    "Doc_0/Pages/Page_\(index)/Content.xml",
                    header + #"<ofd:Page xmlns:ofd="\#(namespace)"><ofd:Content><ofd:Layer ID="2">"# + objects
                        + "</ofd:Layer></ofd:Content></ofd:Page>"
                ))
        }
        return try PackageWriter.data(files: files.map { (path: $0.0, bytes: Array($0.1.utf8)) })
    }
}
