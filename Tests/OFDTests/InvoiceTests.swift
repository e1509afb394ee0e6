import Foundation
import OFD
import Testing
import ZWKitTestSupport

@Suite("E-invoice data is read from every source and the sources are compared")
struct InvoiceTests {
    @Test("the shared tax e-invoice, field by field")
    func sharedInvoice() throws {
        guard let url = try Fixtures.shared("samples/ofd/v4signed.ofd") else { return }
        let invoice = try OFDFile(contentsOf: url).invoice()
        #expect(invoice.code == "050001700111")
        #expect(invoice.number == "99999951")
        #expect(invoice.issueDate == "2020年10月10日")
        #expect(invoice.amount == "300.00")
        #expect(invoice.tax == "18.00")
        #expect(invoice.total == "318.00")
        #expect(invoice.checkCode == "14754822929856772523")
        #expect(invoice.buyerName == "科游迈利有限公司")
        #expect(invoice.sellerName == "杭州融易算企业管理咨询有限公司")
        #expect(invoice.buyerTaxID?.value == "9150010807MGZHI002")
        #expect(invoice.sellerTaxID?.value == "91500106MA2CE71F65")
        #expect(Set(invoice.sources) == [.customData, .attachment])
        // 合计税额 is only in the attached XML; everything both sources carry agrees.
        #expect(invoice.values[.tax] == [.attachment: "18.00"])
        #expect(invoice.values[.total] == [.customData: "318.00", .attachment: "318.00"])
        #expect(invoice.disagreements.isEmpty)
        // The test invoice's taxpayer numbers are 18 characters that fail GB 32100: said so,
        // and python-stdnum agrees.
        #expect(invoice.buyerTaxID?.form == .invalidCreditCode)
        #expect(invoice.sellerTaxID?.form == .invalidCreditCode)
        if let answers = try Stdnum.validate(["9150010807MGZHI002", "91500106MA2CE71F65"], module: "cn.uscc") {
            #expect(answers.allSatisfy { $0 != "valid" })
        }
    }

    @Test("disagreeing sources are reported; valid credit codes and other taxpayer forms are told apart")
    func disagreement() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        var files = TestPackages.ofd(pages: ["发票"])
        files[0].1 = files[0].1.replacingOccurrences(
            of: "<ofd:CustomDatas>",
            with:
                #"<ofd:CustomDatas><ofd:CustomData Name="发票号码">00000001</ofd:CustomData><ofd:CustomData Name="价税合计">106.00</ofd:CustomData><ofd:CustomData Name="销售方纳税人识别号">91350100M000100Y43</ofd:CustomData><ofd:CustomData Name="购买方纳税人识别号">110101123456789</ofd:CustomData>"#
        )
        files[1].1 = files[1].1.replacingOccurrences(
            of: "</ofd:Document>", with: "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments></ofd:Document>")
        files.append(
            (
                "Doc_0/Attachs/Attachments.xml",
                #"<ofd:Attachments xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Attachment Name="original_invoice" Format="xml"><ofd:FileLoc>original_invoice.xml</ofd:FileLoc></ofd:Attachment></ofd:Attachments>"#
            ))
        files.append(
            (
                "Doc_0/Attachs/original_invoice.xml",
                #"<eInvoice xmlns:fp="http://www.edrm.org.cn/schema/e-invoice/2019"><fp:InvoiceNo>00000002</fp:InvoiceNo><fp:TaxInclusiveTotalAmount>106</fp:TaxInclusiveTotalAmount></eInvoice>"#
            ))
        let url = directory.appendingPathComponent("invoice.ofd")
        try TestPackages.zip(files, to: url)
        let invoice = try OFDFile(contentsOf: url).invoice()
        #expect(invoice.number == "00000002")
        #expect(invoice.disagreements.map(\.field) == [.number])  // 106 and 106.00 agree
        #expect(invoice.sellerTaxID?.form == .creditCode)
        #expect(invoice.buyerTaxID?.form == .legacy15)
    }

    @Test("a file with no invoice data is a typed error")
    func noInvoice() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { Fixtures.cleanUp(directory) }
        let url = directory.appendingPathComponent("plain.ofd")
        var files = TestPackages.ofd(pages: ["正文"])
        files[0].1 = files[0].1.replacingOccurrences(of: #"<ofd:CustomData Name="密级">公开</ofd:CustomData>"#, with: "")
        try TestPackages.zip(files, to: url)
        #expect(throws: OFDError.self) { try OFDFile(contentsOf: url).invoice() }
    }
}
