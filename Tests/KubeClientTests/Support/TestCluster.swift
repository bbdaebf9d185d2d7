import Foundation
import KubeClient
import KubeTestServer
import NIOCore
import ServiceModel
import ServiceStore

/// One PKI for the whole test run (RSA key generation is slow on two cores).
enum SharedPKI {
    static let pki: TestPKI = {
        do {
            return try TestPKI()
        } catch {
            fatalError("cannot make the test PKI with /usr/bin/openssl: \(error)")
        }
    }()
}

/// A running test API server with its users, and helpers to point a kubeconfig at it.
final class TestCluster: Sendable {
    static let adminToken = "admin-token-0123456789"
    static let viewerToken = "viewer-token-0123456789"

    let server: TestAPIServer
    let users: TestAPIServer.Users
    let folder: String
    var pki: TestPKI { SharedPKI.pki }
    var store: APIStore { server.store }

    static func start(namespaces: [String] = ["default", "demo", "kube-system"], certificate: String? = nil,
                      kubeVersion: KubeVersion = .oldest) async throws -> TestCluster {
        let pki = SharedPKI.pki
        var certificates: [[UInt8]: String] = [:]
        for form in TestPKI.KeyForm.allCases {
            certificates[try derBytes(pki.client("admin", form).certificate)] = "admin"
        }
        certificates[try derBytes(pki.client("viewer", .ecPKCS8).certificate)] = "viewer"
        let users = TestAPIServer.Users(
            tokens: [adminToken: "admin", viewerToken: "viewer"],
            passwords: ["alice": (password: "s3cret-pass", user: "admin")],
            certificates: certificates)
        let server = try await TestAPIServer.start(pki: pki, users: users, store: APIStore(namespaces: namespaces, kubeVersion: kubeVersion), certificate: certificate)
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("svcwiz-kube-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return TestCluster(server: server, users: users, folder: folder)
    }

    private init(server: TestAPIServer, users: TestAPIServer.Users, folder: String) {
        self.server = server
        self.users = users
        self.folder = folder
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `text` to `name` in this cluster's temporary folder and returns the path.
    @discardableResult
    func write(_ text: String, to name: String, executable: Bool = false) throws -> String {
        let path = folder + "/" + name
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }
        return path
    }

    /// A kubeconfig with one context `test` pointing at this server; `cluster` and `user`
    /// lines go under the entries as written (indented by the helper).
    func kubeconfig(cluster: [String]? = nil, user: [String], namespace: String? = nil, server: String? = nil) -> String {
        let clusterLines = cluster ?? ["certificate-authority: \(pki.caCertificate)"]
        return """
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: test-cluster
          cluster:
            server: \(server ?? self.server.url)
        \(clusterLines.map { "    " + $0 }.joined(separator: "\n"))
        users:
        - name: test-user
          user:
        \(user.map { "    " + $0 }.joined(separator: "\n"))
        contexts:
        - name: test
          context:
            cluster: test-cluster
            user: test-user
        \(namespace.map { "    namespace: \($0)" } ?? "")
        """
    }

    /// A backend for a kubeconfig text (written to a file so relative paths work).
    func backend(_ kubeconfigText: String, options: ClusterOptions = TestCluster.fastOptions) throws -> ClusterBackend {
        let path = try write(kubeconfigText, to: "config-\(UUID().uuidString)")
        guard let config = try KubeconfigLoader.load(explicit: path, environment: [:]) else {
            throw KubeconfigError.noContext(files: [path])
        }
        return try ClusterBackend(kubeconfig: config, options: options)
    }

    /// An admin backend using the bearer token and the CA file.
    func adminBackend(options: ClusterOptions = TestCluster.fastOptions) throws -> ClusterBackend {
        try backend(kubeconfig(user: ["token: \(Self.adminToken)"], namespace: "demo"), options: options)
    }

    static var fastOptions: ClusterOptions {
        var options = ClusterOptions()
        // Generous where a busy machine is slow (a debug build's TLS handshake under load
        // takes seconds) and nothing is measured; tests of these bounds set their own.
        options.connectTimeout = .seconds(15)
        options.patience = .seconds(30)
        options.readTimeout = .seconds(5)
        options.readAttempts = 3
        options.retryDelay = .milliseconds(50)
        options.maxRetryDelay = .milliseconds(400)
        options.watchTimeoutSeconds = 30
        return options
    }

    static func derBytes(_ pemPath: String) throws -> [UInt8] {
        let text = try String(contentsOfFile: pemPath, encoding: .utf8)
        let body = text.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Array(Data(base64Encoded: body) ?? Data())
    }
}

/// Manifests for tests.
enum Manifests {
    static func service(_ name: String, namespace: String = "demo", type: String? = nil, port: Int = 80,
                        selector: String = "web") -> ManifestNode {
        var spec: [ManifestEntry] = [
            ManifestEntry(key: "selector", value: .mapping(["app": .string(selector)])),
            ManifestEntry(key: "ports", value: .sequence([.mapping(["name": .string("http"), "port": .int(port), "targetPort": .int(8080)])])),
        ]
        if let type { spec.append(ManifestEntry(key: "type", value: .string(type))) }
        return .mapping([
            "apiVersion": .string("v1"), "kind": .string("Service"),
            "metadata": .mapping(["name": .string(name), "namespace": .string(namespace)]),
            "spec": .mapping(spec),
        ])
    }

    static func json(_ text: String) -> ManifestNode {
        (try? ManifestReader.parse(text, format: .json).documents.first?.root) ?? .null
    }
}

/// Reads the recorded kube-apiserver fixtures (`shared/fixtures/kube-api`), found beside an
/// ancestor folder of this file (the work tree, a CI clone) or at `SVCWIZ_FIXTURES`.
enum Fixtures {
    static let folder: String? = {
        if let path = ProcessInfo.processInfo.environment["SVCWIZ_FIXTURES"] { return path }
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("shared/fixtures/kube-api").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }()

    struct Fixture {
        var name: String
        var method: String
        var path: String
        var query: [String: String]
        var requestBody: ManifestNode?
        var rawRequestBody: [UInt8]
        var auth: String?
        var status: Int
        var body: ManifestNode
    }

    static func load(_ prefix: String) throws -> Fixture {
        guard let folder else { throw FixtureError(description: "shared/fixtures/kube-api not found") }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        guard let file = names.first(where: { $0.hasPrefix(prefix + "-") && $0.hasSuffix(".json") }),
              let data = FileManager.default.contents(atPath: folder + "/" + file),
              let root = try ManifestReader.parse(bytes: Array(data), format: .json).documents.first?.root else {
            throw FixtureError(description: "fixture \(prefix) not found")
        }
        let request = root["request"]
        let requestBody = request?["body"]
        var raw: [UInt8] = []
        if let body = requestBody, !body.isNull {
            raw = Array((body.string ?? JSONWriter.compact(body)).utf8)
        }
        return Fixture(
            name: file, method: request?["method"]?.string ?? "GET", path: request?["path"]?.string ?? "/",
            query: Dictionary(uniqueKeysWithValues: (request?["query"]?.entries ?? []).map { ($0.key, $0.value.scalarText ?? "") }),
            requestBody: requestBody?.isMapping == true ? requestBody : nil, rawRequestBody: raw,
            auth: root["auth"]?.string, status: root["response"]?["status"]?.int ?? 0,
            body: root["response"]?["body"] ?? .null)
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
    }
}
