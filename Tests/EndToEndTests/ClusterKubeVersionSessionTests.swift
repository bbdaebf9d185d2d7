import Foundation
import KubeTestServer
import ServiceModel
import Testing

/// The real binary on clusters of two releases: the title names the server's release, and
/// `apply` gets that release's verdict.
@Suite struct ClusterKubeVersionSessionTests {
    @Test func theTitleNamesTheServersRelease() async throws {
        for version in [KubeVersion.oldest, .newest] {
            let cluster = try await ClusterSessionTests.Cluster.start(kubeVersion: version)
            let tmux = try await TmuxSession.start(columns: 140, rows: 30)
            try await ClusterSessionTests().launch(tmux, kubeconfig: try cluster.kubeconfig(token: ClusterSessionTests.adminToken))
            try await tmux.waitFor { $0.split(separator: "\n").first?.contains("k8s \(version)") == true }
            try await tmux.keys("q")
            await cluster.stop()
        }
    }

    @Test func applyOnAClusterGetsItsReleasesVerdict() async throws {
        let text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: outer\nspec:\n  selector: {app: outer}\n"
            + "  externalIPs: [203.0.113.10]\n  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n"
        for (version, status) in [(KubeVersion.oldest, Int32(1)), (.newest, 0)] {
            let cluster = try await ClusterSessionTests.Cluster.start(kubeVersion: version)
            let file = cluster.folder.appendingPathComponent("outer.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try await SvcWizBinary.run(["apply", "-f", file.path, "--kubeconfig",
                                                     try cluster.kubeconfig(token: ClusterSessionTests.adminToken)])
            #expect(result.status == status, "\(version): \(result.stdout) \(result.stderr)")
            if status == 1 { #expect(result.stderr.contains("spec.externalTrafficPolicy")) }
            await cluster.stop()
        }
    }
}
