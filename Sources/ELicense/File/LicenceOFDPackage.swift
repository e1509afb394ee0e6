import Foundation
import ZIPFoundation

/// Zips the files of a new licence package in memory (the OFD module then reads and seals it).
enum LicenceOFDPackage {
    static func zip(_ files: [(path: String, bytes: [UInt8])]) throws(ELicenseError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, bytes) in files {
                let data = Data(bytes)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                    provider: { position, size in
                        let start = Int(position)
                        return data.subdata(in: start..<min(start + size, data.count))
                    })
            }
            guard let data = archive.data else { throw ELicenseError.invalidLicenceFile("the archive kept no data") }
            return data
        } catch let error as ELicenseError {
            throw error
        } catch {
            throw .invalidLicenceFile("could not write the OFD package: \(error)")
        }
    }
}
