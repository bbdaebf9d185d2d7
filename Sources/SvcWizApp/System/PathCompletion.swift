#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceStore

/// Tab completion for the import prompt: folders and manifest files (.yaml, .yml, .json).
enum PathCompletion {
    /// The completed input and, when several names fit, the candidates.
    static func complete(_ input: String, home: String = LocalPaths.home, currentDirectory: String = FileManager.default.currentDirectoryPath)
        -> (completed: String, candidates: [String]) {
        let expanded = ServiceFiles.expandingHome(input, home: home)
        let slash = expanded.lastIndex(of: "/")
        let folderPart = slash.map { String(expanded[...$0]) } ?? ""
        let prefix = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let folder = folderPart.isEmpty ? currentDirectory : (folderPart.hasPrefix("/") ? folderPart : currentDirectory + "/" + folderPart)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var candidates: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) && (prefix.hasPrefix(".") || !name.hasPrefix(".")) {
            if LocalPaths.isFolder(folder + "/" + name) {
                candidates.append(name + "/")
            } else if [".yaml", ".yml", ".json"].contains(where: { name.lowercased().hasSuffix($0) }) {
                candidates.append(name)
            }
        }
        guard let first = candidates.first else { return (input, []) }
        let common = candidates.dropFirst().reduce(first) { String(zip($0, $1).prefix { $0 == $1 }.map(\.0)) }
        let completedPart = input.hasPrefix("~") && folderPart.hasPrefix(home)
            ? "~" + folderPart.dropFirst(home.count) : folderPart
        return (String(completedPart) + common, candidates.count > 1 ? candidates : [])
    }
}
