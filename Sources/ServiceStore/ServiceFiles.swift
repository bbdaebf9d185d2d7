#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// Why a file could not be imported.
package enum ImportFailure: Error, Sendable, Hashable {
    case unreadable(String)
    case parse(ManifestParseError)
}

/// Services as single files, outside any workspace: where an export goes and in which
/// format, writing one, and reading the Services of a file to import.
package enum ServiceFiles {
    /// `~` and `~/...` as the user's home folder, as a shell would read them.
    package static func expandingHome(_ path: String, home: String = LocalPaths.home) -> String {
        path.hasPrefix("~") ? home + path.dropFirst() : path
    }

    /// Where an export goes: a folder gets `<name>.<namespace>.service.yaml`; a path ending in
    /// `.json`, `.yaml` or `.yml` is the file itself, in that format.
    package static func exportTarget(_ target: String, for service: ServiceID,
                                    home: String = LocalPaths.home) -> (path: String, format: ManifestFormat) {
        let expanded = expandingHome(target, home: home)
        let lower = expanded.lowercased()
        if lower.hasSuffix(".json") { return (expanded, .json) }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return (expanded, .yaml) }
        let folder = expanded.isEmpty ? "." : expanded
        return (URL(fileURLWithPath: folder).appendingPathComponent(fileName(for: service, format: .yaml)).path, .yaml)
    }

    /// The name an exported service gets in a folder: `<name>.<namespace>.service.yaml`.
    package static func fileName(for service: ServiceID, format: ManifestFormat) -> String {
        "\(service.name).\(service.namespace).service." + (format == .json ? "json" : "yaml")
    }

    /// Writes a stored service without its server-owned fields, atomically.
    package static func export(_ stored: StoredService, to path: String, format: ManifestFormat) throws(StoreError) {
        let visible = ServerFields.stripped(stored.manifest)
        let text = format == .json ? JSONWriter.write(visible) : YAMLWriter.write(visible)
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// The Services of a YAML or JSON file (other kinds are left out), in file order.
    /// `path` is as the user typed it; messages name it that way.
    package static func services(inFile path: String, home: String = LocalPaths.home) throws(ImportFailure) -> [ManifestNode] {
        // Read with the size limit every manifest read has.
        let read: [UInt8]?
        do throws(ManifestParseError) {
            read = try ManifestReader.contents(ofFile: expandingHome(path, home: home))
        } catch {
            throw .parse(error)
        }
        guard let bytes = read else { throw .unreadable("cannot read the file") }
        do throws(ManifestParseError) {
            return try ManifestReader.parse(bytes: bytes, path: path).objects.filter(\.isService).map(\.node)
        } catch {
            throw .parse(error)
        }
    }
}
