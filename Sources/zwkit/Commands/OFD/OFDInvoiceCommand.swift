import ArgumentParser
import Foundation
import OFD

/// `zwkit ofd invoice`: the invoice data of an OFD e-invoice.
struct OFDInvoiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice",
        abstract: "Read the invoice data of an OFD e-invoice (增值税电子发票), and where its sources disagree.",
        discussion: "Exit 0 when the sources agree, 1 when they disagree, 2 when the file has no invoice data.")

    @Argument(help: "The OFD e-invoice.") var file: String
    @Flag(help: "Print one JSON object.") var json = false

    func run() async throws {
        let input = try OFDInputs.open(file)
        let invoice: OFDInvoice
        do {
            invoice = try input.file.invoice()
        } catch {
            throw CLIError("\(file): \(error.message) (\(error.chineseTerm)) [\(error.code)]")
        }
        if json {
            try Console.json(invoice)
        } else {
            let rows: [(String, String?)] = [
                ("发票代码 code", invoice.code), ("发票号码 number", invoice.number), ("开票日期 date", invoice.issueDate),
                ("合计金额 amount", invoice.amount), ("合计税额 tax", invoice.tax), ("价税合计 total", invoice.total),
                ("校验码 check code", invoice.checkCode), ("购买方 buyer", invoice.buyerName),
                ("购买方纳税人识别号 buyer tax ID", invoice.buyerTaxID.map { "\($0.value) (\($0.form.rawValue))" }),
                ("销售方 seller", invoice.sellerName),
                ("销售方纳税人识别号 seller tax ID", invoice.sellerTaxID.map { "\($0.value) (\($0.form.rawValue))" }),
            ]
            for (label, value) in rows { Console.output("\(label): \(value ?? "-")") }
            Console.output("sources: \(invoice.sources.map(\.rawValue).joined(separator: ", "))")
            for disagreement in invoice.disagreements { Console.output("DISAGREE \(disagreement)") }
        }
        if !invoice.disagreements.isEmpty { throw CLIExit.invalid }
    }
}
