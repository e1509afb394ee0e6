import SwiftASN1

/// What a failed DER parse says to a person: words for swift-asn1's error codes, never the
/// library's type name or the source file and line its description carries.
package enum ASN1FailureText {
    /// `error` in words; errors that are not swift-asn1's keep their own description.
    package static func describe(_ error: any Error) -> String {
        guard let error = error as? ASN1Error else { return "\(error)" }
        switch error.code {
        case .truncatedASN1Field: return "the data ends inside a field (truncated or not DER)"
        case .unexpectedFieldType: return "a field has an unexpected type"
        case .invalidASN1Object: return "a field is not valid DER"
        case .invalidASN1IntegerEncoding: return "an INTEGER is not minimally encoded"
        case .unsupportedFieldLength: return "a field length is too large or not DER"
        case .invalidPEMDocument: return "not a valid PEM document"
        case .invalidStringRepresentation: return "a string field holds characters its type does not allow"
        case .tooFewOIDComponents: return "an object identifier has too few components"
        default: return "not valid DER"
        }
    }
}
