import Foundation
import SwiftASN1

/// GM/T 0031's `timeInfo` is a BIT STRING: in practice the signing time as UTCTime or
/// GeneralizedTime text, or a DER time value. Anything else (a time-stamp token) has no
/// time this library can read without the token's verifier.
enum TimeInfoV1 {
    static func date(from bytes: [UInt8]) -> Date? {
        if let node = try? DER.parse(bytes), let time = try? SESTime(derEncoded: node) {
            return time.date
        }
        let identifier: ASN1Identifier = bytes.count == 13 ? UTCTime.defaultIdentifier : .generalizedTime
        var encoded: [UInt8] = [UInt8(identifier.tagNumber)]
        guard bytes.count < 128 else { return nil }
        encoded.append(UInt8(bytes.count))
        encoded += bytes
        guard let node = try? DER.parse(encoded), let time = try? SESTime(derEncoded: node) else { return nil }
        return time.date
    }
}
