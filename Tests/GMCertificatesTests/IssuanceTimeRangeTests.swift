import Foundation
import GMCertificates
import GMCrypto
import Testing

/// Dates an X.509 time cannot hold (before the year 0000 or after 9999, some beyond what
/// `time_t` counts) are refused before anything is signed: a typed error, never a trap, and
/// never a list or certificate GMCrypto then cannot read back.
@Suite struct IssuanceTimeRangeTests {
    static let unrepresentable: [TimeInterval] = [1e20, -1e20, 253_402_300_800, -62_167_219_201]

    @Test(arguments: unrepresentable)
    func listDatesOutsideTheTimeTypesAreRefused(seconds: TimeInterval) throws {
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let issuer = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("CRL CA")], validFor: 3_600)
            .selfSigned(with: key)
        let date = Date(timeIntervalSince1970: seconds)
        let lists = [
            X509RevocationListBuilder(thisUpdate: Date(), nextUpdate: date, crlNumber: [1]),
            X509RevocationListBuilder(
                thisUpdate: Date(), nextUpdate: nil, crlNumber: [1],
                entries: [.init(serialNumber: .init(bytes: [1]), revocationDate: date)]),
            X509RevocationListBuilder(
                thisUpdate: Date(), nextUpdate: nil, crlNumber: [1],
                entries: [.init(serialNumber: .init(bytes: [1]), revocationDate: Date(), invalidityDate: date)]),
        ]
        for builder in lists where seconds > 0 || builder.nextUpdate == nil {
            #expect(throws: X509RevocationListError.self) { try builder.issue(issuer: issuer, issuerKey: key) }
            do {
                _ = try builder.issue(issuer: issuer, issuerKey: key)
            } catch {
                #expect(error.code == "x509.crl.issue_invalid_request", "\(error)")
            }
        }
    }

    @Test(arguments: unrepresentable.filter { $0 > 0 })
    func certificateDatesOutsideTheTimeTypesAreRefused(seconds: TimeInterval) throws {
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let builder = X509CertificateBuilder(
            subject: [.commonName("时间")], notBefore: Date(), notAfter: Date(timeIntervalSince1970: seconds))
        #expect(throws: X509Error.self) { try builder.selfSigned(with: key) }
    }

    @Test func theLastSecondOf9999IsIssued() throws {
        let key = X509Certificate.PrivateKey.generate(.sm2)
        let issuer = try X509CertificateBuilder.certificateAuthority(subject: [.commonName("CRL CA")], validFor: 3_600)
            .selfSigned(with: key)
        let last = Date(timeIntervalSince1970: 253_402_300_799)
        let list = try X509RevocationListBuilder(thisUpdate: Date(), nextUpdate: last, crlNumber: [1])
            .issue(issuer: issuer, issuerKey: key)
        #expect(list.nextUpdate == last)
    }
}
