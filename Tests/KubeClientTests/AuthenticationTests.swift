import Foundation
import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import Testing

/// Every kubeconfig form against the HTTPS test server, which verifies client certificates
/// against its CA and knows the admin/viewer tokens and one basic-auth user.
@Suite struct AuthenticationTests {
    @Test func testCertificateAuthorityFileAndToken() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.backend(cluster.kubeconfig(user: ["token: \(TestCluster.adminToken)"]))
        #expect(try await backend.namespaces() == ["default", "demo", "kube-system"])
        #expect(backend.info.kind == .cluster)
        #expect(backend.info.location.hasPrefix("test ("))
        #expect(backend.info.warning == nil)
        await cluster.stop()
    }

    @Test(arguments: TestPKI.KeyForm.allCases)
    func testClientCertificateFilesAndData(form: TestPKI.KeyForm) async throws {
        let cluster = try await TestCluster.start()
        let client = cluster.pki.client("admin", form)
        let ca = Data(cluster.pki.bytes(cluster.pki.caCertificate)).base64EncodedString()
        // Files, with the CA as data.
        let files = try cluster.backend(cluster.kubeconfig(
            cluster: ["certificate-authority-data: \(ca)"],
            user: ["client-certificate: \(client.certificate)", "client-key: \(client.key)"]))
        #expect(try await files.services(in: .named("default")).map(\.name) == ["kubernetes"])
        // Data, with the CA as a file.
        let data = try cluster.backend(cluster.kubeconfig(user: [
            "client-certificate-data: \(Data(cluster.pki.bytes(client.certificate)).base64EncodedString())",
            "client-key-data: \(Data(cluster.pki.bytes(client.key)).base64EncodedString())",
        ]))
        #expect(try await data.services(in: .named("default")).map(\.name) == ["kubernetes"])
        await cluster.stop()
    }

    @Test func testRelativeCertificatePathsAreTakenFromTheKubeconfigFolder() async throws {
        let cluster = try await TestCluster.start()
        let client = cluster.pki.client("admin", .ecSEC1)
        try cluster.write(String(decoding: cluster.pki.bytes(client.certificate), as: UTF8.self), to: "certs/me.crt")
        try cluster.write(String(decoding: cluster.pki.bytes(client.key), as: UTF8.self), to: "certs/me.key")
        try cluster.write(String(decoding: cluster.pki.bytes(cluster.pki.caCertificate), as: UTF8.self), to: "certs/ca.crt")
        let backend = try cluster.backend(cluster.kubeconfig(
            cluster: ["certificate-authority: certs/ca.crt"],
            user: ["client-certificate: certs/me.crt", "client-key: certs/me.key"]))
        #expect(try await backend.namespaces().contains("demo"))
        await cluster.stop()
    }

    @Test func testCertificateFromAnUntrustedAuthorityIsRefusedByTheServer() async throws {
        let cluster = try await TestCluster.start()
        let rogue = cluster.pki.rogueClient
        let backend = try cluster.backend(cluster.kubeconfig(user: ["client-certificate: \(rogue.certificate)", "client-key: \(rogue.key)"]))
        await #expect {
            try await backend.namespaces()
        } throws: { error in
            guard case StoreError.unreachable(let message) = error else { return false }
            return message.contains("127.0.0.1")
        }
        await cluster.stop()
    }

    @Test func testServerIsVerifiedUnlessTheKubeconfigSaysInsecure() async throws {
        let cluster = try await TestCluster.start()
        // Trusting another CA: the server's certificate does not verify.
        let wrongCA = try cluster.backend(cluster.kubeconfig(
            cluster: ["certificate-authority: \(cluster.pki.rogueClient.certificate)"], user: ["token: \(TestCluster.adminToken)"]))
        await #expect {
            try await wrongCA.namespaces()
        } throws: { error in
            guard case StoreError.unreachable(let message) = error else { return false }
            return message.contains("TLS")
        }
        // No CA at all: the system roots do not know the test CA either.
        let noCA = try cluster.backend(cluster.kubeconfig(cluster: [], user: ["token: \(TestCluster.adminToken)"]))
        await #expect(throws: StoreError.self) { try await noCA.namespaces() }
        // insecure-skip-tls-verify: works, and the title line says verification is off.
        let insecure = try cluster.backend(cluster.kubeconfig(cluster: ["insecure-skip-tls-verify: true"], user: ["token: \(TestCluster.adminToken)"]))
        #expect(try await insecure.namespaces().contains("demo"))
        #expect(insecure.info.warning?.contains("TLS verification is off") == true)
        await cluster.stop()
    }

    @Test func testTLSServerNameIsWhatTheCertificateIsCheckedAgainst() async throws {
        let cluster = try await TestCluster.start(certificate: SharedPKI.pki.namedServerCertificate)
        let ca = "certificate-authority: \(cluster.pki.caCertificate)"
        // The certificate names kube.test only, not the address the server is reached at.
        let plain = try cluster.backend(cluster.kubeconfig(cluster: [ca], user: ["token: \(TestCluster.adminToken)"]))
        await #expect(throws: StoreError.self) { try await plain.namespaces() }
        let good = try cluster.backend(cluster.kubeconfig(cluster: [ca, "tls-server-name: kube.test"], user: ["token: \(TestCluster.adminToken)"]))
        #expect(try await good.namespaces().contains("demo"))
        let bad = try cluster.backend(cluster.kubeconfig(cluster: [ca, "tls-server-name: other.example"], user: ["token: \(TestCluster.adminToken)"]))
        await #expect(throws: StoreError.self) { try await bad.namespaces() }
        await cluster.stop()
    }

    @Test func testProxyURLTunnelsThroughAConnectProxy() async throws {
        let cluster = try await TestCluster.start()
        let proxy = try await TestConnectProxy.start()
        let backend = try cluster.backend(cluster.kubeconfig(
            cluster: ["certificate-authority: \(cluster.pki.caCertificate)", "proxy-url: http://squid:pw@127.0.0.1:\(proxy.port)"],
            user: ["token: \(TestCluster.adminToken)"]))
        #expect(try await backend.namespaces().contains("demo"))
        let seen = try #require(proxy.requests.first)
        #expect(seen.hasPrefix("CONNECT 127.0.0.1:\(cluster.server.port) HTTP/1.1"))
        #expect(seen.contains("Basic \(Data("squid:pw".utf8).base64EncodedString())"))
        await proxy.stop()
        await cluster.stop()
    }

    @Test func testBasicAuth() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.backend(cluster.kubeconfig(user: ["username: alice", "password: s3cret-pass"]))
        #expect(try await backend.namespaces().contains("demo"))
        let wrong = try cluster.backend(cluster.kubeconfig(user: ["username: alice", "password: wrong"]))
        await #expect {
            try await wrong.namespaces()
        } throws: { error in
            guard case StoreError.unauthorized(let message) = error else { return false }
            return !message.contains("wrong") && !message.contains("s3cret")
        }
        await cluster.stop()
    }

    @Test func testTokenFileIsReadAgainAfterA401() async throws {
        let cluster = try await TestCluster.start()
        cluster.users.setTokens(["first-token": "admin"])
        let tokenFile = try cluster.write("first-token\n", to: "token")
        let backend = try cluster.backend(cluster.kubeconfig(user: ["tokenFile: \(tokenFile)"]))
        #expect(try await backend.namespaces().contains("demo"))
        // The token rotates: the server knows only the new one, the file has it.
        cluster.users.setTokens(["second-token": "admin"])
        try cluster.write("second-token\n", to: "token")
        #expect(try await backend.namespaces().contains("demo"))
        #expect(cluster.users.unauthorizedAnswers == 1)
        // A static token is not retried: a 401 is reported as such.
        let stale = try cluster.backend(cluster.kubeconfig(user: ["token: first-token"]))
        await #expect(throws: StoreError.unauthorized(message: "Unauthorized")) { try await stale.namespaces() }
        await cluster.stop()
    }

    /// A plugin that counts its runs, records what it was given and prints a token.
    private func plugin(in cluster: TestCluster, token: String, expires: String, apiVersion: String = "client.authentication.k8s.io/v1") throws -> String {
        try cluster.write("""
            #!/bin/sh
            echo run >> "\(cluster.folder)/runs"
            echo "$@" > "\(cluster.folder)/args"
            echo "$REGION" > "\(cluster.folder)/env"
            printf '%s' "$KUBERNETES_EXEC_INFO" > "\(cluster.folder)/info"
            readlink /proc/self/fd/0 > "\(cluster.folder)/stdin"
            echo "diagnostics go to stderr" >&2
            printf '{"kind":"ExecCredential","apiVersion":"\(apiVersion)","status":{"token":"\(token)","expirationTimestamp":"\(expires)"}}'
            """, to: "bin/plugin.sh", executable: true)
    }

    private func runs(_ cluster: TestCluster) -> Int {
        ((try? String(contentsOfFile: cluster.folder + "/runs", encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    @Test func testExecPluginRunsOnceUntilItsCredentialExpires() async throws {
        let cluster = try await TestCluster.start()
        _ = try plugin(in: cluster, token: TestCluster.adminToken, expires: "2999-01-01T00:00:00Z")
        let backend = try cluster.backend(cluster.kubeconfig(user: [
            "exec:",
            "  apiVersion: client.authentication.k8s.io/v1",
            "  command: bin/plugin.sh",
            "  args: [get-token, --cluster, test]",
            "  env: [{name: REGION, value: cn-north-1}]",
            "  interactiveMode: Never",
            "  provideClusterInfo: true",
        ]))
        #expect(try await backend.namespaces().contains("demo"))
        #expect(try await backend.services(in: .named("default")).count == 1)
        async let a = backend.namespaces()
        async let b = backend.namespaces()
        _ = try await (a, b)
        #expect(runs(cluster) == 1)
        #expect(await backend.execPluginRuns == 1)
        let args = try String(contentsOfFile: cluster.folder + "/args", encoding: .utf8)
        #expect(args == "get-token --cluster test\n")
        #expect(try String(contentsOfFile: cluster.folder + "/env", encoding: .utf8) == "cn-north-1\n")
        #expect(try String(contentsOfFile: cluster.folder + "/stdin", encoding: .utf8) == "/dev/null\n")
        let info = Manifests.json(try String(contentsOfFile: cluster.folder + "/info", encoding: .utf8))
        #expect(info["kind"]?.string == "ExecCredential")
        #expect(info["spec"]?["interactive"]?.bool == false)
        #expect(info["spec"]?["cluster"]?["server"]?.string == cluster.server.url)
        #expect(info["spec"]?["cluster"]?["certificate-authority-data"]?.string?.isEmpty == false)
        await cluster.stop()
    }

    @Test func testExpiredExecCredentialRunsThePluginAgainV1beta1() async throws {
        let cluster = try await TestCluster.start()
        _ = try plugin(in: cluster, token: TestCluster.adminToken, expires: "2000-01-01T00:00:00Z",
                       apiVersion: "client.authentication.k8s.io/v1beta1")
        let backend = try cluster.backend(cluster.kubeconfig(user: [
            "exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: \(cluster.folder)/bin/plugin.sh}",
        ]))
        _ = try await backend.namespaces()
        _ = try await backend.namespaces()
        #expect(runs(cluster) == 2)
        // Without provideClusterInfo, the plugin is not told the cluster.
        let info = Manifests.json(try String(contentsOfFile: cluster.folder + "/info", encoding: .utf8))
        #expect(info["spec"]?["cluster"] == nil)
        await cluster.stop()
    }

    @Test func testFailingOrMissingExecPluginSaysSoWithoutSecrets() async throws {
        let cluster = try await TestCluster.start()
        try cluster.write("#!/bin/sh\necho 'error: login required' >&2\nexit 3\n", to: "bin/fail.sh", executable: true)
        let failing = try cluster.backend(cluster.kubeconfig(user: [
            "exec: {apiVersion: client.authentication.k8s.io/v1, command: bin/fail.sh, interactiveMode: Never}",
        ]))
        await #expect(throws: StoreError.unauthorized(message: "exec plugin fail.sh for user test-user exited with status 3: error: login required")) {
            try await failing.namespaces()
        }
        let missing = try cluster.backend(cluster.kubeconfig(user: [
            "exec: {apiVersion: client.authentication.k8s.io/v1, command: no-such-plugin-xyz, installHint: install it with brew}",
        ]))
        await #expect {
            try await missing.namespaces()
        } throws: { error in
            guard case StoreError.unauthorized(let message) = error else { return false }
            return message.contains("not found") && message.contains("install it with brew")
        }
        await cluster.stop()
    }

    @Test func testViewerIsForbiddenToWriteAndCanSaysSo() async throws {
        let cluster = try await TestCluster.start()
        let viewer = try cluster.backend(cluster.kubeconfig(user: ["token: \(TestCluster.viewerToken)"], namespace: "demo"))
        await #expect {
            try await viewer.create(Manifests.service("web"), dryRun: false)
        } throws: { error in
            guard case let StoreError.forbidden(verb, resource, namespace, message) = error else { return false }
            return verb == "create" && resource == "services" && namespace == "demo"
                && message == "services is forbidden: User \"viewer\" cannot create resource \"services\" in API group \"\" in the namespace \"demo\""
        }
        #expect(await viewer.can("create", resource: "services", namespace: "demo") == false)
        // May not list namespaces: the context's own is offered.
        #expect(try await viewer.namespaces() == ["demo"])
        #expect(await viewer.can("list", resource: "services", namespace: "demo") == false)
        let admin = try cluster.adminBackend()
        #expect(await admin.can("delete", resource: "services", namespace: "demo"))
        // A client certificate of the viewer works the same way.
        let client = cluster.pki.client("viewer", .ecPKCS8)
        let viewerCert = try cluster.backend(cluster.kubeconfig(user: ["client-certificate: \(client.certificate)", "client-key: \(client.key)"]))
        #expect(await viewerCert.can("update", resource: "services", namespace: "demo") == false)
        // Anonymous (no credentials) is forbidden, not unauthorized, as on a real server.
        let anonymous = try cluster.backend(cluster.kubeconfig(user: ["username: \"\""]))
        await #expect {
            try await anonymous.services(in: .named("demo"))
        } throws: { error in
            if case StoreError.forbidden(let verb, _, _, _) = error { return verb == "list" }
            return false
        }
        await cluster.stop()
    }

    @Test func testBadTokenIsUnauthorized() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.backend(cluster.kubeconfig(user: ["token: not-a-real-token"]))
        await #expect(throws: StoreError.unauthorized(message: "Unauthorized")) { try await backend.services(in: .all) }
        await cluster.stop()
    }
}
