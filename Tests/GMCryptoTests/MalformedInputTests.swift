import Foundation
import GMCrypto
import Testing
import ZhengwuKitCore

/// Each kind of bad input gets its own error, never a crash or a silent wrong answer.
@Suite struct MalformedInputTests {
    let key = SM2.Signing.PrivateKey()

    @Test func malformedPEMIsReportedAsPEM() {
        #expect(throws: GMCryptoError.malformedPEM("no \"-----BEGIN …-----\" line")) {
            try SM2.Signing.PrivateKey(pemRepresentation: "not a pem at all")
        }
        let publicPEM = key.publicKey.pemRepresentation
        #expect(throws: GMCryptoError.self) {
            try SM2.Signing.PrivateKey(pemRepresentation: publicPEM)
        }
        #expect(errorCode { try SM2.Signing.PrivateKey(pemRepresentation: publicPEM) } == "gmcrypto.malformed_pem")
        let noEnd = key.pemRepresentation.replacingOccurrences(of: "-----END PRIVATE KEY-----", with: "")
        #expect(errorCode { try SM2.Signing.PrivateKey(pemRepresentation: noEnd) } == "gmcrypto.malformed_pem")
        let badBase64 = key.pemRepresentation.replacingOccurrences(of: "M", with: "*")
        #expect(errorCode { try SM2.Signing.PrivateKey(pemRepresentation: badBase64) } == "gmcrypto.malformed_pem")
    }

    @Test func theWantedBlockIsFoundAfterOtherBlocks() throws {
        let bundle = "comment line\n" + key.publicKey.pemRepresentation + key.pemRepresentation
        #expect(try SM2.Signing.PrivateKey(pemRepresentation: bundle).rawRepresentation == key.rawRepresentation)
        #expect(
            try SM2.Signing.PublicKey(pemRepresentation: bundle).rawRepresentation == key.publicKey.rawRepresentation)
    }

    @Test func truncatedDERIsReportedAsDER() {
        let der = key.derRepresentation
        for length in [0, 1, 10, der.count / 2, der.count - 1] {
            #expect(
                errorCode { try SM2.Signing.PrivateKey(derRepresentation: der.prefix(length)) }
                    == "gmcrypto.malformed_der",
                "private key cut to \(length) bytes")
        }
        let spki = key.publicKey.derRepresentation
        #expect(errorCode { try SM2.Signing.PublicKey(derRepresentation: spki.dropLast()) } == "gmcrypto.malformed_der")
        #expect(errorCode { try SM2.Signing.PublicKey(derRepresentation: spki + [0]) } == "gmcrypto.malformed_der")
        // Well-formed DER of another structure: still a DER error, with OpenSSL's reason.
        let other: [UInt8] = [0x30, 0x03, 0x02, 0x01, 0x01]
        if case .malformedDER(let reason) = GMCryptoErrorCapture.error({
            try SM2.Signing.PublicKey(derRepresentation: other)
        }) {
            #expect(!reason.isEmpty)
        } else {
            Issue.record("expected malformedDER")
        }
    }

    @Test func keyOnTheWrongCurveIsReportedAsWrongType() {
        let p256 = NISTP256.Signing.PrivateKey()
        #expect(
            throws: GMCryptoError.unexpectedKeyType(expected: "SM2", found: "P-256")
        ) { try SM2.Signing.PrivateKey(pemRepresentation: p256.pemRepresentation) }
        #expect(
            throws: GMCryptoError.unexpectedKeyType(expected: "SM2", found: "P-256")
        ) { try SM2.Signing.PublicKey(derRepresentation: p256.publicKey.derRepresentation) }
        #expect(
            throws: GMCryptoError.unexpectedKeyType(expected: "P-256", found: "SM2")
        ) { try NISTP256.Signing.PublicKey(pemRepresentation: key.publicKey.pemRepresentation) }
        let ed25519 = Ed25519.Signing.PrivateKey()
        #expect(
            throws: GMCryptoError.unexpectedKeyType(expected: "SM2", found: "Ed25519")
        ) { try SM2.Signing.PrivateKey(derRepresentation: ed25519.derRepresentation) }
        // A P-256 point is (almost surely) not on the SM2 curve.
        #expect(
            errorCode { try SM2.Signing.PublicKey(rawRepresentation: p256.publicKey.rawRepresentation) }
                == "gmcrypto.invalid_key")
    }

    @Test func wrongLengthsAreReportedAsLengths() {
        #expect(
            throws: GMCryptoError.invalidLength(what: "a raw SM2 signature (r‖s)", expected: "64", actual: 63)
        ) { try SM2.Signing.Signature(rawRepresentation: [UInt8](repeating: 1, count: 63)) }
        #expect(
            throws: GMCryptoError.invalidLength(what: "a raw SM2 private key", expected: "32", actual: 31)
        ) { try SM2.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
        #expect(
            throws: GMCryptoError.invalidLength(what: "a SM2 public point", expected: "64 or 65 or 33", actual: 66)
        ) { try SM2.Signing.PublicKey(rawRepresentation: [UInt8](repeating: 4, count: 66)) }
        #expect(
            throws: GMCryptoError.invalidLength(what: "a raw Ed25519 public key", expected: "32", actual: 31)
        ) { try Ed25519.Signing.PublicKey(rawRepresentation: [UInt8](repeating: 1, count: 31)) }
    }

    @Test func malformedSignaturesAreReportedAsSignatures() throws {
        let signature = try key.signature(for: [1, 2, 3])
        let der = signature.derRepresentation
        #expect(
            errorCode { try SM2.Signing.Signature(derRepresentation: der.dropLast()) } == "gmcrypto.malformed_signature"
        )
        #expect(errorCode { try SM2.Signing.Signature(derRepresentation: der + [0]) } == "gmcrypto.malformed_signature")
        // r of 33 significant bytes cannot be an SM2 scalar.
        let oversized: [UInt8] =
            [0x30, 0x26, 0x02, 0x21, 0x01] + [UInt8](repeating: 0x11, count: 32) + [0x02, 0x01, 0x01]
        #expect(errorCode { try SM2.Signing.Signature(derRepresentation: oversized) } == "gmcrypto.malformed_signature")
        let negative: [UInt8] = [0x30, 0x06, 0x02, 0x01, 0x80, 0x02, 0x01, 0x01]
        #expect(errorCode { try SM2.Signing.Signature(derRepresentation: negative) } == "gmcrypto.malformed_signature")
    }

    @Test func outOfRangeScalarsAndPointsAreInvalidKeys() {
        #expect(
            errorCode { try SM2.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0, count: 32)) }
                == "gmcrypto.invalid_key")
        #expect(
            errorCode { try SM2.Signing.PrivateKey(rawRepresentation: [UInt8](repeating: 0xff, count: 32)) }
                == "gmcrypto.invalid_key")
        #expect(
            errorCode { try SM2.Signing.PublicKey(x963Representation: [0x05] + [UInt8](repeating: 1, count: 64)) }
                == "gmcrypto.invalid_key")
        #expect(
            errorCode {
                try SM2.Signing.PublicKey(compressedRepresentation: [0x02] + [UInt8](repeating: 0xff, count: 32))
            } == "gmcrypto.invalid_key")
    }

    @Test func errorsCarryCodesAndChineseTerms() {
        let error = GMCryptoError.invalidLength(what: "x", expected: "1", actual: 2)
        #expect(error.code == "gmcrypto.invalid_length")
        #expect(error.chineseTerm == "数据长度错误")
        #expect(error.message == "x must be 1 bytes, got 2")
        #expect(error.description == "x must be 1 bytes, got 2 (数据长度错误)")
        #expect(ZhengwuKitErrorCode.isWellFormed(error.code))
    }

    private func errorCode(_ body: () throws -> Any) -> String? {
        GMCryptoErrorCapture.error(body)?.code
    }
}

enum GMCryptoErrorCapture {
    static func error(_ body: () throws -> Any) -> GMCryptoError? {
        do {
            _ = try body()
            return nil
        } catch let error as GMCryptoError {
            return error
        } catch {
            return nil
        }
    }
}
