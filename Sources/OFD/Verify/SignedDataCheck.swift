import Foundation
import ZhengwuKitCore

/// GB/T 35275 SignedData signatures (`Type="Sign"`).
enum SignedDataCheck {
    struct Outcome {
        var lines: [Line]
        var warnings: [VerificationWarning]
        var format: String
        var supported: Bool
        var signingTime: String?
    }

    static func verify(
        _ value: [UInt8], signatureXML: [UInt8], anchors: [[UInt8]], mode: VerificationMode, at time: Date
    ) -> Outcome {
        Outcome(
            lines: [
                CheckResult(
                    .signature, .notChecked, "GB/T 35275 SignedData verification is not implemented yet")
            ], warnings: [], format: "GB/T 35275 SignedData", supported: false)
    }
}
