import Foundation
import Testing
import ServiceModel
@testable import ServiceStore

/// Temp files of killed writers are removed when the workspace opens, once older than a
/// minute; younger ones may belong to a writer still at work and stay.
@Suite struct StaleTemporaryTests {
    /// Writes a temp file as a killed writer leaves it, `age` seconds old.
    static func leave(_ path: String, age: Int) throws {
        try Data("half a file".utf8).write(to: URL(fileURLWithPath: path))
        let then = time(nil) - age
        var times = [timeval(tv_sec: then, tv_usec: 0), timeval(tv_sec: then, tv_usec: 0)]
        #expect(utimes(path, &times) == 0)
    }

    @Test func oldTemporariesGoAtTheFirstScanAndYoungOnesStay() async throws {
        let workspace = try TemporaryWorkspace()
        let file = try workspace.write("shop/web.yaml", YAMLWriter.write(serviceManifest("web")))
        let prefix = AtomicFileWriter.temporaryPrefix(for: file)
        let old = workspace.path("shop/\(prefix)4242-old.tmp")
        let young = workspace.path("shop/\(prefix)4243-young.tmp")
        let unrelated = workspace.path("shop/.web.yaml.swp")
        try Self.leave(old, age: 120)
        try Self.leave(young, age: 5)
        try Self.leave(unrelated, age: 120)
        #expect(AtomicFileWriter.isTemporaryName(Substring((AtomicFileWriter.temporaryPath(for: file) as NSString).lastPathComponent)))

        let cacheDirectory = workspace.path(".cache")
        try FileManager.default.createDirectory(atPath: cacheDirectory, withIntermediateDirectories: true)
        let oldCacheTemp = cacheDirectory + "/.0123.index.svcwiz-4244-x.tmp"
        try Self.leave(oldCacheTemp, age: 300)

        let backend = try WorkspaceBackend(root: workspace.root, cacheDirectory: cacheDirectory)
        #expect(try await backend.services(in: .all).map(\.name) == ["web"])
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(!FileManager.default.fileExists(atPath: oldCacheTemp))
        #expect(FileManager.default.fileExists(atPath: young))
        #expect(FileManager.default.fileExists(atPath: unrelated))
        #expect(try await backend.problems().isEmpty)
    }

    @Test func onlyTheWritersOwnRegularFilesAreRemoved() throws {
        let workspace = try TemporaryWorkspace()
        let directory = workspace.path(".x.svcwiz-1-a.tmp")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var times = [timeval(tv_sec: time(nil) - 600, tv_usec: 0), timeval(tv_sec: time(nil) - 600, tv_usec: 0)]
        #expect(utimes(directory, &times) == 0)
        #expect(StaleTemporaries.remove([directory]).isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory))
    }
}
