/// An element of a parsed document: a small immutable tree, enough for OFD and licence
/// parts (no comments, processing instructions or mixed-content order).
package struct XMLElement: Sendable, Equatable {
    /// The local name, without a prefix (`Signature` for `ofd:Signature`).
    package var name: String
    /// The namespace URI, or "" when the element has none.
    package var namespace: String
    /// Attributes by local name, in document order.
    package var attributes: [XMLAttribute]
    /// Child elements in document order.
    package var children: [XMLElement]
    /// The element's own text (text and CDATA children joined), untrimmed.
    package var text: String
    /// The line the start tag is on (0 when unknown).
    package var line: Int

    package init(
        name: String, namespace: String = "", attributes: [XMLAttribute] = [], children: [XMLElement] = [],
        text: String = "", line: Int = 0
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
        self.line = line
    }

    /// The value of the attribute with this local name, if present.
    package func attribute(_ localName: String) -> String? {
        attributes.first { $0.name == localName }?.value
    }

    /// The first child element with this local name.
    package func child(_ localName: String) -> XMLElement? {
        children.first { $0.name == localName }
    }

    /// Every child element with this local name.
    package func children(_ localName: String) -> [XMLElement] {
        children.filter { $0.name == localName }
    }

    /// Follows a path of local names from this element (`["DocBody", "DocInfo"]`).
    package func descendant(_ path: [String]) -> XMLElement? {
        var current = self
        for name in path {
            guard let next = current.child(name) else { return nil }
            current = next
        }
        return current
    }

    /// Every descendant (depth first, this element excluded) with this local name.
    package func descendants(_ localName: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack = Array(children.reversed())
        while let element = stack.popLast() {
            if element.name == localName { found.append(element) }
            stack.append(contentsOf: element.children.reversed())
        }
        return found
    }

    /// The text with leading and trailing white space removed.
    package var trimmedText: String {
        // Most texts (paths, values, dates) have nothing to trim, which their end bytes show
        // without walking characters: an ASCII byte that is not white space starts (or ends)
        // a character that is not white space either.
        if let first = text.utf8.first, let last = text.utf8.last, Self.isASCIINonSpace(first),
            Self.isASCIINonSpace(last)
        {
            return text
        }
        var scalars = Substring(text)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    private static func isASCIINonSpace(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && !(0x09...0x0D).contains(byte)
    }
}

/// One attribute: local name, namespace URI ("" when none) and value.
package struct XMLAttribute: Sendable, Equatable {
    package var name: String
    package var namespace: String
    package var value: String

    package init(name: String, namespace: String = "", value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
