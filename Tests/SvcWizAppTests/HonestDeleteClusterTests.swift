import Foundation
import Testing
import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// The same promise on a cluster: the delete carries the row's resourceVersion as its
/// precondition, and a service changed since is refused (409) and shown, not deleted.
struct HonestDeleteClusterTests {
    @Test func aRowChangedOnTheClusterSinceItWasListedIsNotDeleted() async throws {
        let store = APIStore(namespaces: ["shop"])
        store.seed(try ManifestReader.objects(HonestDeleteTests.service("api", port: 8080))[0], namespace: "shop")
        let cluster = try await TestClusterBackend.start(store)
        let backend = cluster.backend

        var state = try await HonestDeleteTests.listState(backend)
        let targets = try HonestDeleteTests.confirmDelete(&state)
        let seenVersion = try #require(targets.first?.version)
        #expect(seenVersion == store.object("services", namespace: "shop", name: "api")?.node(at: "metadata.resourceVersion")?.scalarText)

        // Someone changes it on the cluster.
        store.seed(try ManifestReader.objects(HonestDeleteTests.service("api", port: 9090))[0], namespace: "shop")
        await HonestDeleteTests.run(targets, on: backend, into: &state)
        #expect(store.object("services", namespace: "shop", name: "api") != nil, "never deleted silently")
        guard case .deleteRefused(let refusal)? = state.overlay else {
            Issue.record("no refusal dialog: \(state.messages.map(\.text))")
            await cluster.stop()
            return
        }
        #expect(refusal.items[0].changes.contains(.removed("PORTS: http:8080/TCP")))
        #expect(refusal.items[0].changes.contains(.added("PORTS: http:9090/TCP")))
        #expect(ShopScreens.render(state).text.contains("api changed since you looked at it and was not deleted."))

        // Looked at again, it goes.
        #expect(state.update(.key(.enter)) == [.loadDetail(ServiceID(namespace: "shop", name: "api"))])
        let now = try await backend.service(ServiceID(namespace: "shop", name: "api"))
        _ = state.update(.detailLoaded(ServiceID(namespace: "shop", name: "api"), .success(DetailData(stored: now, backends: nil))))
        await HonestDeleteTests.run(try HonestDeleteTests.confirmDelete(&state), on: backend, into: &state)
        #expect(store.object("services", namespace: "shop", name: "api") == nil)
        await cluster.stop()
    }
}
