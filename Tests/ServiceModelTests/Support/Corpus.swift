import Foundation

/// The shared corpus of public manifests, beside the project's root (read-only).
enum Corpus {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/corpus/realworld")
    }()

    static let fixtures: URL = root.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/kube-api")

    /// Every manifest file of the corpus (not its index).
    static var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
            .sorted().map { root.appendingPathComponent($0) }
    }

    static func bytes(_ url: URL) -> [UInt8] {
        (try? Array(Data(contentsOf: url))) ?? []
    }
}
