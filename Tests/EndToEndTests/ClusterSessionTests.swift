import Foundation
import Testing
import KubeTestServer
import ServiceModel

/// The terminal UI against a cluster: the in-process HTTPS test API server (which answers
/// as the recorded kube-apiserver does), a kubeconfig pointing at it, svcwiz in tmux.
@Suite(.serialized)
struct ClusterSessionTests {
    static let adminToken = "e2e-admin-token"
    static let viewerToken = "e2e-viewer-token"

    final class Cluster {
        let server: TestAPIServer
        let pki: TestPKI
        let folder: URL

        init(server: TestAPIServer, pki: TestPKI, folder: URL) {
            self.server = server
            self.pki = pki
            self.folder = folder
        }

        static func start(kubeVersion: KubeVersion = .oldest) async throws -> Cluster {
            let pki = try TestPKI()
            let users = TestAPIServer.Users(tokens: [adminToken: "admin", viewerToken: "viewer"])
            let store = APIStore(namespaces: ["default", "demo"], kubeVersion: kubeVersion)
            for (name, port) in [("web", 80), ("api", 8080)] {
                store.seed(try ManifestReader.objects("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(name)
                  annotations: {kubesphere.io/alias-name: 网站}
                spec:
                  selector: {app: \(name)}
                  ports:
                  - name: http
                    port: \(port)
                """)[0], namespace: "demo")
            }
            let server = try await TestAPIServer.start(pki: pki, users: users, store: store)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-cluster-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return Cluster(server: server, pki: pki, folder: folder)
        }

        /// A kubeconfig with a CA file and a bearer token, context `e2e` on namespace demo.
        func kubeconfig(token: String) throws -> String {
            let path = folder.appendingPathComponent("config-\(token)").path
            try server.kubeconfig(caCertificate: pki.caCertificate, token: token, context: "e2e", namespace: "demo")
                .write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        func stop() async {
            await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }
    }

    func launch(_ tmux: TmuxSession, kubeconfig: String, waitingFor text: String = "web") async throws {
        try await tmux.type("\(SvcWizBinary.path) --kubeconfig '\(kubeconfig)'")
        try await tmux.keys("Enter")
        try await tmux.waitFor { $0.contains("CLUSTER-IP") && $0.contains(text) }
    }

    func press(_ tmux: TmuxSession, _ keys: String...) async throws {
        for key in keys {
            try await tmux.keys(key)
            try await Task.sleep(nanoseconds: 150_000_000)
        }
    }

    @Test func listCreateShowAndDeleteOnACluster() async throws {
        let cluster = try await Cluster.start()
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-state-\(UUID().uuidString)")
        let tmux = try await TmuxSession.start(environment: ["XDG_STATE_HOME": state.path])
        let screen = try await { () async throws -> String in
            try await launch(tmux, kubeconfig: try cluster.kubeconfig(token: Self.adminToken))
            return try await tmux.screen()
        }()
        #expect(screen.contains("cluster e2e"))
        #expect(screen.contains("ns: demo"))
        #expect(screen.contains("web (网站)"))

        // Create by keys alone: the server defaults and allocates it.
        try await press(tmux, "c")
        try await tmux.waitFor { $0.contains("Create service") }
        try await tmux.type("shop")
        try await press(tmux, "C-n", "Tab")
        try await tmux.type("app")
        try await press(tmux, "Tab")
        try await tmux.type("shop")
        try await press(tmux, "Tab")
        try await tmux.type("http")
        try await press(tmux, "Tab", "Tab", "Tab")
        try await tmux.type("80")
        try await press(tmux, "C-s")
        // The detail loads after the message: wait for both, not for the message alone.
        let detail = try await tmux.waitFor { $0.contains("Created service shop") && $0.contains("Events") }
        #expect(detail.contains("Events"), "a cluster's detail screen has an events section")
        let created = try #require(cluster.server.store.object("services", namespace: "demo", name: "shop"))
        #expect(created.node(at: "spec.ports[0].targetPort")?.int == 80, "defaulted by the server")
        #expect(created.node(at: "spec.clusterIP")?.string?.hasPrefix("10.96.") == true)

        // Back to the list; the watch has it; delete it with Ctrl-D twice.
        try await press(tmux, "Escape")
        try await tmux.waitFor { $0.contains("CLUSTER-IP") && $0.contains("shop") }
        try await tmux.type("/shop")
        try await press(tmux, "Enter", "C-d")
        try await tmux.waitFor { $0.contains("Delete service shop?") }
        try await press(tmux, "C-d")
        try await tmux.waitFor { $0.contains("Deleted shop.") }
        #expect(cluster.server.store.object("services", namespace: "demo", name: "shop") == nil)
        try await press(tmux, "q")
        await cluster.stop()
        try? FileManager.default.removeItem(at: state)
    }

    @Test func aViewerSeesNoWriteActions() async throws {
        let cluster = try await Cluster.start()
        let tmux = try await TmuxSession.start()
        // The recorded viewer may do nothing at all, listing included (fixture 097).
        try await launch(tmux, kubeconfig: try cluster.kubeconfig(token: Self.viewerToken), waitingFor: "not allowed to list services")
        // RBAC denies the viewer every write: the keys leave the footer once the server answered.
        let screen = try await tmux.waitFor { !$0.contains("c create") && $0.contains("? help") }
        #expect(!screen.contains("^D delete"))
        #expect(!screen.contains("e edit"))
        try await press(tmux, "c")
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(try await !tmux.screen().contains("Create service"))
        try await press(tmux, "q")
        await cluster.stop()
    }
}
