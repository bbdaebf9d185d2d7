import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

/// A workspace that holds hostile files (an alias bomb, deep nesting, an oversized file)
/// lists every other service and reports each of those files as a problem.
@Suite struct HostileWorkspaceTests {
    static let hostile: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.deletingLastPathComponent().appendingPathComponent("Fixtures/hostile")
    }()

    /// Two good services and the three hostile files; the oversized one is sparse, so it
    /// costs no disk, and holds a valid service at its start so only its size is wrong.
    static func workspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.write("good/a.yaml", YAMLWriter.write(serviceManifest("alpha")))
        try workspace.write("good/b.yaml", YAMLWriter.write(serviceManifest("beta")))
        for name in ["alias-bomb.yaml", "deep.yaml", "deep.json"] {
            try workspace.write("bad/" + name, bytes: Array(try Data(contentsOf: hostile.appendingPathComponent(name))))
        }
        let huge = try workspace.write("bad/huge.yaml", YAMLWriter.write(serviceManifest("huge")))
        #expect(truncate(huge, off_t(InputLimits.maxFileBytes + 1)) == 0)
        return workspace
    }

    @Test func theGoodServicesAreListedAndEachHostileFileIsAProblem() async throws {
        let workspace = try Self.workspace()
        let backend = try workspace.backend()
        #expect(try await backend.services(in: .all).map(\.name).sorted() == ["alpha", "beta"])
        let problems = try await backend.problems()
        let byFile = Dictionary(uniqueKeysWithValues: problems.map { ($0.file ?? "", $0) })
        #expect(Set(byFile.keys) == Set(["alias-bomb.yaml", "deep.yaml", "deep.json", "huge.yaml"].map { workspace.path("bad/" + $0) }))
        guard case .aliasExpansion? = byFile[workspace.path("bad/alias-bomb.yaml")]?.limit else {
            Issue.record("the bomb is not refused for aliasing: \(problems)")
            return
        }
        #expect(byFile[workspace.path("bad/alias-bomb.yaml")]?.line == 11)
        #expect(byFile[workspace.path("bad/deep.yaml")]?.limit == .tooDeep(limit: InputLimits.maxDepth))
        #expect(byFile[workspace.path("bad/deep.json")]?.limit == .tooDeep(limit: InputLimits.maxDepth))
        #expect(byFile[workspace.path("bad/huge.yaml")]?.limit
            == .tooLarge(bytes: InputLimits.maxFileBytes + 1, limit: InputLimits.maxFileBytes))
    }

    @Test func readingAnOversizedFileDirectlyIsRefusedWithTheLimit() throws {
        let workspace = try Self.workspace()
        #expect(throws: StoreError.parse(ManifestParseError(
            file: workspace.path("bad/huge.yaml"), line: 1, column: 1,
            limit: .tooLarge(bytes: InputLimits.maxFileBytes + 1, limit: InputLimits.maxFileBytes)))) {
            try FileSystem.read(workspace.path("bad/huge.yaml"), limit: InputLimits.maxFileBytes)
        }
    }
}
