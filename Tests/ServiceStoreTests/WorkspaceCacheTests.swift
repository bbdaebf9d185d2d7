import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

/// The index cache on disk: trusted only for files whose stamp is unchanged (and not racily
/// clean), never for files that do not parse, and dropped when damaged.
struct WorkspaceCacheTests {
    static func service(_ name: String, port: Int, alias: String = "前端") -> String {
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name)
          namespace: shop
          labels: {app: \(name)}
          annotations: {kubesphere.io/alias-name: \(alias)}
          creationTimestamp: "2026-11-20T10:00:00Z"
        spec:
          type: NodePort
          selector: {app: \(name)}
          ports:
          - {name: http, port: \(port), targetPort: http, nodePort: 30080}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: shop}
        spec:
          replicas: 2
          template:
            metadata:
              labels: {app: \(name)}
            spec:
              containers:
              - name: c
                ports: [{name: http, containerPort: 8080}]

        """
    }

    /// Sets a file's modification time (an hour ago by default: older than any cache).
    static func age(_ path: String, secondsAgo: Double = 3600) throws {
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-secondsAgo)], ofItemAtPath: path)
    }

    /// Writes same-size bytes in place (same inode) and puts the modification time back:
    /// only size, time and inode are compared, so the change is invisible to them.
    static func rewriteKeepingStamp(_ path: String, _ text: String) throws {
        let stamp = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: path)
    }

    static func open(_ workspace: TemporaryWorkspace, cache: String) throws -> WorkspaceBackend {
        try WorkspaceBackend(root: workspace.root, writer: AtomicFileWriter(), cacheDirectory: cache)
    }

    let cacheFolder: String = NSTemporaryDirectory() + "svcwiz-cache-" + UUID().uuidString

    @Test func aSecondOpenGetsTheSameRowsWorkloadsAndVersionsFromTheCache() async throws {
        let workspace = try TemporaryWorkspace()
        for name in ["web", "api", "db"] { try Self.age(try workspace.write("shop/\(name).yaml", Self.service(name, port: 80))) }
        let first = try Self.open(workspace, cache: cacheFolder)
        let rows = try await first.services(in: .all)
        let workloads = try await first.workloads(in: "shop")
        let version = try await first.service(ServiceID(namespace: "shop", name: "web")).version
        let cachePath = WorkspaceCache(root: workspace.root, directory: cacheFolder).path
        let mode = try FileManager.default.attributesOfItem(atPath: cachePath)[.posixPermissions] as? Int
        #expect(mode == 0o600, "the cache lists the workspace's services: the user's alone")

        let second = try Self.open(workspace, cache: cacheFolder)
        #expect(try await second.services(in: .all) == rows)
        #expect(try await second.workloads(in: "shop") == workloads)
        #expect(try await second.service(ServiceID(namespace: "shop", name: "web")).version == version)
        #expect(try await second.namespaces() == ["shop"])
        #expect(rows.first { $0.name == "web" }?.alias == "前端")
    }

    @Test func anUnchangedStampIsTrustedAndAChangedOneIsReadAgain() async throws {
        let workspace = try TemporaryWorkspace()
        let web = try workspace.write("shop/web.yaml", Self.service("web", port: 80))
        let api = try workspace.write("shop/api.yaml", Self.service("api", port: 80))
        try Self.age(web)
        try Self.age(api)
        _ = try await Self.open(workspace, cache: cacheFolder).services(in: .all)

        // Same size, same inode, time put back: the cache's answer stands (this is what
        // "not parsed again" means, and why only the stamp is compared).
        try Self.rewriteKeepingStamp(web, Self.service("web", port: 81))
        // A real edit moves the stamp: read again.
        try workspace.write("shop/api.yaml", Self.service("api", port: 8443))
        try workspace.write("shop/new.yaml", Self.service("new", port: 9000))

        let rows = try await Self.open(workspace, cache: cacheFolder).services(in: .all)
        #expect(rows.first { $0.name == "web" }?.ports.first?.port == 80)
        #expect(rows.first { $0.name == "api" }?.ports.first?.port == 8443)
        #expect(rows.map(\.name) == ["api", "new", "web"])
    }

    @Test func aFileChangedWithinASecondOfTheSaveIsReadAgain() async throws {
        let workspace = try TemporaryWorkspace()
        let web = try workspace.write("shop/web.yaml", Self.service("web", port: 80))
        _ = try await Self.open(workspace, cache: cacheFolder).services(in: .all)
        // Same size and the same time as when cached: only the racy rule can notice.
        try Self.rewriteKeepingStamp(web, Self.service("web", port: 81))

        let rows = try await Self.open(workspace, cache: cacheFolder).services(in: .all)
        #expect(rows.first?.ports.first?.port == 81)
    }

    @Test func deletedFilesAndFilesThatDoNotParseAreNeverServedFromTheCache() async throws {
        let workspace = try TemporaryWorkspace()
        try Self.age(try workspace.write("shop/web.yaml", Self.service("web", port: 80)))
        try Self.age(try workspace.write("shop/bad.yaml", "kind: Service\nmetadata: [unclosed\n"))
        let first = try await Self.open(workspace, cache: cacheFolder)
        #expect(try await first.problems().count == 1)

        try FileManager.default.removeItem(atPath: workspace.path("shop/web.yaml"))
        let second = try Self.open(workspace, cache: cacheFolder)
        #expect(try await second.services(in: .all).isEmpty)
        #expect(try await second.problems().first?.file == workspace.path("shop/bad.yaml"))
    }

    @Test func aDamagedOrForeignCacheIsIgnored() async throws {
        let workspace = try TemporaryWorkspace()
        try Self.age(try workspace.write("shop/web.yaml", Self.service("web", port: 80)))
        _ = try await Self.open(workspace, cache: cacheFolder).services(in: .all)
        let cache = WorkspaceCache(root: workspace.root, directory: cacheFolder)
        var bytes = try #require(FileManager.default.contents(atPath: cache.path))
        bytes.removeLast(7)
        try bytes.write(to: URL(fileURLWithPath: cache.path))
        #expect(cache.loadIndex() == nil)
        #expect(try await Self.open(workspace, cache: cacheFolder).services(in: .all).map(\.name) == ["web"])
        // The scan that ignored it wrote a good one again.
        #expect(cache.loadIndex()?.files.count == 1)
        #expect(WorkspaceCache(root: workspace.root + "-other", directory: cacheFolder).loadIndex() == nil)
    }

    @Test func integersAndStringsSurviveTheBinaryEncoding() throws {
        var writer = BinaryWriter()
        let numbers = [0, 1, -1, 63, -64, 64, 300, Int.max, Int.min, 30080]
        numbers.forEach { writer.int($0) }
        writer.optionalString(nil)
        writer.optionalString("订单服务 ✓")
        writer.uint64(0xDEAD_BEEF_0123_4567)
        var reader = BinaryReader(writer.bytes)
        #expect(try numbers.map { _ in try reader.int() } == numbers)
        #expect(try reader.optionalString() == nil)
        #expect(try reader.optionalString() == "订单服务 ✓")
        #expect(try reader.uint64() == 0xDEAD_BEEF_0123_4567)
        #expect(reader.isAtEnd)
        #expect(throws: BinaryReader.Malformed.self) { try reader.int() }
    }
}
