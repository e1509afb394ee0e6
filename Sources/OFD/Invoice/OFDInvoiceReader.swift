import CreditCode
import ZhengwuKitXML

extension OFDFile {
    /// Reads the invoice data of an e-invoice. Throws when none of the sources exist.
    public func invoice() throws(OFDError) -> OFDInvoice {
        let document = documents[0]
        var values: [InvoiceField: [InvoiceSource: String]] = [:]
        var sources: [InvoiceSource] = []
        func record(_ field: InvoiceField, _ source: InvoiceSource, _ value: String?) {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return }
            values[field, default: [:]][source] = value
            if !sources.contains(source) { sources.append(source) }
        }
        for field in InvoiceField.allCases {
            record(field, .customData, document.info.customValue(field.customDataName))
        }
        if let invoice = try attachedInvoice(of: document) {
            for field in InvoiceField.allCases {
                record(field, .attachment, invoice.descendants(field.elementName).first?.text)
            }
        }
        for (field, text) in try taggedFields(of: document) {
            record(field, .tags, text)
        }
        guard !sources.isEmpty else {
            throw .malformedPart(
                entry: "OFD.xml", reason: "no invoice data: no CustomDatas invoice fields, tags or attached invoice XML"
            )
        }
        func agreed(_ field: InvoiceField) -> String? {
            let found = values[field] ?? [:]
            return found[.attachment] ?? found[.customData] ?? found[.tags]
        }
        var disagreements: [InvoiceDisagreement] = []
        for field in InvoiceField.allCases {
            guard let found = values[field], found.count > 1 else { continue }
            let normalised = Set(found.values.map { Self.normalise($0, field) })
            if normalised.count > 1 { disagreements.append(InvoiceDisagreement(field: field, values: found)) }
        }
        return OFDInvoice(
            code: agreed(.code), number: agreed(.number), issueDate: agreed(.issueDate), amount: agreed(.amount),
            tax: agreed(.tax), total: agreed(.total), checkCode: agreed(.checkCode), buyerName: agreed(.buyerName),
            buyerTaxID: agreed(.buyerTaxID).map(Self.taxpayerNumber), sellerName: agreed(.sellerName),
            sellerTaxID: agreed(.sellerTaxID).map(Self.taxpayerNumber), values: values, disagreements: disagreements,
            sources: sources)
    }

    /// Classifies a taxpayer number, checking credit codes with `CreditCode`.
    static func taxpayerNumber(_ text: String) -> TaxpayerNumber {
        let value = text.filter { !$0.isWhitespace }.uppercased()
        let form: TaxpayerNumber.Form
        switch value.count {
        case 18: form = CreditCode.isValid(value) ? .creditCode : .invalidCreditCode
        case 15: form = .legacy15
        case 20: form = .individual20
        default: form = .other
        }
        return TaxpayerNumber(value: value, form: form)
    }

    /// Values compared without the spacing and grouping people print (the check code is
    /// printed in groups of five).
    private static func normalise(_ value: String, _ field: InvoiceField) -> String {
        let compact = value.filter { !$0.isWhitespace && $0 != "," }
        switch field {
        case .amount, .tax, .total:
            let number = compact.replacingOccurrences(of: "¥", with: "").replacingOccurrences(of: "￥", with: "")
            return Double(number).map { String(format: "%.2f", $0) } ?? number
        default: return compact.uppercased()
        }
    }

    /// The attached original invoice (an `eInvoice` root), if any.
    private func attachedInvoice(of document: OFDDocument) throws(OFDError) -> XMLElement? {
        for attachment in try attachments(of: document) {
            guard let path = attachment.path, path.lowercased().hasSuffix(".xml") else { continue }
            guard let root = try? package.xml(at: path) else { continue }
            if root.name == "eInvoice" || root.name == "EInvoice" { return root }
        }
        return nil
    }

    /// Fields the custom tags point at: a tag element named after the field, holding
    /// `ObjectRef`s to text objects of the pages.
    private func taggedFields(of document: OFDDocument) throws(OFDError) -> [(InvoiceField, String)] {
        guard let tagsPath = document.customTagsPath else { return [] }
        let tags = try package.xml(at: tagsPath)
        var texts: [String: String] = [:]
        var loaded = false
        var result: [(InvoiceField, String)] = []
        for tag in tags.children("CustomTag") {
            guard let location = tag.child("FileLoc")?.trimmedText,
                let resolved = package.resolve(location, from: tagsPath)
            else { continue }
            let root = try package.xml(at: resolved.path)
            for field in InvoiceField.allCases {
                guard let element = root.descendants(field.elementName).first else { continue }
                let references = element.descendants("ObjectRef").map(\.trimmedText)
                guard !references.isEmpty else { continue }
                if !loaded {
                    for page in try pages(of: document) {
                        for object in page.textObjects {
                            if let id = object.id { texts[id] = object.text }
                        }
                    }
                    loaded = true
                }
                let text = references.compactMap { texts[$0] }.joined()
                if !text.isEmpty { result.append((field, text)) }
            }
        }
        return result
    }
}
