import Foundation
import GMCertificates
import GMCrypto
import Testing
import ZhengwuKitCore

/// Every error GMCrypto and GMCertificates throw has the house shape: a well-formed code
/// under the module's prefix, an English message and a Chinese term.
@Suite struct ErrorShapeTests {
    static let name = X509Certificate.DistinguishedName([.commonName("某某市测试 CA")])

    static let gmcrypto: [GMCryptoError] = [
        GMCryptoError.malformedPEM("x"), .malformedDER("x"), .unexpectedKeyType(expected: "SM2", found: "RSA"),
        .invalidLength(what: "x", expected: "1", actual: 2), .invalidKey("x"), .malformedSignature("x"),
        .decryptionFailed("x"), .unsupported("x"), .backend(operation: "sign", reason: nil),
    ]
    static let certificates: [X509Error] = [
        X509Error.malformedPEM("x"), .unexpectedPEMLabel("KEY"), .truncatedDER(declared: 9, actual: 3),
        .trailingData(byteCount: 1), .malformedDER("x"), .malformedExtension("x"), .malformedName("x"),
        .unsupportedKeyType("RSA"), .invalidIssuanceRequest("x"), .issuanceFailed(reason: nil),
    ]
    static let lists: [X509RevocationListError] = [
        X509RevocationListError.malformedPEM("x"), .truncatedDER(declared: 9, actual: 3),
        .trailingData(byteCount: 1), .malformedDER("x"), .malformedEntry(index: 0, "x"), .malformedExtension("x"),
        .unsupportedVersion(7), .unsupportedCriticalExtension(oid: "1.2.3"), .wrongIssuer(expected: name, found: name),
        .issuerMayNotSignLists, .badSignature, .unsupportedSignatureAlgorithm("x"), .invalidIssuanceRequest("x"),
        .issuanceFailed(reason: nil),
    ]
    static let ocsp: [X509OCSPError] = [
        X509OCSPError.malformed("x"), .unsupportedResponseType("1.2.3"), .unsupportedCriticalExtension(oid: "1.2.3"),
        .noResponseForCertificate, .certificateNotIssuedBy, .responderNotAuthorized, .badSignature,
        .unsupportedSignatureAlgorithm("x"), .notYetValid(thisUpdate: Date()), .expired(nextUpdate: Date()),
    ]
    static let revocation: [X509RevocationFailure] = [
        X509RevocationFailure.noList(issuer: name), .listSignatureInvalid(.badSignature),
        .listNotYetValid(thisUpdate: Date()), .listExpired(nextUpdate: Date()),
        .listTooOld(thisUpdate: Date(), maximumAge: 60),
    ]
    static let errors: [any ZhengwuKitError] =
        gmcrypto as [any ZhengwuKitError] + certificates as [any ZhengwuKitError] + lists as [any ZhengwuKitError]
        + ocsp as [any ZhengwuKitError] + revocation as [any ZhengwuKitError]

    @Test(arguments: 0..<errors.count)
    func errorHasTheHouseShape(index: Int) {
        let error = Self.errors[index]
        #expect(ZhengwuKitErrorCode.isWellFormed(error.code), "\(error.code)")
        #expect(error.code.hasPrefix("gmcrypto.") || error.code.hasPrefix("x509."), "\(error.code)")
        #expect(!error.message.isEmpty && !error.chineseTerm.isEmpty)
        #expect(error.description == "\(error.message) (\(error.chineseTerm))")
    }

    @Test func noTwoFailuresShareACode() {
        let codes = Self.errors.map(\.code)
        #expect(Set(codes).count == codes.count, "\(codes)")
    }
}
