import Foundation
import Testing
import ServiceModel
import TerminalUI

/// The `svcwiz` binary's subcommands, run as a script would run them.
@Suite(.serialized)
struct CommandLineTests {
    @Test func listShowsTheShopWithAliasesAndAlignedColumns() async throws {
        let result = try await SvcWizBinary.run(["list", "--workspace", ProjectPaths.shop.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("NAME") == true)
        let frontend = try #require(lines.first { $0.hasPrefix("frontend (前端)") })
        #expect(frontend.contains("VirtualIP+NodePort"))
        #expect(frontend.contains(":30080"))
        #expect(frontend.contains("http:80/TCP->8080"))
        #expect(lines.contains { $0.hasPrefix("mysql (数据库)") && $0.contains("Headless") && $0.contains("None") })
        #expect(lines.contains { $0.hasPrefix("payments-ext ") && $0.contains("pay.example.com") })
        // Columns line up by display width: TYPE starts at the same cell on every line.
        let typeColumn = String(lines[0][..<lines[0].range(of: "TYPE")!.lowerBound]).displayWidth
        for line in lines.dropFirst() {
            let cells = line.split(separator: " ", omittingEmptySubsequences: true)
            let typeCell = cells.first { $0.hasPrefix("VirtualIP") || $0 == "Headless" || $0 == "ExternalName" }
            let prefix = line[..<line.range(of: String(try #require(typeCell)))!.lowerBound]
            #expect(String(prefix).displayWidth == typeColumn, "\(line)")
        }
    }

    @Test func listAllNamespacesAndOtherFormats() async throws {
        let all = try await SvcWizBinary.run(["list", "-A", "--workspace", ProjectPaths.shop.path])
        #expect(all.stdout.hasPrefix("NAMESPACE"))
        let names = try await SvcWizBinary.run(["list", "-o", "name", "--workspace", ProjectPaths.shop.path])
        #expect(names.stdout.contains("service/catalog\n"))
        let json = try await SvcWizBinary.run(["list", "-o", "json", "--workspace", ProjectPaths.shop.path])
        let list = try #require(try ManifestReader.objects(json.stdout, path: "x.json").count == 9 ? true : nil)
        #expect(list)
    }

    @Test func getPrintsTheStoredManifest() async throws {
        let result = try await SvcWizBinary.run(["get", "frontend", "-n", "shop", "-o", "json", "--workspace", ProjectPaths.shop.path])
        #expect(result.status == 0)
        let node = try #require(try ManifestReader.objects(result.stdout, path: "x.json").first)
        #expect(node.node(at: "spec.ports[0].nodePort")?.int == 30080)
        #expect(node.node(at: "metadata.annotations[kubesphere.io/alias-name]")?.string == "前端")
    }

    @Test func getOfAMissingServiceSaysSoAndFails() async throws {
        let result = try await SvcWizBinary.run(["get", "nope", "-n", "shop", "--workspace", ProjectPaths.shop.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("nope"))
    }

    @Test func validatePrintsFileLineFieldAndMessage() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
        apiVersion: v1
        kind: Service
        metadata:
          name: Web_API
        spec:
          ports:
          - port: 70000
        """.write(to: bad, atomically: true, encoding: .utf8)
        let result = try await SvcWizBinary.run(["validate", bad.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(bad.path):4: metadata.name: "))
        #expect(result.stdout.contains("\(bad.path):7: spec.ports[0].port: "))
        let good = try await SvcWizBinary.run(["validate", ProjectPaths.shop.appendingPathComponent("services/api.yaml").path])
        #expect(good.status == 0, "\(good.stdout)")
    }

    @Test func validateReportsParseErrorsWithLineAndColumn() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-broken-\(UUID().uuidString).yaml")
        try "kind: Service\nmetadata:\n  name: [web\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try await SvcWizBinary.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("\(file.path):"))
    }

    @Test func applyCreatesUpdatesAndRefusesInvalidInput() async throws {
        let workspace = try ProjectPaths.copyOfShop()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let file = workspace.deletingLastPathComponent().appendingPathComponent("new-\(UUID().uuidString).yaml")
        try """
        apiVersion: v1
        kind: Service
        metadata:
          name: search
          namespace: shop
        spec:
          selector: {app: search}
          ports:
          - port: 80
        """.write(to: file, atomically: true, encoding: .utf8)
        let created = try await SvcWizBinary.run(["apply", "-f", file.path, "--workspace", workspace.path])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("service/search created"))
        #expect(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("shop/search.service.yaml").path))
        let again = try await SvcWizBinary.run(["apply", "-f", file.path, "--workspace", workspace.path])
        #expect(again.stdout.contains("service/search unchanged"))

        let before = try Data(contentsOf: workspace.appendingPathComponent("shop/search.service.yaml"))
        try String(decoding: Data(contentsOf: file), as: UTF8.self).replacingOccurrences(of: "port: 80", with: "port: 0")
            .write(to: file, atomically: true, encoding: .utf8)
        let invalid = try await SvcWizBinary.run(["apply", "-f", file.path, "--workspace", workspace.path])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("spec.ports[0].port"))
        #expect(try Data(contentsOf: workspace.appendingPathComponent("shop/search.service.yaml")) == before)
    }

    @Test func deleteAndExport() async throws {
        let workspace = try ProjectPaths.copyOfShop()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let out = workspace.appendingPathComponent("exported")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let exported = try await SvcWizBinary.run(["export", "catalog", "-n", "shop", "--file", out.path, "--workspace", workspace.path])
        #expect(exported.status == 0, "\(exported.stderr)")
        let path = out.appendingPathComponent("catalog.shop.service.yaml").path
        #expect(exported.stdout.contains(path))
        #expect(try await SvcWizBinary.run(["validate", path]).status == 0)

        let deleted = try await SvcWizBinary.run(["delete", "legacy-payments", "-n", "shop", "--workspace", workspace.path])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let api = try String(contentsOf: workspace.appendingPathComponent("services/api.yaml"), encoding: .utf8)
        #expect(!api.contains("legacy-payments"))
        #expect(api.contains("name: catalog"))
        #expect(api.hasPrefix("# The shop's internal APIs."))
    }

    @Test func convertReproducesEveryServiceOfTheCorpus() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: ProjectPaths.corpus.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
        #expect(files.count > 40)
        var services = 0
        for name in files {
            let path = ProjectPaths.corpus.appendingPathComponent(name).path
            let input = try ManifestReader.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
            let expected = input.objects.map(\.node)
            let result = try await SvcWizBinary.run(["convert", "-f", path])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let output = try ManifestReader.parse(result.stdout).objects.map(\.node)
            #expect(output.count == expected.count, "\(name)")
            for (a, b) in zip(output, expected) {
                #expect(a.sameData(as: b), "\(name): \(b["metadata"]?["name"]?.scalarText ?? "?")")
                if b["kind"]?.string == "Service" { services += 1 }
            }
        }
        #expect(services >= 90)
    }
}
