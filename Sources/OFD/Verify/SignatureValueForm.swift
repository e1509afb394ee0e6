internal import ZhengwuKitSupport

/// The forms an SM2 signature value takes in real files.
enum SignatureValueForm {
    /// Raw r‖s (32 bytes each) from DER `SEQUENCE { INTEGER r, INTEGER s }` whose integers carry
    /// redundant leading zero bytes (some vendors pad them to 33 bytes or more). `nil` when the
    /// value is not such DER, or is already minimal.
    static func rawFromNonMinimalDER(_ value: [UInt8]) -> [UInt8]? {
        guard let raw = try? DERSignatureCodec.raw(fromDER: value, width: 32, tolerance: .nonMinimal) else {
            return nil
        }
        do {
            _ = try DERSignatureCodec.raw(fromDER: value, width: 32)
            return nil
        } catch {
            guard case .nonMinimalInteger = error else { return nil }
            return raw
        }
    }
}

/// Recognises a seal picture's format from its first bytes.
enum PictureFormat {
    static func sniff(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "gif" }
        if bytes.starts(with: Array("BM".utf8)) { return "bmp" }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "ofd" }
        return nil
    }
}
