import ESeal
import Foundation
import Testing
import ZWKitTestSupport

@Suite("Reading the shared samples")
struct SampleParsingTests {
    @Test(
        "every sample seal parses with the version its structure shows",
        arguments: [
            ("UserV1.esl", SealVersion.v1), ("UserV4.esl", .v4), ("UserV5.esl", .v5), ("UserV5_ts.esl", .v5),
        ])
    func sealVersions(file: String, version: SealVersion) throws {
        guard let bytes = try SampleFiles.eseal(file) else { return }
        let seal = try ElectronicSeal(derEncoded: bytes)
        #expect(seal.version == version)
        #expect(seal.header.id == "ES")
        #expect(seal.picture.type.lowercased() == "png")
        #expect(seal.picture.width == 40 && seal.picture.height == 40)
        #expect(seal.validStart < seal.validEnd)
        #expect(seal.deviations.isEmpty)
        #expect((seal.timeStamp != nil) == (file == "UserV5_ts.esl"))
        guard case .certificates(let certs) = seal.certList else {
            Issue.record("expected a certificate list")
            return
        }
        #expect(certs.count == 1)
    }

    @Test("a seal re-encodes to the identical bytes", arguments: SampleFiles.seals)
    func sealRoundTrip(file: String) throws {
        guard let bytes = try SampleFiles.eseal(file) else { return }
        let seal = try ElectronicSeal(derEncoded: bytes)
        switch seal.structure {
        case .v1(let value): #expect(try value.derBytes() == Array(bytes))
        case .v4(let value): #expect(try value.derBytes() == Array(bytes))
        }
    }

    @Test(
        "every sample signature parses, with 32 zero bytes as its data hash",
        arguments: [
            ("SignedValueV4.dat", SealVersion.v4), ("SignedValueV5.dat", .v5),
        ])
    func signatureVersions(file: String, version: SealVersion) throws {
        guard let bytes = try SampleFiles.eseal(file) else { return }
        let signature = try ElectronicSignature(derEncoded: bytes)
        #expect(signature.version == version)
        #expect(signature.dataHash == [UInt8](repeating: 0, count: 32))
        #expect(signature.propertyInfo == "/Doc_0/Signs/Sign_0/Signature.xml")
        #expect(signature.signingTime != nil)
        guard case .v4(let value) = signature.structure else {
            Issue.record("expected the v4 structure")
            return
        }
        #expect(try value.derBytes() == Array(bytes))
    }

    @Test("the document reader tells seals from signatures")
    func documentKinds() throws {
        for file in SampleFiles.seals {
            guard let bytes = try SampleFiles.eseal(file) else { return }
            guard case .seal = try ESealDocument(derEncoded: bytes) else {
                Issue.record("\(file) read as a signature")
                continue
            }
        }
        for file in SampleFiles.signatures {
            guard let bytes = try SampleFiles.eseal(file) else { return }
            guard case .signature = try ESealDocument(derEncoded: bytes) else {
                Issue.record("\(file) read as a seal")
                continue
            }
        }
    }

    @Test("the tax bureau's seal shows its deviations: explicit critical FALSE, NULL parameters, an OFD picture")
    func taxBureauDeviations() throws {
        guard let bytes = try SampleFiles.ofdMember("v4signed.ofd", SampleFiles.signedValueMember) else { return }
        let signature = try ElectronicSignature(derEncoded: bytes)
        let kinds = Set(signature.deviations.map(\.kind))
        #expect(kinds.contains(.explicitDefaultCritical))
        #expect(kinds.contains(.nullAlgorithmParameters))
        #expect(signature.seal.picture.type == "ofd")
        #expect(signature.seal.extDatas.first?.criticalEncodedExplicitly == true)
        guard case .v4(let value) = signature.structure else { return }
        #expect(try value.derBytes() == Array(bytes))
    }
}
