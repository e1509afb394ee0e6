import ESeal
import Foundation
import GMCertificates
import GMCrypto
import OFD
import ZhengwuKitCore

/// Issues electronic licences 电子证照签发: typed data → validated XML → a file sealed by the issuer.
///
/// ```swift
/// let issuer = try LicenceIssuer(seal: seal, privateKey: key, certificate: certificate)
/// let data = try issuer.prepare(request, typeCode: "11100000MB0143028R001")   // checked like a verifier would
/// let detached = try issuer.sealDetached(data)    // data XML + SES_Signature over it
/// ```
///
/// Nothing is sealed that the verifier would reject: `prepare` runs every content check of
/// ``LicenceVerifier`` (schemas, identifier, holder and issuer codes, dates, catalogue) and
/// throws the first failure.
public struct LicenceIssuer: Sendable {
    public let seal: ElectronicSeal
    public let signer: SealSigner
    public var catalogue: LicenceCatalogue
    public var strictness: Strictness

    public init(
        seal: ElectronicSeal, privateKey: SM2.Signing.PrivateKey, certificate: X509Certificate,
        catalogue: LicenceCatalogue = .standard, strictness: Strictness = .strict
    ) throws(ELicenseError) {
        self.seal = seal
        do {
            self.signer = try SealSigner(privateKey: privateKey, certificate: certificate)
        } catch {
            throw .sealing(error)
        }
        self.catalogue = catalogue
        self.strictness = strictness
    }

    /// The licence data for `request` of type `typeCode`, with the signer fields filled
    /// (签章人 the certificate's common name, 签章名称 the seal's name, 签章时间 `time`), checked.
    public func prepare(_ request: LicenceRequest, typeCode: String, at time: Date = Date()) throws(ELicenseError)
        -> LicenceData
    {
        let type = try catalogue.type(code: typeCode)
        var data = try request.data(for: type)
        data.metadata.signer = signer.certificate.subject.commonName ?? seal.name
        data.metadata.signingTime = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        data.metadata.sealName = seal.name
        try check(data, at: time)
        return data
    }

    /// The licence data for `request`'s metadata with typed face items: the type is the face
    /// type's (`Face.typeCode`), the rest as ``prepare(_:typeCode:at:)``. The request's own
    /// `face` must be empty, so that the items come from one place.
    ///
    /// ```swift
    /// let face = ResidentIdentityCardFace(name: "王芳", sex: .female, …)
    /// let data = try issuer.prepare(request, face: face)
    /// ```
    public func prepare<Face: LicenceFace>(_ request: LicenceRequest, face: Face, at time: Date = Date())
        throws(ELicenseError) -> LicenceData
    {
        guard request.face.isEmpty else {
            throw .invalidParameter(
                "the request carries face items (ZMXX) and typed ones were given too: leave the request's face empty")
        }
        var typed = request
        for item in face.faceItems.items { typed.face[item.code] = item.value }
        return try prepare(typed, typeCode: Face.typeCode, at: time)
    }

    /// Runs the verifier's content checks on `data`, throwing the failed lines.
    public func check(_ data: LicenceData, at time: Date = Date()) throws(ELicenseError) {
        let xml = try LicenceXML.encode(data)
        let lines = LicenceContentChecks(catalogue: catalogue, time: time, strictness: strictness).run(data, xml: xml)
        let failed = lines.filter { $0.outcome == .failed }
        guard failed.isEmpty else {
            throw .invalidData(
                field: failed.map(\.name).joined(separator: ", "),
                reason: failed.map { "\($0.name) \($0.check.chineseTerm): \($0.detail)" }.joined(separator: "; "))
        }
    }

    /// The sealed OFD licence file (GB/T 36905) for `data`: a page showing the face items, the
    /// metadata in `DocInfo/CustomDatas`, the data XML attached as `licence.xml`, and the
    /// issuer's seal over every file of the package (GB/T 33190 §18, through ``OFDSealer``).
    public func issue(_ data: LicenceData, at time: Date = Date()) throws(ELicenseError) -> Data {
        let type = try catalogue.type(code: data.metadata.typeCode)
        try check(data, at: time)
        let xml = try LicenceXML.encode(data)
        let package = try LicenceOFDPackage.zip(LicenceOFDLayout.files(for: data, type: type, xml: xml))
        do {
            let file = try OFDFile(data: package)
            let position = LicenceOFDLayout.sealPosition
            return try OFDSealer(seal: seal, signer: signer).seal(
                file, placement: .position(page: 1, x: position.x, y: position.y),
                size: OFDSealSize(width: LicenceOFDLayout.sealSize, height: LicenceOFDLayout.sealSize), at: time)
        } catch {
            throw .signing("\(error.message)")
        }
    }

    /// An annotated copy 加注件 of a licence file: the licence's data, verified intact first
    /// (`verifier`, trust included unless it is integrity-only), with a purpose and an expiry
    /// added (制作者 this issuer's seal name), in a new file sealed again by the issuer.
    ///
    /// Only the licence's issuer annotates it: this issuer's certificate must hold the key that
    /// sealed the licence, or name the licence's issuer code, or its organisation (or its seal)
    /// must be the licence's issuer; otherwise ``ELicenseError/annotatorNotIssuer(annotator:issuer:issuerCode:)``.
    public func annotate(
        _ file: LicenceFile, purpose: String, expires: Date, verifier: LicenceVerifier, at time: Date = Date()
    ) throws(ELicenseError) -> Data {
        let trimmed = purpose.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidParameter("an annotated copy needs a purpose (加注件制作事由)") }
        guard expires > time else { throw .invalidParameter("the annotated copy's expiry must be after now") }
        let report = verifier.verify(file, at: time)
        guard report.isValid, var data = report.data else {
            let failed = (report.failures + report.unchecked).map { "\($0.name): \($0.detail)" }
            throw .invalidLicenceFile(
                "the licence does not verify (\(report.verdict.rawValue)); an annotated copy is made only of a valid licence: "
                    + failed.joined(separator: "; "))
        }
        guard
            AnnotatorMatch.reason(
                issuerName: data.metadata.issuer, issuerCode: data.metadata.issuerCode, annotator: signer.certificate,
                sealName: seal.name, licenceSigners: AnnotatorMatch.sealSigners(of: file)) != nil
        else {
            throw .annotatorNotIssuer(
                annotator: "\(signer.certificate.subject) (seal \(seal.name))", issuer: data.metadata.issuer,
                issuerCode: data.metadata.issuerCode)
        }
        data.metadata.annotation = Annotation(
            madeAt: Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down)),
            maker: seal.name, purpose: trimmed,
            expires: Date(timeIntervalSince1970: expires.timeIntervalSince1970.rounded(.down)))
        data.metadata.signer = signer.certificate.subject.commonName ?? seal.name
        data.metadata.signingTime = Date(timeIntervalSince1970: time.timeIntervalSince1970.rounded(.down))
        data.metadata.sealName = seal.name
        return try issue(data, at: time)
    }

    /// The data XML and a detached seal signature (`SES_Signature`, DER) over its bytes.
    public func sealDetached(_ data: LicenceData, at time: Date = Date()) throws(ELicenseError) -> DetachedLicence {
        let xml = try LicenceXML.encode(data)
        do {
            let signature = try signer.sign(seal: seal, data: .bytes(xml), propertyInfo: "licence.xml", at: time)
            return DetachedLicence(xml: xml, signature: signature.derRepresentation)
        } catch {
            throw .sealing(error)
        }
    }
}

/// A licence's data XML with a detached seal signature over its bytes.
public struct DetachedLicence: Sendable, Hashable {
    public let xml: [UInt8]
    /// GB/T 38540 `SES_Signature` (DER) whose `dataHash` is SM3 of `xml`.
    public let signature: [UInt8]
}
