import Foundation
import KubeClient
import Testing

@Suite struct KubeconfigTests {
    let folder: String

    init() throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("svcwiz-kubeconfig-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder + "/a/certs", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/b", withIntermediateDirectories: true)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = folder + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let first = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: shared
          cluster:
            server: https://first.example:6443
            certificate-authority: certs/ca.crt
        - name: only-first
          cluster:
            server: https://only-first.example
        users:
        - name: u
          user:
            tokenFile: certs/token
        contexts:
        - name: one
          context: {cluster: shared, user: u, namespace: team-a}
        """

    static let second = """
        apiVersion: v1
        kind: Config
        current-context: two
        clusters:
        - name: shared
          cluster:
            server: https://second.example:6443
        - name: only-second
          cluster:
            server: https://only-second.example
            insecure-skip-tls-verify: true
            certificate-authority-data: aGVsbG8=
        users:
        - name: u
          user: {token: from-second}
        contexts:
        - name: two
          context: {cluster: only-second, user: u}
        - name: one
          context: {cluster: only-second, user: u}
        """

    @Test func testKUBECONFIGMergesFirstDefinitionWinsAndFirstCurrentContext() throws {
        let a = try write(Self.first, "a/config")
        let b = try write(Self.second, "b/config")
        let missing = folder + "/nowhere/config"
        let config = try #require(try KubeconfigLoader.load(explicit: nil, environment: ["KUBECONFIG": "\(a):\(missing)::\(b)"]))
        #expect(config.files == [a, b])
        #expect(config.clusters["shared"]?.server == "https://first.example:6443")
        #expect(config.clusters["only-first"] != nil && config.clusters["only-second"] != nil)
        #expect(config.contexts["one"]?.cluster == "shared")
        #expect(config.contexts["one"]?.namespace == "team-a")
        // The first file sets no current-context, so the second one's counts.
        #expect(config.currentContext == "two")
        // Relative paths are relative to the file that wrote them.
        #expect(config.clusters["shared"]?.certificateAuthority == folder + "/a/certs/ca.crt")
        #expect(config.users["u"]?.tokenFile == folder + "/a/certs/token")
        #expect(config.users["u"]?.token == nil)
        #expect(config.clusters["only-second"]?.certificateAuthorityData == Array("hello".utf8))
        #expect(config.clusters["only-second"]?.insecureSkipTLSVerify == true)
        // Secrets stay out of descriptions.
        let alone = try KubeconfigLoader.load(files: [b])
        #expect(alone.users["u"]?.token == "from-second")
        #expect(!String(describing: alone).contains("from-second"))
        #expect(!String(reflecting: try alone.resolve()).contains("from-second"))
    }

    @Test func testExplicitKubeconfigBeatsTheEnvironmentAndHomeIsTheFallback() throws {
        let a = try write(Self.first, "a/config")
        let b = try write(Self.second, "b/config")
        #expect(KubeconfigLoader.paths(explicit: b, environment: ["KUBECONFIG": a], home: nil) == [b])
        #expect(KubeconfigLoader.paths(explicit: nil, environment: ["KUBECONFIG": a], home: folder) == [a])
        try FileManager.default.createDirectory(atPath: folder + "/.kube", withIntermediateDirectories: true)
        let home = try write(Self.second, ".kube/config")
        #expect(KubeconfigLoader.paths(explicit: nil, environment: [:], home: folder) == [home])
        #expect(KubeconfigLoader.paths(explicit: nil, environment: [:], home: folder + "/a").isEmpty)
        #expect(try KubeconfigLoader.load(explicit: nil, environment: [:], home: folder + "/a") == nil)
    }

    @Test func testContextOverrideAndUnknownContextListsTheKnownOnes() throws {
        let config = try KubeconfigLoader.load(files: [try write(Self.first, "a/config"), try write(Self.second, "b/config")])
        #expect(try config.resolve().name == "two")
        let one = try config.resolve(context: "one")
        #expect(one.cluster.server == "https://first.example:6443")
        #expect(one.namespace == "team-a")
        #expect(throws: KubeconfigError.unknownContext("nope", known: ["one", "two"])) { try config.resolve(context: "nope") }
    }

    @Test func testAuthProviderIsRefusedWithAHintAndNoSecret() throws {
        let path = try write("""
            apiVersion: v1
            kind: Config
            current-context: gke
            clusters: [{name: c, cluster: {server: "https://gke.example"}}]
            contexts: [{name: gke, context: {cluster: c, user: g}}]
            users:
            - name: g
              user:
                auth-provider:
                  name: gcp
                  config: {access-token: ya29.SECRET-TOKEN, cmd-path: gcloud}
            """, "a/gke")
        let config = try KubeconfigLoader.load(files: [path])
        do {
            _ = try config.resolve()
            Issue.record("an auth-provider user must be refused")
        } catch {
            #expect(error == .authProviderUnsupported("gcp", user: "g"))
            #expect(error.description.contains("not supported"))
            #expect(error.description.contains("exec"))
            #expect(!error.description.contains("SECRET"))
        }
    }

    @Test func testExecEntryIsReadWithArgsEnvAndModes() throws {
        let path = try write("""
            apiVersion: v1
            kind: Config
            users:
            - name: e
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./bin/get-token
                  args: [--cluster, prod]
                  env: [{name: REGION, value: cn-north}]
                  interactiveMode: Never
                  provideClusterInfo: true
            """, "a/exec")
        let exec = try #require(try KubeconfigLoader.load(files: [path]).users["e"]?.exec)
        #expect(exec.command == folder + "/a/bin/get-token")
        #expect(exec.args == ["--cluster", "prod"])
        #expect(exec.env.map(\.name) == ["REGION"])
        #expect(exec.interactiveMode == .never)
        #expect(exec.provideClusterInfo)
        #expect(exec.apiVersion == "client.authentication.k8s.io/v1beta1")
    }

    @Test func testMalformedFilesAreNamedInTheError() throws {
        let path = try write("clusters: [oops\n", "a/bad")
        #expect(throws: KubeconfigError.self) { try KubeconfigLoader.load(files: [path]) }
        let badData = try write("users: [{name: x, user: {client-key-data: '%%%'}}]\n", "a/baddata")
        do {
            _ = try KubeconfigLoader.load(files: [badData])
            Issue.record("bad base64 must be refused")
        } catch {
            #expect(error.description.contains("client-key-data"))
            #expect(error.description.contains(badData))
        }
    }
}
