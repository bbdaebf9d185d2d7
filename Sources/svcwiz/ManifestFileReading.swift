import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// Reads a manifest file for a subcommand, or says why not (file:line:col) and exits 1.
enum ManifestFileReading {
    static func read(_ path: String) throws -> ManifestFile {
        do {
            guard let bytes = try ManifestReader.contents(ofFile: path) else {
                Console.error("\(path): cannot read the file")
                throw ExitCode(1)
            }
            return try ManifestReader.parse(bytes: bytes, path: path)
        } catch let error as ExitCode {
            throw error
        } catch let error as ManifestParseError {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
