public import ESeal
public import Foundation
public import GMCertificates
public import ZhengwuKitCore

/// Verifies every signature of an OFD file (验签/验章), fail-closed: a signature is valid only
/// when every protected file is as signed, the signed value covers its `Signature.xml`, the
/// seal and signer check out, and the signer chains to one of the caller's trust anchors
/// (or the caller explicitly asked for integrity-only verification).
///
/// ```swift
/// let verifier = OFDVerifier(sealVerifier: SealVerifier(trustAnchors: roots))
/// let report = try verifier.verify(contentsOf: url)
/// for signature in report.signatures { print(signature.signature, signature.integrity, signature.verdict) }
/// ```
public struct OFDVerifier: Sendable {
    /// Verifies the seal signatures (GB/T 38540, GM/T 0031): trust anchors and policies live here.
    public var sealVerifier: SealVerifier
    /// Trust anchors for GB/T 35275 SignedData signatures (`Type="Sign"`). Empty: their chain
    /// line is not checked and no such signature is trusted.
    public var signedDataTrustAnchors: [X509Certificate]
    public var mode: VerificationMode
    public var limits: OFDReadingLimits

    public init(
        sealVerifier: SealVerifier, signedDataTrustAnchors: [X509Certificate] = [], mode: VerificationMode = .full,
        limits: OFDReadingLimits = .default
    ) {
        self.sealVerifier = sealVerifier
        self.signedDataTrustAnchors = signedDataTrustAnchors
        self.mode = mode
        self.limits = limits
    }

    /// Opens and verifies a file; throws only when the package cannot be read at all.
    public func verify(contentsOf url: URL, at time: Date = Date()) throws(OFDError) -> OFDVerificationReport {
        verify(try OFDFile(contentsOf: url, limits: limits), at: time)
    }

    /// Verifies every signature of every document of `file`.
    public func verify(_ file: OFDFile, at time: Date = Date()) -> OFDVerificationReport {
        var reports: [OFDSignatureReport] = []
        var warnings = file.warnings
        for document in file.documents {
            let entries: [OFDSignatureEntry]
            do {
                entries = try file.signatureEntries(of: document)
            } catch {
                warnings.append(
                    VerificationWarning(
                        code: "ofd.signature_list_unreadable", message: error.message, chineseTerm: error.chineseTerm))
                reports.append(unreadable(document.signaturesPath ?? "Signatures.xml", id: "", error))
                continue
            }
            for (index, entry) in entries.enumerated() {
                let later = entries.count - index - 1
                reports.append(
                    verify(entry, in: file, document: document, laterSignatures: later, at: time))
            }
        }
        return OFDVerificationReport(signatures: reports, warnings: warnings, mode: mode)
    }

    private func verify(
        _ entry: OFDSignatureEntry, in file: OFDFile, document: OFDDocument, laterSignatures: Int, at time: Date
    ) -> OFDSignatureReport {
        let signature: OFDSignature
        let signatureXML: [UInt8]
        do {
            signature = try file.signature(at: entry.path)
            signatureXML = try file.package.data(at: entry.path)
        } catch {
            return unreadable(entry.path, id: entry.id, error)
        }
        var lines: [Line] = [
            Line(
                OFDCheck.structure, .passed,
                "\(signature.references.count) references, signed value \(signature.signedValueReference)")
        ]
        var warnings = signature.warnings
        let protectedFiles = signature.references.compactMap(\.path)
        // The digest method: SM3 by name or OID; anything else cannot be checked.
        guard Self.isSM3(signature.checkMethod) else {
            lines.append(
                Line(OFDCheck.checkMethod, .notChecked, "CheckMethod \"\(signature.checkMethod ?? "")\" is not SM3"))
            return OFDSignatureReport(
                signature: entry.path, id: entry.id, format: entry.type, integrity: .unsupported, modifiedFiles: [],
                protectedFiles: protectedFiles, checks: lines, warnings: warnings, mode: mode, sealName: nil,
                signingTime: nil)
        }
        lines.append(Line(OFDCheck.checkMethod, .passed, "SM3 (\(signature.checkMethod ?? "SM3, by default"))"))
        let references = ReferenceCheck.run(signature, package: file.package)
        let listPath = document.signaturesPath
        let integrity: OFDIntegrity
        if references.changed.isEmpty {
            integrity = .intact
            lines.append(
                Line(OFDCheck.references, .passed, "all \(signature.references.count) files match their SM3 CheckValue")
            )
        } else if references.changed == [listPath].compactMap({ $0 }), laterSignatures > 0 {
            integrity = .signatureListChanged
            lines.append(
                CheckResult(
                    .references, .passed,
                    "every file matches except the signature list, which \(laterSignatures) later signature(s) changed")
            )
            warnings.append(
                VerificationWarning(
                    code: "ofd.signature_list_changed",
                    message: "\(entry.path): Signatures.xml changed after signing, as adding a later seal does",
                    chineseTerm: "签名列表已变更"))
        } else {
            integrity = .modified
            lines.append(
                Line(
                    OFDCheck.references, .failed, "changed after signing: \(references.changed.joined(separator: ", "))"
                ))
        }
        guard let valuePath = signature.signedValuePath else {
            lines.append(
                Line(OFDCheck.signedData, .failed, "the signed value \(signature.signedValueReference) is missing"))
            return OFDSignatureReport(
                signature: entry.path, id: entry.id, format: entry.type,
                integrity: integrity == .intact ? .modified : integrity,
                modifiedFiles: references.changed + [signature.signedValueReference], protectedFiles: protectedFiles,
                checks: lines, warnings: warnings, mode: mode, sealName: nil, signingTime: nil)
        }
        let value: [UInt8]
        do {
            value = try file.package.data(at: valuePath)
        } catch {
            return unreadable(entry.path, id: entry.id, error)
        }
        if entry.type.lowercased() == "sign" {
            let outcome = SignedDataCheck.verify(
                value, signatureXML: signatureXML, part: entry.path, anchors: signedDataTrustAnchors, at: time)
            lines += outcome.lines
            var verdict = outcome.supported ? integrity : .unsupported
            var modified = references.changed
            if outcome.supported, outcome.signatureXMLChanged {
                verdict = .modified
                modified.append(entry.path)
            }
            return OFDSignatureReport(
                signature: entry.path, id: entry.id, format: outcome.format, integrity: verdict,
                modifiedFiles: modified, protectedFiles: protectedFiles, checks: lines,
                warnings: warnings + outcome.warnings, mode: mode,
                sealName: outcome.signer, signingTime: outcome.signingTime)
        }
        let seal = ESealBridge.verify(
            signedValue: value, signatureXML: signatureXML, part: entry.path, verifier: sealVerifier, at: time)
        lines += seal.lines
        warnings += seal.warnings
        if let property = seal.propertyInfo, !Self.samePath(property, entry.path) {
            warnings.append(
                VerificationWarning(
                    code: "ofd.property_info",
                    message:
                        "\(entry.path): the signature's propertyInfo names \"\(property)\", not this Signature.xml",
                    chineseTerm: "签章属性信息不符"))
        }
        // A dataHash that is not SM3 of this Signature.xml: the Signature.xml changed after signing.
        let signatureXMLChanged = seal.lines.contains { $0.name == "seal.dataHash" && $0.outcome == .failed }
        return OFDSignatureReport(
            signature: entry.path, id: entry.id, format: seal.format,
            integrity: signatureXMLChanged ? .modified : integrity,
            modifiedFiles: references.changed + (signatureXMLChanged ? [entry.path] : []),
            protectedFiles: protectedFiles, checks: lines,
            warnings: warnings, mode: mode, sealName: seal.sealName, signingTime: seal.signingTime)
    }

    private func unreadable(_ path: String, id: String, _ error: OFDError) -> OFDSignatureReport {
        OFDSignatureReport(
            signature: path, id: id, format: "unreadable", integrity: .unsupported, modifiedFiles: [],
            protectedFiles: [], checks: [Line(OFDCheck.structure, .failed, error.message)], warnings: [], mode: mode,
            sealName: nil,
            signingTime: nil)
    }

    static func isSM3(_ method: String?) -> Bool {
        guard let method = method.map(PackagePath.trimmingWhitespace), !method.isEmpty else { return true }
        let name = method.uppercased()
        return name == "SM3" || method == "1.2.156.10197.1.401" || name == "HTTP://WWW.OFDSPEC.ORG/2016#SM3"
    }

    private static func samePath(_ a: String, _ b: String) -> Bool {
        func trim(_ s: String) -> String { s.hasPrefix("/") ? String(s.dropFirst()) : s }
        return trim(a) == trim(b)
    }
}

/// The digest comparison of every reference, file by file, hashing as entries stream.
enum ReferenceCheck {
    struct Result {
        var changed: [String]
    }

    static func run(_ signature: OFDSignature, package: OFDPackage) -> Result {
        var changed: [String] = []
        for reference in signature.references {
            guard let path = reference.path, let expected = reference.checkValue else {
                changed.append(reference.path ?? reference.fileReference)
                continue
            }
            guard let actual = try? package.sm3(at: path), constantTimeEqual(actual, expected) else {
                changed.append(path)
                continue
            }
        }
        return Result(changed: changed)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
