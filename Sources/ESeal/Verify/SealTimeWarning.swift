import Foundation
import ZhengwuKitCore

/// A time a seal or signature states about itself that comes before the certificate or seal
/// that vouches for it, which ESeal accepts with a named warning (and ``StrictSealTimes``
/// turns into a failure).
///
/// The making date (`createDate`), the seal's `validStart` and the signing time (`timeInfo`)
/// are written by the maker and the signer themselves; nothing but a verified time stamp
/// attests them. Real seals from national platforms state times a few days before their own
/// certificates begin (tax e-invoice seals are made with a `createDate` before the maker
/// certificate's `notBefore`: the date the seal was approved, not the moment it was signed),
/// while every signature holds. Such a date cannot be when the act happened, since the
/// certificate that signs it did not yet exist; it is a label, and other verifiers accept it.
/// ESeal therefore judges the certificate at its `notBefore` instead (validity and chain) and
/// says so in a warning.
///
/// A stated time *after* a certificate expired is never tolerated: a maker or signer who says
/// it acted with an expired certificate is believed, and the validity line fails.
///
/// The seal's validity period (`validStart`–`validEnd`) is not held against the maker's
/// certificate: it is a span the seal may be used in, not an act of the maker, and seals are
/// routinely valid from the start of a day or for longer than one certificate lives. What is
/// held against it is the one act the maker states, the making (`createDate`); a signature is
/// held to the seal's period at its signing time (`sealValidity`), and a signing time before
/// the seal's making date is the fourth case here.
public enum SealTimeWarning: String, Sendable, Hashable, Codable, CaseIterable {
    /// The seal's `createDate` precedes its maker certificate's `notBefore`.
    case sealMadeBeforeMakerCertificate = "eseal.seal_made_before_maker_certificate"
    /// The signature's signing time precedes the signer certificate's `notBefore`.
    case signedBeforeSignerCertificate = "eseal.signed_before_signer_certificate"
    /// The signature's signing time precedes the `createDate` of the seal it carries.
    case signedBeforeSealMade = "eseal.signed_before_seal_made"

    /// The warning's stable code.
    public var code: String { rawValue }

    public var chineseTerm: String {
        switch self {
        case .sealMadeBeforeMakerCertificate: return "制章时间早于制章人证书生效时间"
        case .signedBeforeSignerCertificate: return "签章时间早于签章人证书生效时间"
        case .signedBeforeSealMade: return "签章时间早于制章时间"
        }
    }

    /// The warning for a stated time `stated` that comes before `reference`.
    func warning(_ statedWhat: String, _ stated: Date, before referenceWhat: String, _ reference: Date)
        -> VerificationWarning
    {
        let days = (reference.timeIntervalSince(stated) / 8_640).rounded() / 10
        return VerificationWarning(
            code: code,
            message: "\(statedWhat) \(report: stated) is \(days) days before \(referenceWhat) \(report: reference)",
            chineseTerm: chineseTerm)
    }
}
