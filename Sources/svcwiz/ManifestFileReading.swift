import ArgumentParser
import Foundation
import ServiceModel

/// Reads a manifest file for a subcommand, or says why not (file:line:col) and exits 1.
enum ManifestFileReading {
    static func read(_ path: String) throws -> ManifestFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("\(path): cannot read the file")
            throw ExitCode(1)
        }
        do {
            return try ManifestReader.parse(bytes: Array(data), path: path)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
    }
}
