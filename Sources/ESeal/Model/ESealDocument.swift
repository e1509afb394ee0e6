import Foundation

/// Either kind of file the seal tools meet: a seal (`.esl`) or a signature (`SignedValue.dat`).
public enum ESealDocument: Sendable, Hashable {
    case seal(ElectronicSeal)
    case signature(ElectronicSignature)

    /// Reads a seal or a signature of any version, telling them apart by their structure.
    public init<Bytes: DataProtocol>(derEncoded bytes: Bytes) throws(ESealError) {
        let encoding = Array(bytes)
        let parsed = try TolerantDER.parse(encoding)
        if case .unknown(let sealReason) = VersionDetection.sealShape(of: parsed.node) {
            if case .unknown(let signatureReason) = VersionDetection.signatureShape(of: parsed.node) {
                throw ESealError.malformed(
                    "neither a seal (\(sealReason)) nor a signature (\(signatureReason))")
            }
            self = .signature(try ElectronicSignature(derEncoded: encoding))
        } else {
            self = .seal(try ElectronicSeal(node: parsed.node, encoding: encoding, nonDER: parsed.nonDER))
        }
    }

    public var version: SealVersion {
        switch self {
        case .seal(let seal): return seal.version
        case .signature(let signature): return signature.version
        }
    }
}
