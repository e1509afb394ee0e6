/// The invoice data of an OFD e-invoice (增值税电子发票), gathered from every place the file
/// keeps it: `DocInfo/CustomDatas`, the custom tags over the page's text objects, and the
/// original invoice XML attached to the document.
public struct OFDInvoice: Sendable, Hashable, Codable {
    /// Each field's agreed value (the first source that has it, in the order attachment, custom
    /// data, tags); see ``values`` for every source's own value.
    public var code: String?
    public var number: String?
    public var issueDate: String?
    /// 合计金额 (tax exclusive).
    public var amount: String?
    /// 合计税额.
    public var tax: String?
    /// 价税合计 (tax inclusive).
    public var total: String?
    public var checkCode: String?
    public var buyerName: String?
    public var buyerTaxID: TaxpayerNumber?
    public var sellerName: String?
    public var sellerTaxID: TaxpayerNumber?
    /// Every field's value as each source gives it.
    public var values: [InvoiceField: [InvoiceSource: String]]
    /// The fields whose sources disagree.
    public var disagreements: [InvoiceDisagreement]
    /// The sources found.
    public var sources: [InvoiceSource]
}

/// The fields read from an e-invoice.
public enum InvoiceField: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    case code, number, issueDate, amount, tax, total, checkCode, buyerName, buyerTaxID, sellerName, sellerTaxID

    /// The names `CustomDatas` uses.
    var customDataName: String {
        switch self {
        case .code: return "发票代码"
        case .number: return "发票号码"
        case .issueDate: return "开票日期"
        case .amount: return "合计金额"
        case .tax: return "合计税额"
        case .total: return "价税合计"
        case .checkCode: return "校验码"
        case .buyerName: return "购买方名称"
        case .buyerTaxID: return "购买方纳税人识别号"
        case .sellerName: return "销售方名称"
        case .sellerTaxID: return "销售方纳税人识别号"
        }
    }

    /// The element names the invoice XML and the tags use.
    var elementName: String {
        switch self {
        case .code: return "InvoiceCode"
        case .number: return "InvoiceNo"
        case .issueDate: return "IssueDate"
        case .amount: return "TaxExclusiveTotalAmount"
        case .tax: return "TaxTotalAmount"
        case .total: return "TaxInclusiveTotalAmount"
        case .checkCode: return "InvoiceCheckCode"
        case .buyerName: return "BuyerName"
        case .buyerTaxID: return "BuyerTaxID"
        case .sellerName: return "SellerName"
        case .sellerTaxID: return "SellerTaxID"
        }
    }
}

/// Where a value came from.
public enum InvoiceSource: String, Sendable, Hashable, Codable, CodingKeyRepresentable {
    /// `OFD.xml` `DocInfo/CustomDatas`.
    case customData
    /// The custom tags (`CustomTags.xml`) over the page's text objects.
    case tags
    /// The original invoice XML attached to the document.
    case attachment
}

/// A field whose sources give different values.
public struct InvoiceDisagreement: Sendable, Hashable, Codable, CustomStringConvertible {
    public var field: InvoiceField
    public var values: [InvoiceSource: String]

    public var description: String {
        let listed = values.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \"\($0.value)\"" }
        return "\(field.rawValue): " + listed.joined(separator: " vs ")
    }
}

/// A taxpayer identification number (纳税人识别号) and what form it takes.
public struct TaxpayerNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Form: String, Sendable, Hashable, Codable {
        /// A valid unified social credit code (GB 32100).
        case creditCode = "credit-code"
        /// 18 characters that fail the credit code's rules (a test or pre-2015 number).
        case invalidCreditCode = "invalid-credit-code"
        /// 15 characters: the old number (division code and organisation code).
        case legacy15 = "legacy-15"
        /// 20 characters: an individual's number (citizen ID and two more).
        case individual20 = "individual-20"
        /// Anything else.
        case other
    }

    public var value: String
    public var form: Form

    public var description: String { value }
}
