public import ZhengwuKitCore

/// Every way reading, verifying or sealing an OFD package can fail. Each case names the
/// entry (its path in the package) where that helps find the fault.
public enum OFDError: ZhengwuKitError, Equatable {
    /// The file is not a readable zip archive (or cannot be opened).
    case unreadablePackage(String)
    /// An entry's name climbs out of the package (`..`) or is absolute (`/`, `C:`, `\\`).
    case pathTraversal(entry: String)
    /// Two entries carry the same name (after normalising case and separators).
    case duplicateEntry(String)
    /// An entry expands beyond the size limit.
    case entryTooLarge(entry: String, limit: UInt64)
    /// An entry expands more than the ratio limit allows (a zip bomb).
    case compressionRatio(entry: String, limit: UInt64)
    /// The package as a whole expands beyond the total limit, or holds too many entries.
    case packageTooLarge(String)
    /// An XML part is hostile or malformed (DTD, entities, depth, syntax).
    case xml(entry: String, line: Int, reason: String)
    /// A part the standard requires is missing (`OFD.xml`, a document root, a file a signature names).
    case missingEntry(String)
    /// A part parses but does not have the structure GB/T 33190 gives it.
    case malformedPart(entry: String, reason: String)
    /// A value given to the sealer is unusable (no such page, a keyword not found, a bad size).
    case invalidParameter(String)
    /// The seal, key or certificate could not be used to sign.
    case signing(String)
    /// Writing the output package failed.
    case unwritableOutput(String)

    public var code: String {
        switch self {
        case .unreadablePackage: return "ofd.unreadable_package"
        case .pathTraversal: return "ofd.path_traversal"
        case .duplicateEntry: return "ofd.duplicate_entry"
        case .entryTooLarge: return "ofd.entry_too_large"
        case .compressionRatio: return "ofd.compression_ratio"
        case .packageTooLarge: return "ofd.package_too_large"
        case .xml: return "ofd.xml"
        case .missingEntry: return "ofd.missing_entry"
        case .malformedPart: return "ofd.malformed_part"
        case .invalidParameter: return "ofd.invalid_parameter"
        case .signing: return "ofd.signing"
        case .unwritableOutput: return "ofd.unwritable_output"
        }
    }

    public var message: String {
        switch self {
        case .unreadablePackage(let reason):
            return "not a readable OFD package (zip): \(reason)"
        case .pathTraversal(let entry):
            return "entry \"\(entry)\" points outside the package (absolute path or ..); refusing the package"
        case .duplicateEntry(let entry):
            return "entry \"\(entry)\" appears more than once; refusing an ambiguous package"
        case .entryTooLarge(let entry, let limit):
            return
                "entry \"\(entry)\" expands beyond \(limit) bytes; raise OFDReadingLimits.maximumEntrySize if it is genuine"
        case .compressionRatio(let entry, let limit):
            return "entry \"\(entry)\" expands more than \(limit) times its compressed size (zip bomb?); refusing it"
        case .packageTooLarge(let reason):
            return "the package is too large: \(reason)"
        case .xml(let entry, let line, let reason):
            return line > 0 ? "\(entry) line \(line): \(reason)" : "\(entry): \(reason)"
        case .missingEntry(let entry):
            return "the package has no entry \"\(entry)\""
        case .malformedPart(let entry, let reason):
            return "\(entry): \(reason)"
        case .invalidParameter(let reason):
            return "invalid parameter: \(reason)"
        case .signing(let reason):
            return "cannot sign: \(reason)"
        case .unwritableOutput(let reason):
            return "cannot write the output package: \(reason)"
        }
    }

    public var chineseTerm: String {
        switch self {
        case .unreadablePackage: return "OFD文件不可读"
        case .pathTraversal: return "路径越界"
        case .duplicateEntry: return "重复文件名"
        case .entryTooLarge, .packageTooLarge: return "文件过大"
        case .compressionRatio: return "压缩比异常"
        case .xml: return "XML格式错误"
        case .missingEntry: return "文件缺失"
        case .malformedPart: return "文档结构错误"
        case .invalidParameter: return "参数错误"
        case .signing: return "签章失败"
        case .unwritableOutput: return "输出文件不可写"
        }
    }
}
