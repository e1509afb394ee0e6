import SwiftASN1

/// Tells seal versions apart by shape, as the field does: a seal of two fields is
/// version 1, of four fields version 4 (or 5 when its header says so), of five fields
/// version 5. Signatures: two fields is version 1, four or five is version 4/5.
enum VersionDetection {
    enum Shape: Equatable {
        case v1
        case v4
        case unknown(String)
    }

    static func sealShape(of node: ASN1Node) -> Shape {
        guard let fields = children(of: node) else { return .unknown("not a SEQUENCE") }
        // SES_SealInfo starts with the SES_Header SEQUENCE; TBS_Sign starts with an INTEGER.
        guard let first = fields.first, let firstChildren = children(of: first),
            let headerNode = firstChildren.first, headerNode.identifier == .sequence
        else { return .unknown("first field is not SES_SealInfo") }
        switch fields.count {
        case 2: return .v1
        case 4, 5: return .v4
        default: return .unknown("SESeal has \(fields.count) fields")
        }
    }

    static func signatureShape(of node: ASN1Node) -> Shape {
        guard let fields = children(of: node) else { return .unknown("not a SEQUENCE") }
        guard let first = fields.first, let tbs = children(of: first), tbs.first?.identifier == .integer else {
            return .unknown("first field is not TBS_Sign")
        }
        switch fields.count {
        case 2: return .v1
        case 4, 5: return .v4
        default: return .unknown("SES_Signature has \(fields.count) fields")
        }
    }

    private static func children(of node: ASN1Node) -> [ASN1Node]? {
        guard node.identifier == .sequence, case .constructed(let nodes) = node.content else { return nil }
        return Array(nodes)
    }
}
