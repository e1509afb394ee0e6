/// The object identifiers a `Type="Sign"` signed value carries: GB/T 35275 (SM2 cryptographic
/// message syntax) and PKCS #7 / CMS (RFC 5652), which vendors use interchangeably.
enum CMSIdentifiers {
    /// GB/T 35275 §5 data 数据类型 and signedData 签名数据类型.
    static let gmData = "1.2.156.10197.6.1.4.2.1"
    static let gmSignedData = "1.2.156.10197.6.1.4.2.2"
    static let gmEnvelopedData = "1.2.156.10197.6.1.4.2.3"
    /// PKCS #7 data and signedData.
    static let pkcs7Data = "1.2.840.113549.1.7.1"
    static let pkcs7SignedData = "1.2.840.113549.1.7.2"

    /// SM3 (GM/T 0006), and the "SM3 without key" arc some toolkits write.
    static let sm3 = "1.2.156.10197.1.401"
    static let sm3WithoutKey = "1.2.156.10197.1.401.1"
    /// SM2 (the key algorithm), SM2-1 signature 数字签名算法, SM2-3 encryption, SM3withSM2.
    static let sm2 = "1.2.156.10197.1.301"
    static let sm2Signature = "1.2.156.10197.1.301.1"
    static let sm2Encryption = "1.2.156.10197.1.301.3"
    static let sm3WithSM2 = "1.2.156.10197.1.501"

    /// PKCS #9 attributes (RFC 5652 §11).
    static let contentType = "1.2.840.113549.1.9.3"
    static let messageDigest = "1.2.840.113549.1.9.4"
    static let signingTime = "1.2.840.113549.1.9.5"

    static func isSignedData(_ oid: String) -> Bool { oid == gmSignedData || oid == pkcs7SignedData }
    static func isData(_ oid: String) -> Bool { oid == gmData || oid == pkcs7Data }
    static func isSM3(_ oid: String) -> Bool { oid == sm3 || oid == sm3WithoutKey }
    /// What the SignerInfo's signature algorithm may say for SM2 with SM3: GB/T 35275 writes the
    /// SM2-1 signature OID, OpenSSL and BouncyCastle SM3withSM2, some vendors the bare key OID.
    static func isSM2Signature(_ oid: String) -> Bool { oid == sm2Signature || oid == sm3WithSM2 || oid == sm2 }

    /// A readable name for reports.
    static func name(_ oid: String) -> String {
        let names: [String: String] = [
            gmData: "GB/T 35275 data", gmSignedData: "GB/T 35275 signedData",
            gmEnvelopedData: "GB/T 35275 envelopedData",
            pkcs7Data: "PKCS #7 data", pkcs7SignedData: "PKCS #7 signedData", sm3: "SM3", sm3WithoutKey: "SM3",
            sm2: "SM2", sm2Signature: "SM2-1 signature", sm2Encryption: "SM2 encryption", sm3WithSM2: "SM3withSM2",
            "2.16.840.1.101.3.4.2.1": "SHA-256", "1.3.14.3.2.26": "SHA-1", "1.2.840.10045.4.3.2": "ECDSA with SHA-256",
            "1.2.840.113549.1.1.11": "RSA with SHA-256", "1.2.840.113549.1.7.3": "PKCS #7 envelopedData",
        ]
        return names[oid].map { "\($0) (\(oid))" } ?? oid
    }
}
