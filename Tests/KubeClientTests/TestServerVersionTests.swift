import Foundation
import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import Testing

/// The test server as a given Kubernetes release: `/version`, that release's rules, its
/// defaults and the fields it drops, through the real client.
@Suite struct TestServerVersionTests {
    static func externalIPsLocal(_ name: String) -> ManifestNode {
        var manifest = Manifests.service(name)
        manifest.set("spec.externalIPs", to: .sequence([.string("203.0.113.10")]))
        manifest.set("spec.externalTrafficPolicy", to: .string("Local"))
        return manifest
    }

    /// The paths of the 422 causes a dry-run create gets; nil when it is accepted or fails
    /// otherwise.
    static func refusedPaths(_ manifest: ManifestNode, by backend: ClusterBackend) async -> [FieldPath]? {
        let result: Result<StoredService, StoreError>
        do { result = .success(try await backend.create(manifest, dryRun: true)) } catch { result = .failure(error) }
        guard case .failure(.invalid(_, let errors)) = result else { return nil }
        return errors.map(\.path)
    }

    @Test func a124ServerSaysSoAndAppliesItsRules() async throws {
        let cluster = try await TestCluster.start(kubeVersion: .oldest)
        let backend = try cluster.adminBackend()
        let version = try await backend.serverVersion()
        #expect(version.major == "1" && version.minor == "24")
        #expect(try version.kubeVersion() == .oldest)

        #expect(await Self.refusedPaths(Self.externalIPsLocal("web"), by: backend) == ["spec.externalTrafficPolicy"])

        var distributed = Manifests.service("near")
        distributed.set("spec.trafficDistribution", to: .string("PreferClose"))
        let created = try await backend.create(distributed, dryRun: false)
        #expect(created.manifest["spec"]?["trafficDistribution"] == nil)
        await cluster.stop()
    }

    @Test func theNewestServerTakesWhatItsReleaseAllows() async throws {
        let cluster = try await TestCluster.start(kubeVersion: .newest)
        let backend = try cluster.adminBackend()
        #expect(try await backend.serverVersion().kubeVersion() == .newest)

        let created = try await backend.create(Self.externalIPsLocal("web"), dryRun: false)
        #expect(created.manifest["spec"]?["externalTrafficPolicy"]?.string == "Local")
        var defaulted = Manifests.service("plain")
        defaulted.set("spec.externalIPs", to: .sequence([.string("203.0.113.11")]))
        #expect(try await backend.create(defaulted, dryRun: true).manifest["spec"]?["externalTrafficPolicy"]?.string == "Cluster")

        var distributed = Manifests.service("near")
        distributed.set("spec.trafficDistribution", to: .string("PreferSameNode"))
        #expect(try await backend.create(distributed, dryRun: false).manifest["spec"]?["trafficDistribution"]?.string == "PreferSameNode")
        distributed.set("metadata.name", to: .string("far"))
        distributed.set("spec.trafficDistribution", to: .string("Anywhere"))
        #expect(await Self.refusedPaths(distributed, by: backend) == ["spec.trafficDistribution"])
        await cluster.stop()
    }
}
