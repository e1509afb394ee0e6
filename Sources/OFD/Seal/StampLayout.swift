/// Works out the stamp annotations (page, boundary, clip) for a placement.
enum StampLayout {
    struct Stamp {
        var pageID: String
        var boundary: OFDBox
        var clip: OFDBox?
    }

    static func stamps(
        for placement: OFDSealPlacement, size: OFDSealSize, file: OFDFile, document: OFDDocument
    ) throws(OFDError) -> [Stamp] {
        let pageCount = document.pages.count
        switch placement {
        case .position(let page, let x, let y):
            guard (1...max(pageCount, 1)).contains(page), pageCount > 0 else {
                throw .invalidParameter("page \(page) does not exist; the document has \(pageCount) page(s)")
            }
            guard x.isFinite, y.isFinite else { throw .invalidParameter("the position must be finite numbers") }
            let reference = document.pages[page - 1]
            return [Stamp(pageID: reference.id, boundary: OFDBox(x: x, y: y, width: size.width, height: size.height))]
        case .keyword(let keyword, let occurrence):
            guard !keyword.isEmpty else { throw .invalidParameter("the keyword is empty") }
            var stamps: [Stamp] = []
            for reference in document.pages {
                let page = try file.page(reference, of: document)
                for centre in KeywordFinder.centres(of: keyword, on: page) {
                    stamps.append(
                        Stamp(
                            pageID: reference.id,
                            boundary: OFDBox(
                                x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width,
                                height: size.height)))
                    if occurrence == .first { return stamps }
                }
            }
            guard !stamps.isEmpty else {
                throw .invalidParameter("the keyword \"\(keyword)\" appears on no page (关键字未找到)")
            }
            return stamps
        case .crossPage(let from, let to, let top):
            guard from >= 1, to <= pageCount, from < to else {
                throw .invalidParameter(
                    "a cross-page seal needs a range of at least two pages within 1…\(pageCount); got \(from)-\(to)")
            }
            let count = Double(to - from + 1)
            let slice = size.width / count
            var stamps: [Stamp] = []
            for (offset, index) in (from...to).enumerated() {
                let reference = document.pages[index - 1]
                let page = try file.page(reference, of: document)
                let box = page.physicalBox
                let y = top ?? (box.y + (box.height - size.height) / 2)
                let x = box.x + box.width - Double(offset + 1) * slice
                stamps.append(
                    Stamp(
                        pageID: reference.id, boundary: OFDBox(x: x, y: y, width: size.width, height: size.height),
                        clip: OFDBox(x: Double(offset) * slice, y: 0, width: slice, height: size.height)))
            }
            return stamps
        }
    }
}

/// Finds a text on a page and where it is drawn.
enum KeywordFinder {
    struct Point {
        var x: Double
        var y: Double
    }

    /// The centre of every occurrence of `keyword` within one text run on `page`, in mm.
    static func centres(of keyword: String, on page: OFDPage) -> [Point] {
        let needle = Array(keyword.unicodeScalars)
        var result: [Point] = []
        for object in page.textObjects {
            for code in object.codes {
                let haystack = Array(code.text.unicodeScalars)
                guard haystack.count >= needle.count else { continue }
                var start = 0
                while start + needle.count <= haystack.count {
                    if Array(haystack[start..<(start + needle.count)]) == needle {
                        let first = code.offset(ofGlyph: start, fontSize: object.size)
                        let last = code.offset(ofGlyph: start + needle.count - 1, fontSize: object.size)
                        let left = object.boundary.x + first
                        let right = object.boundary.x + last + object.size
                        let baseline = object.boundary.y + code.y
                        result.append(Point(x: (left + right) / 2, y: baseline - object.size / 2))
                        start += needle.count
                    } else {
                        start += 1
                    }
                }
            }
        }
        return result
    }
}
