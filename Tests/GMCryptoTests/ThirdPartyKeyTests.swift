import Foundation
import GMCrypto
import Testing
import ZWKitTestSupport

/// A key pair made by another implementation (ofdrw / BouncyCastle, in ../shared/samples).
@Suite struct ThirdPartyKeyTests {
    @Test func ofdrwSEC1KeyMatchesItsCertificateAndSignsInterchangeably() throws {
        guard let keyURL = try Fixtures.shared("samples/eseal/sign_key.pem"),
            let certificateURL = try Fixtures.shared("samples/eseal/sign_cert.pem")
        else { return }
        let key = try SM2.Signing.PrivateKey(pemRepresentation: String(contentsOf: keyURL, encoding: .utf8))
        // openssl extracts the certificate's key independently of GMCrypto's X.509 code.
        let publicPEM = try openssl(["x509", "-in", certificateURL.path, "-noout", "-pubkey"]).stdoutText
        let certified = try SM2.Signing.PublicKey(pemRepresentation: publicPEM)
        #expect(certified.rawRepresentation == key.publicKey.rawRepresentation)

        let message = Data("ofdrw interop".utf8)
        let signature = try key.signature(for: message)
        #expect(certified.isValidSignature(signature, for: message))

        let scratch = try Scratch()
        let dataPath = try scratch.write(message, "data")
        let signaturePath = try scratch.write(signature.derRepresentation, "sig")
        let publicPath = try scratch.write(Data(publicPEM.utf8), "pub.pem")
        let verified = try openssl([
            "dgst", "-sm3", "-verify", publicPath, "-sigopt", "distid:1234567812345678", "-signature", signaturePath,
            dataPath,
        ])
        #expect(verified.stdoutText.contains("Verified OK"))
    }
}
