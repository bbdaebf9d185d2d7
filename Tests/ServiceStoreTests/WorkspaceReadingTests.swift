import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

struct WorkspaceReadingTests {
    /// A workspace with every shape of file the reader must handle.
    static func nestedWorkspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.write("shop/frontend.yaml", """
        # The shop's front end
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            app: web
          ports:
          - port: 80
            targetPort: http
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          replicas: 3
          template:
            metadata:
              labels: {app: web, tier: front}
            spec:
              containers:
              - name: web
                ports:
                - {name: http, containerPort: 8080}
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: shop}
        spec:
          template:
            metadata:
              labels: {app: agent}

        """)
        try workspace.write("shop/deep/er/lists.yml", """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Service
          metadata: {name: api, namespace: shop}
          spec:
            selector: {app: api}
        - apiVersion: apps/v1
          kind: StatefulSet
          metadata: {name: db, namespace: shop}
          spec:
            template:
              metadata:
                labels: {app: db}
        - apiVersion: v1
          kind: Service
          metadata: {name: db, namespace: shop}
          spec:
            clusterIP: None
            selector: {app: db}

        """)
        try workspace.write("tools/registry.json", """
        {
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": {"name": "registry", "namespace": "tools"},
            "spec": {"type": "ExternalName", "externalName": "registry.example.com"}
        }

        """)
        try workspace.write("windows.yaml", "apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: win\r\nspec:\r\n  ports:\r\n  - port: 443\r\n")
        try workspace.write("namespaces.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: quiet\n")
        try workspace.write("broken/bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: [oops\n")
        try workspace.write(".git/hidden.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: hidden}\n")
        try workspace.write(".build-store/x.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: built}\n")
        try workspace.write("notes.txt", "apiVersion: v1\nkind: Service\nmetadata: {name: text}\n")
        return workspace
    }

    @Test func readsEveryServiceOfANestedWorkspace() async throws {
        let workspace = try Self.nestedWorkspace()
        let backend = try workspace.backend()
        let rows = try await backend.services(in: .all)
        #expect(rows.map(\.id.description) == ["default/win", "shop/api", "shop/db", "shop/web", "tools/registry"])
        let registry = try #require(rows.first { $0.name == "registry" })
        #expect(registry.kind == .headlessExternalName)
        #expect(try await backend.services(in: .named("shop")).map(\.name) == ["api", "db", "web"])
        #expect(try await backend.services(in: .named("nowhere")).isEmpty)
    }

    @Test func listsNamespacesFromObjectsAndNamespaceDocuments() async throws {
        let workspace = try Self.nestedWorkspace()
        let backend = try workspace.backend()
        #expect(try await backend.namespaces() == ["default", "quiet", "shop", "tools"])
    }

    @Test func reportsABrokenFileWithItsLineAndSkipsIt() async throws {
        let workspace = try Self.nestedWorkspace()
        let backend = try workspace.backend()
        let problems = try await backend.problems()
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.file == workspace.path("broken/bad.yaml"))
        #expect(problem.line >= 4)
        #expect(problem.description.hasPrefix(workspace.path("broken/bad.yaml") + ":\(problem.line):"))
        #expect(try await backend.services(in: .all).allSatisfy { $0.namespace != "broken" })
    }

    @Test func countsMatchingWorkloadsAsBackends() async throws {
        let workspace = try Self.nestedWorkspace()
        let backend = try workspace.backend()
        let rows = try await backend.services(in: .named("shop"))
        #expect(rows.first { $0.name == "web" }?.backends == .init(ready: 1, total: 1))
        #expect(rows.first { $0.name == "db" }?.backends == .init(ready: 1, total: 1))
        #expect(rows.first { $0.name == "api" }?.backends == .init(ready: 0, total: 0))

        let web = try await backend.service(ServiceID(namespace: "shop", name: "web"))
        let status = try await backend.backends(of: web)
        #expect(status.workloads.map(\.name) == ["web"])
        #expect(status.workloads.first?.replicas == 3)
        #expect(try await backend.workloads(in: "shop").map(\.name).sorted() == ["agent", "db", "web"])
    }

    @Test func selectorsMatchOnlyInTheirOwnNamespace() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("a.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: other}
        spec:
          template:
            metadata:
              labels: {app: web}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          selector: {app: web}
        """)
        let backend = try workspace.backend()
        #expect(try await backend.services(in: .all).first?.backends == .init(ready: 0, total: 0))
    }

    @Test func serviceCarriesItsFileAndAStableVersion() async throws {
        let workspace = try Self.nestedWorkspace()
        let backend = try workspace.backend()
        let first = try await backend.service(ServiceID(namespace: "default", name: "win"))
        let again = try await backend.service(ServiceID(namespace: "default", name: "win"))
        #expect(first.location == workspace.path("windows.yaml"))
        #expect(first.version == again.version)
        #expect(first.manifest["spec"]?["ports"]?[0]?["port"]?.int == 443)
        await #expect(throws: StoreError.notFound(ServiceID(namespace: "default", name: "nope"))) {
            try await backend.service(ServiceID(namespace: "default", name: "nope"))
        }
    }

    @Test func rereadsOnlyWhatChangedOnDisk() async throws {
        let workspace = try Self.nestedWorkspace()
        let backend = try workspace.backend()
        _ = try await backend.services(in: .all)
        try workspace.write("broken/bad.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: fixed\n")
        try FileManager.default.removeItem(atPath: workspace.path("tools/registry.json"))
        let rows = try await backend.services(in: .all)
        #expect(rows.map(\.id.description) == ["default/fixed", "default/win", "shop/api", "shop/db", "shop/web"])
        #expect(try await backend.problems().isEmpty)
    }

    @Test func refusesAFolderThatDoesNotExist() {
        #expect(throws: StoreError.self) { try WorkspaceBackend(root: "/nonexistent/svcwiz-workspace") }
    }

    @Test func introducesItselfWithTheFolder() async throws {
        let workspace = try TemporaryWorkspace()
        let backend = try WorkspaceBackend(root: workspace.root + "/")
        #expect(backend.info == BackendInfo(kind: .workspace, location: workspace.root))
    }
}
