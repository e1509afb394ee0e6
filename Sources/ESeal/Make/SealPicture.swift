/// A seal's picture: the image bytes, their format, and the printed size in millimetres.
public struct SealPicture: Sendable, Hashable {
    /// The formats GB/T 38540 and the field use.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case png
        case jpg
        case gif
        /// A zipped OFD document holding a vector seal (seen in tax-bureau seals).
        case ofd

        /// Recognises a format from the file's first bytes.
        public init?<Bytes: Collection>(sniffing bytes: Bytes) where Bytes.Element == UInt8 {
            let head = Array(bytes.prefix(8))
            if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
                self = .png
            } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
                self = .jpg
            } else if head.starts(with: Array("GIF8".utf8)) {
                self = .gif
            } else if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                self = .ofd
            } else {
                return nil
            }
        }
    }

    public var format: Format
    public var data: [UInt8]
    public var widthMillimetres: Int
    public var heightMillimetres: Int

    /// A picture whose format is recognised from its bytes.
    public init(data: [UInt8], widthMillimetres: Int, heightMillimetres: Int) throws(ESealError) {
        guard let format = Format(sniffing: data) else {
            throw ESealError.invalidParameter("the picture is not PNG, JPEG, GIF or a zipped OFD")
        }
        try self.init(
            format: format, data: data, widthMillimetres: widthMillimetres, heightMillimetres: heightMillimetres)
    }

    public init(format: Format, data: [UInt8], widthMillimetres: Int, heightMillimetres: Int) throws(ESealError) {
        guard Format(sniffing: data) == format else {
            throw ESealError.invalidParameter("the picture's bytes are not \(format.rawValue)")
        }
        guard (1...1_000).contains(widthMillimetres), (1...1_000).contains(heightMillimetres) else {
            throw ESealError.invalidParameter(
                "picture size \(widthMillimetres)×\(heightMillimetres) mm is outside 1…1000 mm")
        }
        self.format = format
        self.data = data
        self.widthMillimetres = widthMillimetres
        self.heightMillimetres = heightMillimetres
    }
}
