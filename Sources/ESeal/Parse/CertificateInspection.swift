import SwiftASN1

/// Looks at a certificate's outer structure for field deviations, without depending on
/// the full X.509 parser.
enum CertificateInspection {
    /// Whether the certificate's signature algorithm identifiers (outer, and the copy in
    /// tbsCertificate) carry NULL parameters, which SM3withSM2 does not define.
    static func hasNullAlgorithmParameters(_ der: [UInt8]) -> Bool {
        guard let root = try? DER.parse(der), case .constructed(let fields) = root.content else { return false }
        let outer = Array(fields)
        guard outer.count == 3 else { return false }
        if hasNullParameters(outer[1]) { return true }
        guard case .constructed(let tbsFields) = outer[0].content else { return false }
        return tbsFields.contains { $0.identifier == .sequence && hasNullParameters($0) }
    }

    private static func hasNullParameters(_ node: ASN1Node) -> Bool {
        guard node.identifier == .sequence, case .constructed(let parts) = node.content else { return false }
        let items = Array(parts)
        return items.count == 2 && items[0].identifier == .objectIdentifier && items[1].identifier == .null
    }
}
