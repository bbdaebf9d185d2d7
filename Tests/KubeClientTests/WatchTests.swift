import Foundation
import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import Testing

/// Reads a change stream with a deadline, so a test fails instead of hanging.
final class EventReader: @unchecked Sendable {
    private var iterator: AsyncStream<StoreEvent>.AsyncIterator

    init(_ stream: AsyncStream<StoreEvent>) {
        iterator = stream.makeAsyncIterator()
    }

    /// The next event that `accept` takes, skipping others; nil after `seconds`.
    func next(within seconds: Double = 60, where accept: @escaping @Sendable (StoreEvent) -> Bool = { _ in true }) async -> StoreEvent? {
        let box = self
        return await withTaskGroup(of: StoreEvent?.self) { group in
            group.addTask {
                while let event = await box.iterator.next() {
                    if accept(event) { return event }
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}

@Suite struct WatchTests {
    @Test func testChangesStartWithTheListThenFollowTheServer() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        _ = try await backend.create(Manifests.service("before"), dryRun: false)
        let reader = EventReader(backend.changes(in: .named("demo")))
        guard case .reset(let rows)? = await reader.next() else {
            Issue.record("the first event must be .reset")
            return
        }
        #expect(rows.map(\.name) == ["before"])
        try await waitForWatch(cluster)

        let writer = try cluster.adminBackend()
        _ = try await writer.create(Manifests.service("after"), dryRun: false)
        guard case .upserted(let row)? = await reader.next() else {
            Issue.record("a create must arrive as .upserted")
            return
        }
        #expect(row.name == "after" && row.namespace == "demo")
        let stored = try await writer.service(ServiceID(namespace: "demo", name: "after"))
        try await writer.delete(ServiceID(namespace: "demo", name: "after"), expecting: stored.version)
        let deleted = await reader.next()
        #expect(deleted == .deleted(ServiceID(namespace: "demo", name: "after")))
        // Bookmarks move the version but show nothing.
        cluster.store.sendBookmarks()
        _ = try await writer.create(Manifests.service("third"), dryRun: false)
        guard case .upserted(let third)? = await reader.next() else {
            Issue.record("expected .upserted after a bookmark")
            return
        }
        #expect(third.name == "third")
        await cluster.stop()
    }

    @Test func testADroppedWatchResumesFromTheLastVersionWithoutARelist() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let (reader, _) = try await watching(backend, cluster)
        let lists = cluster.store.requests.filter { $0 == "GET /api/v1/namespaces/demo/services" }.count
        cluster.store.dropWatches()
        // Created while no watch is open: the resumed watch replays it from history.
        _ = try await backend.create(Manifests.service("while-away"), dryRun: false)
        let event = await reader.next()
        guard case .upserted(let row)? = event else {
            Issue.record("expected .upserted after the reconnect, got \(String(describing: event))")
            return
        }
        #expect(row.name == "while-away")
        #expect(cluster.store.requests.filter { $0 == "GET /api/v1/namespaces/demo/services" }.count == lists + 1,
                "one new watch request, no relist")
        await cluster.stop()
    }

    @Test func testAnExpiredVersionRelistsAndResets() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let (reader, first) = try await watching(backend, cluster)
        #expect(first.isEmpty)
        cluster.store.dropWatches()
        cluster.store.seed(Manifests.service("compacted-away"), namespace: "demo")
        cluster.store.compact()
        let event = await reader.next { if case .reset = $0 { return true } else { return false } }
        guard case .reset(let rows)? = event else {
            Issue.record("a 410 must relist and reset, got \(String(describing: event))")
            return
        }
        #expect(rows.map(\.name) == ["compacted-away"])
        await cluster.stop()
    }

    @Test func testUnreachableServerReportsAndKeepsTrying() async throws {
        let cluster = try await TestCluster.start()
        let port = try TestAPIServer.closedPort()
        let backend = try cluster.backend(cluster.kubeconfig(user: ["token: x"], server: "https://127.0.0.1:\(port)"))
        let reader = EventReader(backend.changes(in: .named("demo")))
        for _ in 0..<2 {
            let event = await reader.next()
            guard case .failed(.unreachable(let message))? = event else {
                Issue.record("expected .failed(.unreachable), got \(String(describing: event))")
                return
            }
            #expect(message.contains("127.0.0.1:\(port)"))
        }
        await cluster.stop()
    }

    @Test func testAfterAnOutageTheListIsSentAgain() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let (reader, _) = try await watching(backend, cluster)
        // The watch drops and the server refuses the next attempt (503): a failure...
        // Seeded before the outage, so the list after it must hold it whenever the retry runs;
        // the open watch may announce it first, which the reader skips.
        cluster.store.seed(Manifests.service("back"), namespace: "demo")
        cluster.store.failNext(503, times: 1)
        cluster.store.dropWatches()
        let failure = await reader.next(within: 60) { if case .failed = $0 { return true } else { return false } }
        guard case .failed(.server(503, _, _))? = failure else {
            Issue.record("expected .failed(503), got \(String(describing: failure))")
            return
        }
        // ...then the server is back: a fresh list clears it.
        let recovered = await reader.next(within: 60)
        guard case .reset(let rows)? = recovered else {
            Issue.record("expected .reset after the outage, got \(String(describing: recovered))")
            return
        }
        #expect(rows.map(\.name) == ["back"])
        await cluster.stop()
    }

    @Test func testStoppingTheConsumerClosesTheWatch() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        do {
            let reader = EventReader(backend.changes(in: .all))
            _ = await reader.next()
            try await waitForWatch(cluster)
        }
        // Generous: with the whole suite running beside it, the close can take a few seconds.
        for _ in 0..<400 where cluster.store.openWatches > 0 {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        #expect(cluster.store.openWatches == 0)
        await cluster.stop()
    }

    /// A change stream of `demo` past its first `.reset` (returned) with the watch open.
    private func watching(_ backend: ClusterBackend, _ cluster: TestCluster) async throws -> (EventReader, [ServiceSummary]) {
        let reader = EventReader(backend.changes(in: .named("demo")))
        let first = await reader.next()
        guard case .reset(let rows)? = first else {
            throw WatchFailure(description: "the first event must be .reset, got \(String(describing: first))")
        }
        try await waitForWatch(cluster)
        return (reader, rows)
    }

    struct WatchFailure: Error, CustomStringConvertible {
        var description: String
    }

    private func waitForWatch(_ cluster: TestCluster) async throws {
        for _ in 0..<200 where cluster.store.openWatches == 0 {
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        #expect(cluster.store.openWatches > 0)
    }
}
