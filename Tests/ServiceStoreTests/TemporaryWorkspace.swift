import Foundation
@testable import ServiceModel
@testable import ServiceStore

/// A folder under the system temp directory, removed when the value goes away.
final class TemporaryWorkspace: @unchecked Sendable {
    let root: String

    init() throws {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).standardizedFileURL.path
        root = base + "/svcwiz-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes a file as an outside editor would, creating folders on the way.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path(relative)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    func bytes(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(relative)).map { Array($0) }
    }

    func text(_ relative: String) -> String? {
        bytes(relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path(relative))
    }

    func backend(writer: any FileWriting = AtomicFileWriter(), preferInotify: Bool = true) throws -> WorkspaceBackend {
        try WorkspaceBackend(root: root, writer: writer, preferInotify: preferInotify)
    }
}

/// A Service manifest for tests.
func serviceManifest(_ name: String, namespace: String? = nil, selector: [String: String] = ["app": "web"],
                     port: Int = 80) -> ManifestNode {
    var metadata: ManifestNode = .mapping(["name": .string(name)])
    if let namespace { metadata["namespace"] = .string(namespace) }
    let selectorNode = ManifestNode.mapping(selector.sorted { $0.key < $1.key }.map { ManifestEntry(key: $0.key, value: .string($0.value)) })
    return .mapping([
        "apiVersion": .string("v1"),
        "kind": .string("Service"),
        "metadata": metadata,
        "spec": .mapping([
            "selector": selectorNode,
            "ports": .sequence([.mapping(["port": .int(port), "protocol": .string("TCP")])]),
        ]),
    ])
}
