import Foundation
import OFD

/// Zips the files of a new licence package in memory through OFD's one package writer (the
/// OFD module then reads and seals it).
enum LicenceOFDPackage {
    static func zip(_ files: [(path: String, bytes: [UInt8])]) throws(ELicenseError) -> Data {
        do {
            return try PackageWriter.data(files: files)
        } catch {
            throw .invalidLicenceFile("could not write the OFD package: \(error.message)")
        }
    }
}
