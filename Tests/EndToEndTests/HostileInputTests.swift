import Foundation
import Testing
import ServiceModel

/// Hostile files through the real binary: refused with the place and the reason, and a
/// workspace holding them still lists its good services.
@Suite struct HostileInputTests {
    static let hostile = ProjectPaths.root.appendingPathComponent("Tests/Fixtures/hostile")

    @Test func listShowsTheGoodServicesAndWarnsAboutEachHostileFile() async throws {
        let folder = try ProjectPaths.copyOfShop()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
        for name in ["alias-bomb.yaml", "deep.yaml", "deep.json"] {
            try FileManager.default.copyItem(at: Self.hostile.appendingPathComponent(name), to: bad.appendingPathComponent(name))
        }
        let huge = bad.appendingPathComponent("huge.yaml").path
        #expect(FileManager.default.createFile(atPath: huge, contents: Data("apiVersion: v1\n".utf8)))
        #expect(truncate(huge, off_t(InputLimits.maxFileBytes + 1)) == 0)

        let result = try await SvcWizBinary.run(["list", "-A", "-o", "name", "--workspace", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 9, "\(result.stdout)")
        #expect(result.stdout.contains("service/frontend\n"))
        let warnings = result.stderr.split(separator: "\n").map(String.init)
        #expect(warnings.contains { $0.hasPrefix("svcwiz: warning: \(bad.path)/alias-bomb.yaml:11:") && $0.contains("refused: alias *c") })
        #expect(warnings.contains { $0.hasPrefix("svcwiz: warning: \(bad.path)/deep.yaml:6:") && $0.contains("nested more than \(InputLimits.maxDepth) levels") })
        #expect(warnings.contains { $0.hasPrefix("svcwiz: warning: \(bad.path)/deep.json:1:") && $0.contains("nested more than \(InputLimits.maxDepth) levels") })
        #expect(warnings.contains { $0.hasPrefix("svcwiz: warning: \(huge):1:1:") && $0.contains("over the 32 MiB limit") })
    }

    @Test func validateRefusesTheBombWithFileLineAndReason() async throws {
        let bomb = Self.hostile.appendingPathComponent("alias-bomb.yaml").path
        let result = try await SvcWizBinary.run(["validate", bomb])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(bomb):11:"), "\(result.stdout)")
        #expect(result.stdout.contains("refused: alias *c makes the document expand too much"))
        let chinese = try await SvcWizBinary.run(["validate", "--lang", "zh", bomb])
        #expect(chinese.stdout.contains("已拒绝：别名 *c 使文档过度展开"), "\(chinese.stdout)")
    }
}
