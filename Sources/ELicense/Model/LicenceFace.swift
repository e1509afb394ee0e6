/// The face items 照面信息 of one licence type as typed values: one struct per catalogued type,
/// generated from its face schema (`BusinessLicenceFace`, `ResidentIdentityCardFace`…), each
/// converting to and from the untyped ``FaceItems``.
///
/// ```swift
/// let face = BusinessLicenceFace(creditCode: try CreditCode(parsing: "91110000600037341L"), name: "示例科技有限公司", …)
/// let data = try issuer.prepare(request, face: face)         // type code from the face type
/// let read = try report.data?.face(as: BusinessLicenceFace.self)
/// ```
///
/// ``FaceItems`` stays the way to `KZ_` extensions and to types registered later, which have no
/// struct here.
public protocol LicenceFace: Sendable, Codable, Hashable {
    /// The catalogue's 证照类型代码 of the type whose face schema defines these items.
    static var typeCode: String { get }

    /// The items in schema order, optional ones left out when nil.
    var faceItems: FaceItems { get }

    /// Reads typed values from `faceItems`: a missing required item, an item that does not
    /// convert (a date, a number, a code whose check character is wrong) or an item the type's
    /// schema does not define throws ``ELicenseError/invalidFaceItem(field:reason:)``.
    init(faceItems: FaceItems) throws(ELicenseError)
}

extension LicenceData {
    /// The data of a licence whose face items are given typed; `metadata.typeCode` must be the
    /// face type's (else ``ELicenseError/faceTypeMismatch(licenceType:faceType:)``).
    public init<Face: LicenceFace>(metadata: LicenceMetadata, face: Face) throws(ELicenseError) {
        guard metadata.typeCode == Face.typeCode else {
            throw .faceTypeMismatch(licenceType: metadata.typeCode, faceType: Face.typeCode)
        }
        self.init(metadata: metadata, face: face.faceItems)
    }

    /// The face items as `Face`, the typed face of this licence's type: a licence of another
    /// type throws ``ELicenseError/faceTypeMismatch(licenceType:faceType:)``, an item that does
    /// not convert ``ELicenseError/invalidFaceItem(field:reason:)``. Read the data of a verified
    /// licence (``LicenceVerificationReport/data``): nothing here checks seals or codes.
    public func face<Face: LicenceFace>(as type: Face.Type) throws(ELicenseError) -> Face {
        guard metadata.typeCode == Face.typeCode else {
            throw .faceTypeMismatch(licenceType: metadata.typeCode, faceType: Face.typeCode)
        }
        return try Face(faceItems: face)
    }
}
