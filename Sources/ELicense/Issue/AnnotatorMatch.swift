import ESeal
import Foundation
import GMCertificates
import OFD

/// Whether the body making an annotated copy 加注件 is the licence's issuer 颁发机构: only the
/// issuer annotates its own licences. The annotator is accepted when one of these holds:
///
/// 1. its certificate holds the key that sealed the licence (the same office, signing again);
/// 2. its certificate's subject carries the issuer code 颁发机构代码 (ZZBFJGDM): an attribute equal
///    to it, or, for an 18-character credit code, containing it (CAs write the code into
///    `serialNumber`, `OU`, `CN` or `organizationIdentifier`, sometimes with a prefix);
/// 3. its certificate's organisation `O` is the issuer's name 颁发机构 (ZZBFJG), or its seal's
///    name is that name, possibly followed by the seal's purpose (`…电子证照专用章`).
///
/// A renewed certificate (new key) thus still annotates through 2 or 3. The annotated copy is
/// verified like any licence afterwards, chains included, so a name match cannot be forged
/// with a certificate nobody trusts.
enum AnnotatorMatch {
    /// Why the annotator speaks for the licence's issuer, or `nil` when it does not.
    static func reason(
        issuerName: String, issuerCode: String, annotator: X509Certificate, sealName: String,
        licenceSigners: [X509Certificate]
    ) -> String? {
        if let key = keyBytes(annotator), licenceSigners.contains(where: { keyBytes($0) == key }) {
            return "the annotator's certificate holds the key that sealed the licence"
        }
        let code = issuerCode.trimmingCharacters(in: .whitespaces).uppercased()
        if !code.isEmpty {
            for attribute in annotator.subject.attributes {
                let value = attribute.value.uppercased()
                if value == code || (code.count == 18 && value.contains(code)) {
                    return "the annotator's certificate names the issuer code \(code) (\(attribute))"
                }
            }
        }
        let name = issuerName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        if annotator.subject.values(of: .organization).contains(where: {
            $0.trimmingCharacters(in: .whitespaces) == name
        }) {
            return "the annotator's certificate names the organisation \(name)"
        }
        if sealName.trimmingCharacters(in: .whitespaces).hasPrefix(name) {
            return "the annotator's seal \(sealName) is the issuer's"
        }
        return nil
    }

    /// The certificates of the seal signatures of a licence file.
    static func sealSigners(of file: LicenceFile) -> [X509Certificate] {
        var signers: [X509Certificate] = []
        for document in file.ofd.documents {
            guard let entries = try? file.ofd.signatureEntries(of: document) else { continue }
            for entry in entries {
                guard let signature = try? file.ofd.signature(at: entry.path),
                    let valuePath = signature.signedValuePath,
                    let value = try? file.ofd.package.data(at: valuePath),
                    let parsed = try? ElectronicSignature(derEncoded: value),
                    let certificate = try? X509Certificate(derRepresentation: parsed.signerCertificate)
                else { continue }
                signers.append(certificate)
            }
        }
        return signers
    }

    private static func keyBytes(_ certificate: X509Certificate) -> [UInt8]? {
        guard case .sm2(let key) = certificate.publicKey else { return nil }
        return Array(key.rawRepresentation)
    }
}
