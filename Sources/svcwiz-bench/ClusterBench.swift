import Foundation
import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import SvcWizApp

/// The in-process HTTPS test API server (real TLS, lists in name order in pages with
/// `limit`/`continue`, watches) holding `count` services in `default` as a real server
/// returns them (`ClusterCorpus`), and a kubeconfig that points at it with a bearer token.
final class BenchCluster {
    static let token = "bench-token-0123456789"
    let server: TestAPIServer
    let kubeconfigPath: String

    static func start(count: Int, folder: String) async throws -> BenchCluster {
        let pki = try TestPKI()
        let store = APIStore(namespaces: ["default"])
        for i in 0..<count {
            store.seed(try ClusterCorpus.object(i, namespace: "default"), namespace: "default")
        }
        let server = try await TestAPIServer.start(pki: pki, users: TestAPIServer.Users(tokens: [token: "admin"]), store: store)
        let path = folder + "/kubeconfig-\(count)"
        try Corpus.write(server.kubeconfig(caCertificate: pki.caCertificate, token: token, context: "bench", namespace: "default"),
                         to: path)
        return BenchCluster(server: server, kubeconfigPath: path)
    }

    private init(server: TestAPIServer, kubeconfigPath: String) {
        self.server = server
        self.kubeconfigPath = kubeconfigPath
    }

    func backend() throws -> ClusterBackend {
        guard let config = try KubeconfigLoader.load(explicit: kubeconfigPath, environment: [:]) else {
            throw BenchError("no kubeconfig at \(kubeconfigPath)")
        }
        return try ClusterBackend(kubeconfig: config)
    }

    /// Server event to rendered frame: a service is created in the server's store; the
    /// time runs until the app's state, fed by `ClusterBackend.changes` (the watch the app
    /// runs), has it and the frame is rendered.
    func watchLatency(samples: Int, base: Int) async throws -> Samples {
        let backend = try backend()
        let scope = NamespaceScope.named("default")
        var iterator = backend.changes(in: scope).makeAsyncIterator()
        var first = await iterator.next()
        while case .loading? = first { first = await iterator.next() }  // the list's first pages
        guard case .reset(let rows)? = first else { throw BenchError("the watch did not start with a list") }
        var driver = AppDriver(rows: rows, location: server.url)
        // The list came first; the watch connection opens right after it.
        try await Task.sleep(for: .milliseconds(500))
        var result = Samples()
        let clock = ContinuousClock()
        for n in 0..<samples {
            let manifest = try Corpus.manifests(count: 1, namespace: "default")[0]
            var created = manifest
            let name = Corpus.name(base + n)
            created.set("metadata.name", to: .string(name))
            let start = clock.now
            server.store.seed(created, namespace: "default")
            var applied = false
            while !applied, let event = await iterator.next() {
                driver.apply(.store(scope, event))
                if case .upserted(let row) = event, row.name == name { applied = true }
            }
            result.add(clock.now - start)
            guard driver.state.list.services.rows.count == rows.count + n + 1 else { throw BenchError("the watch lost an event") }
            try await Task.sleep(for: .milliseconds(100))
        }
        return result
    }
}
