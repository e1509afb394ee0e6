import Foundation

/// Typed claims to and from a token's payload.
enum ClaimsCoding {
    /// `claims` as a JSON object, dates as whole-second NumericDates. Foundation's encoder
    /// writes, the strict reader reads back: what is signed is exactly what a verifier reads.
    static func object<Claims: Encodable>(_ claims: Claims) throws(TokenError) -> [String: JSONValue] {
        if let identity = claims as? IdentityClaims, let members = identity.jsonValue.objectValue { return members }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            guard let seconds = NumericDate.seconds(date) else {
                throw EncodingError.invalidValue(
                    date, .init(codingPath: encoder.codingPath, debugDescription: "not a NumericDate"))
            }
            try container.encode(seconds)
        }
        encoder.nonConformingFloatEncodingStrategy = .throw
        let bytes: Data
        do {
            bytes = try encoder.encode(claims)
        } catch {
            throw .invalidClaim(Self.claimName(error) ?? "(claims)", reason: "cannot be written: \(error)")
        }
        let json: JSONValue
        do {
            json = try JSONReader.parse(bytes, maximumDepth: 64)
        } catch {
            throw .invalidJSON(.payload, reason: error.description)
        }
        guard let members = json.objectValue else {
            throw .invalidJSON(.payload, reason: "the claims set must be a JSON object")
        }
        return members
    }

    /// Decodes `Claims` from a payload object the strict reader produced.
    static func decode<Claims: Decodable>(_ type: Claims.Type, from payload: JSONValue) throws(TokenError) -> Claims {
        do {
            return try JSONValueDecoder().decode(type, from: payload)
        } catch let error as DecodingError {
            throw Self.tokenError(error)
        } catch let error as TokenError {
            throw error
        } catch {
            throw .invalidClaim("(claims)", reason: String(describing: error))
        }
    }

    /// The claim a decoding error is about (the first key of its path) and why, as a `TokenError`.
    static func tokenError(_ error: DecodingError) -> TokenError {
        switch error {
        case .keyNotFound(let key, let context):
            return .missingClaim(context.codingPath.first?.stringValue ?? key.stringValue)
        case .valueNotFound(_, let context), .typeMismatch(_, let context), .dataCorrupted(let context):
            let claim = context.codingPath.first?.stringValue ?? "(claims)"
            if claim == "(claims)" {
                return .invalidJSON(.payload, reason: context.debugDescription)
            }
            return .invalidClaim(claim, reason: context.debugDescription)
        @unknown default:
            return .invalidClaim("(claims)", reason: String(describing: error))
        }
    }

    private static func claimName(_ error: any Error) -> String? {
        guard case EncodingError.invalidValue(_, let context) = error else { return nil }
        return context.codingPath.first?.stringValue
    }
}
