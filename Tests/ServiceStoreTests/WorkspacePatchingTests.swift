import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

/// Updates patch the service's document in place: comments and layout stay, nothing changed
/// writes nothing, and the user's own text is written as typed.
struct WorkspacePatchingTests {
    static let frontend = """
        # Storefront web UI, reachable from outside on every node at port 30080.
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          labels:
            app: frontend
        spec:
          type: NodePort   # the firewall only opens 30080
          selector:
            app: frontend
          ports:
          - name: http
            port: 80
            # fixed: the firewall rule names it
            nodePort: 30080

        """

    @Test func addingALabelAddsOneLineAndKeepsTheComments() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("frontend.yaml", Self.frontend)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "frontend"))
        #expect(stored.text?.text == Self.frontend)
        var manifest = stored.manifest
        manifest.set("metadata.labels.tier", to: .string("web"))
        _ = try await backend.update(manifest, expecting: stored.version)
        #expect(workspace.text("frontend.yaml")
                == Self.frontend.replacingOccurrences(of: "    app: frontend\n  labels", with: "")
                    .replacingOccurrences(of: "  labels:\n    app: frontend\n", with: "  labels:\n    app: frontend\n    tier: web\n"))
    }

    @Test func anUpdateThatChangesNothingWritesNothing() async throws {
        let workspace = try TemporaryWorkspace()
        let path = try workspace.write("frontend.yaml", Self.frontend)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "frontend"))
        let before = try #require(FileSystem.status(path)?.stamp)
        // The same data in other spellings and order is no change either.
        var manifest = stored.manifest
        manifest.set("metadata.namespace", to: .string("default"))
        manifest.set("spec.ports[0].port", to: ManifestNode(.scalar(Scalar(text: "0x50", kind: .int))))
        let result = try await backend.update(manifest, expecting: stored.version)
        #expect(result.version == stored.version)
        #expect(FileSystem.status(path)?.stamp == before)
        #expect(workspace.text("frontend.yaml") == Self.frontend)
    }

    @Test func aDocumentWithoutANamespaceStaysWithoutOne() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("frontend.yaml", Self.frontend)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "frontend"))
        var manifest = stored.manifest
        manifest.set("metadata.namespace", to: .string("default"))
        manifest.set("spec.type", to: .string("LoadBalancer"))
        _ = try await backend.update(manifest, expecting: stored.version)
        let text = try #require(workspace.text("frontend.yaml"))
        #expect(!text.contains("namespace"))
        #expect(text.contains("  type: LoadBalancer   # the firewall only opens 30080\n"))
    }

    @Test func theUsersTextIsWrittenAsTypedInTheDocumentsLineBreaks() async throws {
        let workspace = try TemporaryWorkspace()
        let crlf = Self.frontend.replacingOccurrences(of: "\n", with: "\r\n")
        let other = "apiVersion: v1\r\nkind: ConfigMap # other\r\nmetadata:\r\n  name: c\r\n"
        try workspace.write("app.yaml", crlf + "---\r\n" + other)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "frontend"))
        let typed = Self.frontend.replacingOccurrences(of: "  selector:\n", with: "  # who serves it\n  selector:\n")
        let manifest = try #require(ManifestText(typed, format: .yaml).root)
        _ = try await backend.update(manifest, writing: ManifestText(typed, format: .yaml), expecting: stored.version)
        #expect(workspace.text("app.yaml") == typed.replacingOccurrences(of: "\n", with: "\r\n") + "---\r\n" + other)
    }

    @Test func anInvalidTextIsRefusedAndNothingWritten() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("frontend.yaml", Self.frontend)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "frontend"))
        let typed = Self.frontend.replacingOccurrences(of: "nodePort: 30080", with: "nodePort: 99999")
        let manifest = try #require(ManifestText(typed, format: .yaml).root)
        await #expect(throws: StoreError.self) {
            _ = try await backend.update(manifest, writing: ManifestText(typed, format: .yaml), expecting: stored.version)
        }
        #expect(workspace.text("frontend.yaml") == Self.frontend)
    }

    @Test func anItemOfAListIsPatchedInsideTheList() async throws {
        let workspace = try TemporaryWorkspace()
        let list = """
            apiVersion: v1
            kind: List
            items:
            # the first service
            - apiVersion: v1
              kind: Service
              metadata: {name: a}   # flow, kept flow
              spec:
                ports: [{port: 80}]

            """
        try workspace.write("list.yaml", list)
        let backend = try workspace.backend()
        let stored = try await backend.service(ServiceID(namespace: "default", name: "a"))
        #expect(stored.text == nil)
        var manifest = stored.manifest
        manifest.set("metadata.labels", to: .mapping(["app": .string("a")]))
        _ = try await backend.update(manifest, expecting: stored.version)
        #expect(workspace.text("list.yaml")
                == list.replacingOccurrences(of: "{name: a}", with: "{name: a, labels: {app: a}}"))
    }
}
