import Foundation
@testable import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import Testing

/// List and watch rows carry the resourceVersion a delete from them expects (the DELETE's
/// `preconditions.resourceVersion`); a service changed since is refused with 409, not deleted.
@Suite struct DeleteVersionTests {
    @Test func rowsCarryTheResourceVersionAndADeleteAfterAChangeIsRefused() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let created = try await backend.create(Manifests.service("web"), dryRun: false)
        let row = try #require(try await backend.services(in: .named("demo")).first { $0.name == "web" })
        #expect(row.version == created.version)

        var events = backend.changes(in: .named("demo")).makeAsyncIterator()
        guard case .reset(let rows)? = await events.next() else {
            Issue.record("no list first")
            return
        }
        #expect(rows.first { $0.name == "web" }?.version == created.version)

        var edited = created.manifest
        edited.set("metadata.labels", to: .mapping(["owner": .string("ops")]))
        let updated = try await backend.update(edited, expecting: created.version)
        guard case .upserted(let upserted)? = await events.next() else {
            Issue.record("no watch event for the update")
            return
        }
        #expect(upserted.version == updated.version, "a watched row carries its new version")

        await #expect {
            try await backend.delete(ServiceID(namespace: "demo", name: "web"), expecting: row.version)
        } throws: { error in
            guard case let StoreError.conflict(id, current) = error else { return false }
            return id.name == "web" && current?.version == updated.version
        }
        #expect(cluster.store.object("services", namespace: "demo", name: "web") != nil, "not deleted")
        #expect(cluster.store.requests.contains("DELETE /api/v1/namespaces/demo/services/web"))
        try await backend.delete(ServiceID(namespace: "demo", name: "web"), expecting: upserted.version)
        #expect(cluster.store.object("services", namespace: "demo", name: "web") == nil)
        await cluster.stop()
    }
}
