import Foundation
import ZWKitTestSupport

/// Builds OFD packages (and hostile zips) with Python's zipfile, which writes whatever names,
/// duplicates and sizes a test asks for.
enum TestPackages {
    /// A minimal OFD with one page per text (each text one TextObject at 30 mm, 40 mm).
    static func ofd(pages texts: [String]) -> [(String, String)] {
        var files: [(String, String)] = []
        files.append(
            (
                "OFD.xml",
                #"<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID><ofd:Title>测试公文</ofd:Title><ofd:CustomDatas><ofd:CustomData Name="密级">公开</ofd:CustomData></ofd:CustomDatas></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
            ))
        var pages = ""
        for index in texts.indices {
            pages += #"<ofd:Page ID="\#(10 + index)" BaseLoc="Pages/Page_\#(index)/Content.xml"/>"#
        }
        files.append(
            (
                "Doc_0/Document.xml",
                #"<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:MaxUnitID>100</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>\#(pages)</ofd:Pages></ofd:Document>"#
            ))
        for (index, text) in texts.enumerated() {
            files.append(
                (
                    "Doc_0/Pages/Page_\(index)/Content.xml",
                    #"<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="1"><ofd:TextObject ID="2" Boundary="30 40 150 10" Font="1" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g \#(max(text.unicodeScalars.count - 1, 0)) 5">\#(text)</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"#
                ))
        }
        return files
    }

    /// Writes a zip of `files` (name, text) with Python's zipfile; `prefix`/`suffix` bytes are
    /// put around it; `compress` deflates.
    static func zip(
        _ files: [(String, String)], to url: URL, prefix: String = "", suffix: String = "", compress: Bool = true
    ) throws {
        let spec = try JSONSerialization.data(withJSONObject: files.map { [$0.0, $0.1] })
        let script = """
            import io, json, sys, zipfile, warnings
            warnings.simplefilter("ignore")
            files = json.loads(sys.stdin.read())
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED if \(compress ? "True" : "False") else zipfile.ZIP_STORED) as z:
                for name, text in files:
                    z.writestr(name, text.encode("utf-8"))
            with open(sys.argv[1], "wb") as out:
                out.write(\(pythonBytes(prefix)) + buffer.getvalue() + \(pythonBytes(suffix)))
            """
        let result = try Processes.run("python3", ["-c", script, url.path], stdin: spec)
        guard result.status == 0 else { throw FixtureError.missing("python3 zipfile failed: \(result.stderrText)") }
    }

    private static func pythonBytes(_ text: String) -> String {
        "bytes.fromhex(\"" + text.utf8.map { String(format: "%02x", $0) }.joined() + "\")"
    }
}
