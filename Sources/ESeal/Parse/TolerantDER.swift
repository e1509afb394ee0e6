import SwiftASN1
internal import ZhengwuKitSupport

/// Parses strictly as DER first and, only when that fails, as BER, so a seal whose maker
/// used a lax encoder is still read, with the fact reported.
enum TolerantDER {
    struct Parsed {
        let node: ASN1Node
        let nonDER: Bool
    }

    static func parse(_ bytes: [UInt8]) throws(ESealError) -> Parsed {
        do {
            return Parsed(node: try DER.parse(bytes), nonDER: false)
        } catch let derError {
            do {
                return Parsed(node: try BER.parse(bytes), nonDER: true)
            } catch {
                throw ESealError.malformed(ASN1FailureText.describe(derError))
            }
        }
    }
}
