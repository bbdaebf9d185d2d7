import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

struct WorkspaceWritingTests {
    static let configMap = """
    # Header comment: owned by the platform team
    apiVersion: v1
    kind: ConfigMap   # keep this comment
    metadata:
      name: settings
    data:
      key: "value"    # and this one

    """
    static let webService = """
    # The web service
    apiVersion: v1
    kind: Service
    metadata:
      name: web   # inline comment that an update keeps
    spec:
      selector: {app: web}
      ports:
      - port: 80

    # a trailing note at column 0

    """
    static let deployment = """
    apiVersion: apps/v1
    kind: Deployment  # untouched
    metadata: {name: web}
    spec:
      template:
        metadata:
          labels: {app: web}

    """

    // MARK: Create

    @Test func createWritesNamespaceFolderAndServiceFile() async throws {
        let workspace = try TemporaryWorkspace()
        let backend = try workspace.backend()
        let manifest = serviceManifest("cart", namespace: "shop")
        let stored = try await backend.create(manifest, dryRun: false)
        #expect(workspace.text("shop/cart.service.yaml") == YAMLWriter.write(manifest))
        #expect(stored.location == workspace.path("shop/cart.service.yaml"))
        #expect(stored.manifest == manifest)
        #expect(try await backend.service(ServiceID(namespace: "shop", name: "cart")).version == stored.version)
        #expect(try await backend.namespaces() == ["shop"])
    }

    @Test func createWithoutNamespaceGoesToDefault() async throws {
        let workspace = try TemporaryWorkspace()
        let backend = try workspace.backend()
        _ = try await backend.create(serviceManifest("cart"), dryRun: false)
        #expect(workspace.exists("default/cart.service.yaml"))
    }

    @Test func createRefusesANameTakenAnywhereInTheNamespace() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("elsewhere/deep/mixed.yaml", Self.configMap + "---\n" + Self.webService)
        let backend = try workspace.backend()
        await #expect(throws: StoreError.alreadyExists(ServiceID(namespace: "default", name: "web"))) {
            try await backend.create(serviceManifest("web"), dryRun: false)
        }
        #expect(!workspace.exists("default"))
    }

    @Test func dryRunValidatesAndWritesNothing() async throws {
        let workspace = try TemporaryWorkspace()
        let backend = try workspace.backend()
        let stored = try await backend.create(serviceManifest("cart", namespace: "shop"), dryRun: true)
        #expect(stored.location == workspace.path("shop/cart.service.yaml"))
        #expect(!workspace.exists("shop"))
        #expect(try await backend.services(in: .all).isEmpty)
        // The version a dry run announces is the one the real write gets.
        let real = try await backend.create(serviceManifest("cart", namespace: "shop"), dryRun: false)
        #expect(real.version == stored.version)
    }

    @Test func invalidObjectIsRefusedAndNothingWritten() async throws {
        let workspace = try TemporaryWorkspace()
        let backend = try workspace.backend()
        var unnamed = serviceManifest("x")
        unnamed["metadata"] = .mapping()
        await #expect {
            try await backend.create(unnamed, dryRun: false)
        } throws: { error in
            guard case StoreError.invalid(_, let errors) = error else { return false }
            return errors.contains { $0.path == "metadata.name" && $0.kind == .required }
        }
        await #expect(throws: StoreError.self) {
            try await backend.create(serviceManifest("../escape"), dryRun: false)
        }
        var configMap = serviceManifest("cm")
        configMap["kind"] = .string("ConfigMap")
        await #expect(throws: StoreError.self) { try await backend.create(configMap, dryRun: false) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root).isEmpty)
    }

    // MARK: Update

    @Test func updateChangesOnlyTheBytesOfTheChangedValue() async throws {
        let workspace = try TemporaryWorkspace()
        let original = Self.configMap + "---\n" + Self.webService + "---\n" + Self.deployment
        try workspace.write("app.yaml", original)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "web"))
        var manifest = stored.manifest
        manifest.set("spec.ports[0].port", to: .int(8080))
        let updated = try await backend.update(manifest, expecting: stored.version)

        let expected = original.replacingOccurrences(of: "  - port: 80\n", with: "  - port: 8080\n")
        #expect(expected != original)
        #expect(workspace.text("app.yaml") == expected)
        #expect(updated.version != stored.version)
        #expect(updated.manifest["spec"]?["ports"]?[0]?["port"]?.int == 8080)
        #expect(try await backend.service(ServiceID(namespace: "default", name: "web")).version == updated.version)
    }

    @Test func updateKeepsCRLFAndTheOtherDocumentsBytes() async throws {
        let workspace = try TemporaryWorkspace()
        let first = "apiVersion: v1\r\nkind: ConfigMap # note\r\nmetadata:\r\n  name: c\r\n"
        let second = "apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: win\r\nspec:\r\n  ports:\r\n  - port: 1\r\n"
        try workspace.write("win.yaml", first + "---\r\n" + second)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "win"))
        var manifest = stored.manifest
        manifest.set("spec.ports[0].port", to: .int(2))
        _ = try await backend.update(manifest, expecting: stored.version)

        let bytes = try #require(workspace.bytes("win.yaml"))
        #expect(Array(bytes.prefix(first.utf8.count + 5)) == Array((first + "---\r\n").utf8))
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            #expect(i > 0 && bytes[i - 1] == 0x0D, "bare LF at byte \(i)")
        }
        #expect(try await backend.service(ServiceID(namespace: "default", name: "win")).manifest["spec"]?["ports"]?[0]?["port"]?.int == 2)
    }

    @Test func updateInsideAListReplacesOnlyThatItem() async throws {
        let workspace = try TemporaryWorkspace()
        let list = """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Service
          metadata: {name: a}
          spec: {selector: {app: a}}
        - apiVersion: v1
          kind: Service
          metadata: {name: b}
          spec: {selector: {app: b}, ports: [{port: 80}]}

        """
        try workspace.write("list.yaml", Self.configMap + "---\n" + list)
        let backend = try workspace.backend()
        let a = try await backend.service(ServiceID(namespace: "default", name: "a"))
        let b = try await backend.service(ServiceID(namespace: "default", name: "b"))
        var manifest = b.manifest
        manifest.set("spec.selector.app", to: .string("bee"))
        _ = try await backend.update(manifest, expecting: b.version)

        let text = try #require(workspace.text("list.yaml"))
        #expect(text.hasPrefix(Self.configMap + "---\n"))
        let file = try ManifestReader.parse(text)
        #expect(file.documents[1].root?["kind"]?.string == "List")
        #expect(file.objects.count == 3)
        #expect(try await backend.service(ServiceID(namespace: "default", name: "b")).manifest["spec"]?["selector"]?["app"]?.string == "bee")
        // The sibling's version did not move: editing b is no conflict for a.
        #expect(try await backend.service(ServiceID(namespace: "default", name: "a")).version == a.version)
    }

    @Test func jsonFileStaysJSON() async throws {
        let workspace = try TemporaryWorkspace()
        let original = serviceManifest("api", namespace: "tools")
        try workspace.write("api.json", JSONWriter.write(original))
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "tools", name: "api"))
        var manifest = stored.manifest
        manifest.set("spec.ports[0].port", to: .int(9090))
        _ = try await backend.update(manifest, expecting: stored.version)
        #expect(workspace.text("api.json") == JSONWriter.write(manifest))
        let reread = try ManifestReader.parse(bytes: try #require(workspace.bytes("api.json")), path: "api.json")
        #expect(reread.format == .json)
    }

    @Test func updateRefusesARenameAndWritesNothing() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("web.yaml", Self.webService)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "web"))
        var renamed = stored.manifest
        renamed.set("metadata.name", to: .string("web2"))
        await #expect {
            try await backend.update(renamed, expecting: stored.version)
        } throws: { error in
            guard case StoreError.invalid(_, let errors) = error else { return false }
            return errors.contains { $0.path == "metadata.name" }
        }
        #expect(workspace.text("web.yaml") == Self.webService)
    }

    @Test func updateAppliesKubernetesUpdateRules() async throws {
        let workspace = try TemporaryWorkspace()
        let original = "apiVersion: v1\nkind: Service\nmetadata: {name: fixed}\nspec:\n  clusterIP: 10.0.0.5\n  ports: [{port: 80}]\n"
        try workspace.write("fixed.yaml", original)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "fixed"))
        var manifest = stored.manifest
        manifest.set("spec.clusterIP", to: .string("10.0.0.6"))
        await #expect {
            try await backend.update(manifest, expecting: stored.version)
        } throws: { error in
            guard case StoreError.invalid(ServiceID(namespace: "default", name: "fixed"), let errors) = error else { return false }
            return errors.contains { $0.path == "spec.clusterIPs[0]" || $0.path == "spec.clusterIP" }
        }
        manifest = stored.manifest
        manifest.set("spec.ports[0].port", to: .int(70000))
        await #expect(throws: StoreError.self) { try await backend.update(manifest, expecting: stored.version) }
        #expect(workspace.text("fixed.yaml") == original)
    }

    @Test func updateOfAFileChangedOnDiskIsAConflict() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("app.yaml", Self.configMap + "---\n" + Self.webService)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "web"))
        let outside = Self.configMap + "---\n" + Self.webService.replacingOccurrences(of: "port: 80", with: "port: 81")
        try workspace.write("app.yaml", outside)

        var manifest = stored.manifest
        manifest.set("spec.ports[0].port", to: .int(8080))
        await #expect {
            try await backend.update(manifest, expecting: stored.version)
        } throws: { error in
            guard case StoreError.conflict(ServiceID(namespace: "default", name: "web"), let current?) = error else { return false }
            return current.manifest["spec"]?["ports"]?[0]?["port"]?.int == 81 && current.version != stored.version
        }
        #expect(workspace.text("app.yaml") == outside)
        await #expect(throws: StoreError.self) {
            try await backend.delete(ServiceID(namespace: "default", name: "web"), expecting: stored.version)
        }
        #expect(workspace.text("app.yaml") == outside)
    }

    @Test func anEditToAnotherDocumentOfTheFileIsNoConflict() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("app.yaml", Self.configMap + "---\n" + Self.webService)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "web"))
        let otherConfig = Self.configMap.replacingOccurrences(of: "\"value\"", with: "\"other\"")
        try workspace.write("app.yaml", otherConfig + "---\n" + Self.webService)
        var manifest = stored.manifest
        manifest.set("spec.ports[0].port", to: .int(8080))
        _ = try await backend.update(manifest, expecting: stored.version)
        #expect(workspace.text("app.yaml")?.hasPrefix(otherConfig + "---\n") == true)
    }

    @Test func aBrokenFileIsNeverRewritten() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("app.yaml", Self.webService)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "web"))
        let broken = Self.webService + "  bad: [\n"
        try workspace.write("app.yaml", broken)
        await #expect {
            try await backend.update(stored.manifest, expecting: stored.version)
        } throws: { error in
            guard case StoreError.parse(let problem) = error else { return false }
            return problem.file == workspace.path("app.yaml")
        }
        #expect(workspace.text("app.yaml") == broken)
    }

    // MARK: Delete

    @Test func deleteRemovesTheDocumentAndItsSeparator() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("app.yaml", Self.configMap + "---\n" + Self.webService + "---\n" + Self.deployment)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "web"))
        try await backend.delete(ServiceID(namespace: "default", name: "web"), expecting: stored.version)
        #expect(workspace.text("app.yaml") == Self.configMap + "---\n" + Self.deployment)
        #expect(try await backend.services(in: .all).isEmpty)
    }

    @Test func deleteOfTheFirstDocumentKeepsTheRest() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("app.yaml", Self.webService + "---\n" + Self.deployment)
        let backend = try workspace.backend()
        try await backend.delete(ServiceID(namespace: "default", name: "web"), expecting: nil)
        #expect(workspace.text("app.yaml") == Self.deployment)
    }

    @Test func deleteOfTheOnlyDocumentRemovesTheFile() async throws {
        let workspace = try TemporaryWorkspace()
        let backend = try workspace.backend()
        let stored = try await backend.create(serviceManifest("cart", namespace: "shop"), dryRun: false)
        try await backend.delete(ServiceID(namespace: "shop", name: "cart"), expecting: stored.version)
        #expect(!workspace.exists("shop/cart.service.yaml"))
        await #expect(throws: StoreError.notFound(ServiceID(namespace: "shop", name: "cart"))) {
            try await backend.delete(ServiceID(namespace: "shop", name: "cart"), expecting: nil)
        }
    }

    @Test func deleteInsideAListRemovesTheItem() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("list.json", """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a"}},
          {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "b"}}
        ]}

        """)
        let backend = try workspace.backend()
        try await backend.delete(ServiceID(namespace: "default", name: "a"), expecting: nil)
        #expect(try await backend.services(in: .all).map(\.name) == ["b"])
        #expect(workspace.text("list.json")?.hasPrefix("{") == true)
    }

    // MARK: Failing writes

    struct RefusingWriter: FileWriting {
        func replace(_ path: String, with bytes: [UInt8]) throws(StoreError) {
            throw StoreError.io(path: path, message: "Read-only file system")
        }
        func remove(_ path: String) throws(StoreError) {
            throw StoreError.io(path: path, message: "Read-only file system")
        }
        func makeDirectory(_ path: String) throws(StoreError) {}
    }

    @Test func aFailedWriteNamesThePathAndLeavesTheFileWhole() async throws {
        let workspace = try TemporaryWorkspace()
        let original = Self.configMap + "---\n" + Self.webService
        try workspace.write("app.yaml", original)
        let backend = try workspace.backend(writer: RefusingWriter())
        let stored = try await backend.service(ServiceID(namespace: "default", name: "web"))
        var manifest = stored.manifest
        manifest.set("spec.ports[0].port", to: .int(8080))
        await #expect(throws: StoreError.io(path: workspace.path("app.yaml"), message: "Read-only file system")) {
            try await backend.update(manifest, expecting: stored.version)
        }
        await #expect(throws: StoreError.io(path: workspace.path("app.yaml"), message: "Read-only file system")) {
            try await backend.delete(ServiceID(namespace: "default", name: "web"), expecting: nil)
        }
        #expect(workspace.text("app.yaml") == original)
        // The index still holds what is on disk.
        #expect(try await backend.service(ServiceID(namespace: "default", name: "web")).version == stored.version)
    }
}
