import ESeal
import Foundation
import OFD
import ZhengwuKitCore

extension LicenceVerifier {
    /// Verifies a licence OFD file: every seal signature through the OFD module (references,
    /// seal, signer, chains), that a seal protects the data XML and `OFD.xml`, the content
    /// checks, `CustomDatas` against the data XML, and the status list when given.
    public func verify(_ file: LicenceFile, at time: Date = Date()) -> LicenceVerificationReport {
        let ofdReport = OFDVerifier(sealVerifier: sealVerifier, mode: mode).verify(file.ofd, at: time)
        var groups: [(label: String, lines: [SealLines.Line])] = []
        var protectedPaths = Set<String>()
        var signer: [UInt8]?
        for report in ofdReport.signatures {
            var lines = report.checks.map {
                SealLines.Line(
                    name: $0.name, term: $0.check.chineseTerm, outcome: $0.outcome, isTrust: $0.role == .trust,
                    isRequired: $0.isRequired, detail: $0.detail)
            }
            if report.integrity != .intact && report.integrity != .signatureListChanged {
                lines.append(
                    SealLines.Line(
                        name: "integrity", term: "签章完整性", outcome: .failed, isTrust: false, isRequired: true,
                        detail: "\(report.integrity)"
                            + (report.modifiedFiles.isEmpty
                                ? "" : ": modified " + report.modifiedFiles.joined(separator: ", "))))
            } else if report.isValid || mode == .integrityOnly || report.verdict == .untrusted {
                // An intact signature vouches for the files it references.
                protectedPaths.formUnion(report.protectedFiles)
                // Only a status list asks who signed; reading the signed value again costs a parse.
                if statusList != nil, signer == nil {
                    signer = signerCertificate(of: report, in: file)
                }
            }
            groups.append((label: report.signature, lines: lines))
        }
        var sealLines = SealLines.fold(groups, mode: mode)
        let ofdPath = file.ofd.package.resolve("OFD.xml", from: "")?.path ?? "OFD.xml"
        let unprotected = [file.dataXMLPath, ofdPath].filter { !protectedPaths.contains($0) }
        if !groups.isEmpty, !unprotected.isEmpty, sealLines[0].outcome != .failed {
            sealLines[0] = ZhengwuKitCore.CheckResult(
                .seal, .failed,
                "no intact seal signature protects \(unprotected.joined(separator: " and ")): the licence data is not sealed"
            )
        }
        return report(
            xml: file.dataXML, sealLines: sealLines, signer: signer,
            extra: { [customDataLine(file, data: $0)] }, at: time, warnings: ofdReport.warnings)
    }

    /// Reads and verifies an OFD licence held in memory; an unreadable file is reported as a
    /// failed `seal` line naming why.
    public func verify(ofd bytes: some DataProtocol, at time: Date = Date()) -> LicenceVerificationReport {
        do {
            return verify(try LicenceFile(data: bytes), at: time)
        } catch {
            return LicenceVerificationReport(
                mode: mode, checks: [ZhengwuKitCore.CheckResult(.seal, .failed, error.message)], data: nil)
        }
    }

    private func signerCertificate(of report: OFDSignatureReport, in file: LicenceFile) -> [UInt8]? {
        guard let signature = try? file.ofd.signature(at: report.signature),
            let valuePath = signature.signedValuePath,
            let value = try? file.ofd.package.data(at: valuePath),
            let parsed = try? ElectronicSignature(derEncoded: value)
        else { return nil }
        return parsed.signerCertificate
    }

    /// `data` is the file's data XML as `report` decoded it once for every check.
    private func customDataLine(_ file: LicenceFile, data: LicenceData) -> ZhengwuKitCore.CheckResult<LicenceCheck> {
        var problems: [String] = []
        let expected = data.metadata.elements
        for (code, value) in expected {
            switch file.customData[code] {
            case nil: problems.append("\(code) is missing from CustomDatas")
            case .some(let stated) where stated != value:
                problems.append("\(code) is \"\(stated)\" in CustomDatas but \"\(value)\" in the data XML")
            default: break
            }
        }
        let known = Set(LicenceMetadata.elementNames.map(\.code))
        let written = Set(expected.map(\.code))
        for name in file.customData.keys.sorted() where known.contains(name) && !written.contains(name) {
            problems.append("\(name) is in CustomDatas but not in the data XML")
        }
        guard problems.isEmpty else {
            return ZhengwuKitCore.CheckResult(.customData, .failed, problems.joined(separator: "; "))
        }
        return ZhengwuKitCore.CheckResult(
            .customData, .passed, "\(expected.count) CustomData entries agree with \(file.dataXMLPath)")
    }
}
