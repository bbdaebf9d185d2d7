import Foundation
import KubeClient
import KubeTestServer

/// A test API server over `store`, and a `ClusterBackend` on it as an admin, through a
/// kubeconfig in a folder of its own (removed by `stop`).
struct TestClusterBackend {
    let server: TestAPIServer
    let backend: ClusterBackend
    /// A scratch folder for the test (the kubeconfig is in it).
    let folder: String

    static func start(_ store: APIStore) async throws -> TestClusterBackend {
        let pki = try TestPKI()
        let server = try await TestAPIServer.start(pki: pki, users: TestAPIServer.Users(tokens: ["admin-token": "admin"]), store: store)
        let folder = NSTemporaryDirectory() + "svcwiz-cluster-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try server.kubeconfig(caCertificate: pki.caCertificate, token: "admin-token", context: "t", namespace: "shop")
            .write(toFile: folder + "/config", atomically: true, encoding: .utf8)
        guard let kubeconfig = try KubeconfigLoader.load(explicit: folder + "/config", environment: [:]) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return TestClusterBackend(server: server, backend: try ClusterBackend(kubeconfig: kubeconfig), folder: folder)
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
