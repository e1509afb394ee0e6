import Foundation
import ZhengwuKitCore
import ZhengwuKitXML

extension OFDFile {
    /// The signatures listed in a document's `Signatures.xml` (none when it has no list).
    public func signatureEntries(of document: OFDDocument) throws(OFDError) -> [OFDSignatureEntry] {
        guard let listPath = document.signaturesPath else { return [] }
        let list = try package.xml(at: listPath)
        guard list.name == "Signatures" else {
            throw .malformedPart(entry: listPath, reason: "the root element is <\(list.name)>, not <ofd:Signatures>")
        }
        var result: [OFDSignatureEntry] = []
        for element in list.children("Signature") {
            guard let location = element.attribute("BaseLoc") else {
                throw .malformedPart(entry: listPath, reason: "line \(element.line): a Signature has no BaseLoc")
            }
            guard let resolved = package.resolve(location, from: listPath) else { throw .missingEntry(location) }
            result.append(
                OFDSignatureEntry(
                    id: element.attribute("ID") ?? "", type: element.attribute("Type") ?? "Seal",
                    path: resolved.path, baseLocation: location))
        }
        return result
    }

    /// The highest signature ID a `Signatures.xml` records (`MaxSignId`), or 0.
    func maximumSignatureID(of document: OFDDocument) throws(OFDError) -> Int {
        guard let listPath = document.signaturesPath else { return 0 }
        let list = try package.xml(at: listPath)
        let ids = list.children("Signature").compactMap { $0.attribute("ID").flatMap { Int($0) } }
        let recorded = list.child("MaxSignId").flatMap { Int($0.trimmedText) } ?? 0
        return max(recorded, ids.max() ?? 0)
    }

    /// Reads a `Signature.xml`, resolving every path it names.
    public func signature(at path: String) throws(OFDError) -> OFDSignature {
        let root = try package.xml(at: path)
        guard root.name == "Signature" else {
            throw .malformedPart(entry: path, reason: "the root element is <\(root.name)>, not <ofd:Signature>")
        }
        guard let info = root.child("SignedInfo") else {
            throw .malformedPart(entry: path, reason: "no SignedInfo")
        }
        var warnings: [VerificationWarning] = []
        func resolve(_ reference: String) -> String? {
            guard let resolved = package.resolve(reference, from: path) else { return nil }
            if let warning = resolved.warning { warnings.append(warning) }
            return resolved.path
        }
        let referencesElement = info.child("References")
        var references: [OFDReference] = []
        for element in referencesElement?.children("Reference") ?? [] {
            guard let fileReference = element.attribute("FileRef") else {
                throw .malformedPart(entry: path, reason: "line \(element.line): a Reference has no FileRef")
            }
            let value = element.child("CheckValue").flatMap { Data(base64Encoded: $0.trimmedText) }.map { Array($0) }
            references.append(
                OFDReference(fileReference: fileReference, path: resolve(fileReference), checkValue: value))
        }
        var stamps: [OFDStampAnnotation] = []
        for element in info.children("StampAnnot") {
            guard let boundary = element.attribute("Boundary").flatMap(OFDBox.init(parsing:)) else {
                throw .malformedPart(entry: path, reason: "line \(element.line): a StampAnnot has no valid Boundary")
            }
            stamps.append(
                OFDStampAnnotation(
                    id: element.attribute("ID") ?? "", pageRef: element.attribute("PageRef") ?? "", boundary: boundary,
                    clip: element.attribute("Clip").flatMap(OFDBox.init(parsing:))))
        }
        let signedValue = root.child("SignedValue")?.trimmedText ?? ""
        guard !signedValue.isEmpty else { throw .malformedPart(entry: path, reason: "no SignedValue") }
        let provider = info.child("Provider")
        let sealReference = info.descendant(["Seal", "BaseLoc"])?.trimmedText
        return OFDSignature(
            path: path, providerName: provider?.attribute("ProviderName"),
            providerCompany: provider?.attribute("Company"), providerVersion: provider?.attribute("Version"),
            signatureMethod: info.child("SignatureMethod")?.trimmedText,
            signatureDateTime: info.child("SignatureDateTime")?.trimmedText,
            checkMethod: referencesElement?.attribute("CheckMethod"), references: references, stampAnnotations: stamps,
            sealPath: sealReference.flatMap { $0.isEmpty ? nil : resolve($0) },
            signedValuePath: resolve(signedValue), signedValueReference: signedValue, warnings: warnings)
    }
}
