import ESeal
import Foundation
import GMCertificates
import GMCrypto
import ZhengwuKitCore

/// Verifies electronic licences 电子证照验证: every check of ``LicenceCheck``, each its own
/// line, judged fail-closed (`trusted` only when every line passed, the seal's and the status
/// list's signers chained to the trust anchors included).
///
/// ```swift
/// let verifier = LicenceVerifier(trustAnchors: [root], statusList: list)
/// let report = verifier.verifyDetached(data: xml, signature: signedValue)
/// report.verdict            // .trusted
/// report.failures           // [] — or the named checks that failed
/// ```
public struct LicenceVerifier: Sendable {
    /// Roots the seal's maker and signer (and the status list's signer) must chain to.
    public var trustAnchors: [X509Certificate]
    public var intermediates: [X509Certificate]
    public var catalogue: LicenceCatalogue
    /// The status list to consult, when there is one.
    public var statusList: LicenceStatusList?
    /// Certificates besides the licence's own signer allowed to sign status lists (a
    /// registry's, say); they must chain to the trust anchors as well.
    public var statusAuthorities: [X509Certificate]
    public var mode: VerificationMode
    public var strictness: Strictness

    public init(
        trustAnchors: [X509Certificate] = [], intermediates: [X509Certificate] = [],
        catalogue: LicenceCatalogue = .standard, statusList: LicenceStatusList? = nil,
        statusAuthorities: [X509Certificate] = [], mode: VerificationMode = .full,
        strictness: Strictness = .strict
    ) {
        self.trustAnchors = trustAnchors
        self.intermediates = intermediates
        self.catalogue = catalogue
        self.statusList = statusList
        self.statusAuthorities = statusAuthorities
        self.mode = mode
        self.strictness = strictness
    }

    /// Verifies a licence's data XML with a detached seal signature over its bytes (a
    /// GB/T 38540 `SES_Signature`, as ``LicenceIssuer/sealDetached(_:)`` makes): no OFD needed.
    public func verifyDetached(
        data xml: some Collection<UInt8>, signature: some Collection<UInt8>, at time: Date = Date()
    )
        -> LicenceVerificationReport
    {
        let bytes = Array(xml)
        let sealReport = sealVerifier.verifySignature(Array(signature), data: .bytes(bytes), at: time)
        let signer = try? ElectronicSignature(derEncoded: Array(signature)).signerCertificate
        let sealLines = SealLines.fold([(label: "", lines: SealLines.lines(of: sealReport))], mode: mode)
        return report(
            xml: bytes, sealLines: sealLines, signer: signer, at: time, warnings: sealReport.warnings)
    }

    /// The content lines (and status lines when a list is given) for data XML, after the seal lines.
    func report(
        xml: [UInt8], sealLines: [ZhengwuKitCore.CheckResult<LicenceCheck>], signer: [UInt8]?,
        extra: (LicenceData) -> [ZhengwuKitCore.CheckResult<LicenceCheck>] = { _ in [] },
        at time: Date, warnings: [VerificationWarning] = []
    ) -> LicenceVerificationReport {
        let data: LicenceData
        do {
            data = try LicenceXML.decode(xml)
        } catch {
            let checks =
                sealLines + [
                    ZhengwuKitCore.CheckResult(
                        .metadataSchema, .failed, "the data XML cannot be read: \(error.message)")
                ]
            return LicenceVerificationReport(mode: mode, checks: checks, warnings: warnings, data: nil)
        }
        var checks = sealLines
        checks += LicenceContentChecks(catalogue: catalogue, time: time, strictness: strictness).run(data, xml: xml)
        checks += extra(data)
        if let statusList {
            checks += StatusChecks(
                list: statusList, trustAnchors: trustAnchors, intermediates: intermediates,
                authorities: statusAuthorities,
                mode: mode, time: time
            ).run(identifier: data.metadata.identifierText, issuerCode: data.metadata.issuerCode, licenceSigner: signer)
        }
        return LicenceVerificationReport(mode: mode, checks: checks, warnings: warnings, data: data)
    }

    var sealVerifier: SealVerifier {
        SealVerifier(
            trustAnchors: mode == .integrityOnly ? [] : trustAnchors, intermediates: intermediates, mode: mode)
    }
}
