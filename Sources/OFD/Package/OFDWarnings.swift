import ZhengwuKitCore

/// The tolerated departures an OFD reader or verifier reports: what real vendors' files
/// carry and what other readers accept. Each has a stable code.
extension VerificationWarning {
    static func bytesBeforeZip(_ count: UInt64) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.bytes_before_zip", message: "\(count) bytes precede the zip archive; they were skipped",
            chineseTerm: "文件头部多余数据")
    }

    static func bytesAfterZip(_ count: UInt64) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.bytes_after_zip", message: "\(count) bytes follow the zip archive; they were ignored",
            chineseTerm: "文件尾部多余数据")
    }

    static func pathForm(_ reference: String, in part: String, resolvedTo path: String) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.path_form",
            message: "\(part): reference \"\(reference)\" is not written as GB/T 33190 reads it; found as /\(path)",
            chineseTerm: "路径格式不规范")
    }

    static func pathCase(_ reference: String, in part: String, resolvedTo path: String) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.path_case",
            message: "\(part): reference \"\(reference)\" differs in letter case from the entry /\(path)",
            chineseTerm: "路径大小写不符")
    }

    static func rawSignatureValue(_ part: String) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.raw_signature_value",
            message: "\(part): the signature is stored as raw 64-byte r‖s, not DER", chineseTerm: "签名值格式不规范")
    }

    static func nonMinimalDER(_ part: String) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.non_minimal_der",
            message: "\(part): the signature's DER integers are not minimal (padded with zero bytes)",
            chineseTerm: "签名值编码不规范")
    }

    static func sealPicture(_ format: String, _ part: String) -> VerificationWarning {
        VerificationWarning(
            code: "ofd.seal_picture_format", message: "\(part): the seal picture is \(format)",
            chineseTerm: "印章图像格式")
    }

    static func sealDeviation(_ text: String, _ part: String) -> VerificationWarning {
        VerificationWarning(code: "ofd.seal_deviation", message: "\(part): \(text)", chineseTerm: "印章格式偏差")
    }
}
