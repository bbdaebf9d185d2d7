import Foundation
@testable import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import Synchronization
import Testing

/// A long first list reaches the screen page by page, in the API's name order, with the
/// server's estimate of its length; rows read from pages that skip `managedFields` and
/// kubectl's last-applied copy are the rows of the whole objects.
@Suite struct ListPagingTests {
    @Test func aLongFirstListArrivesPageByPageThenWhole() async throws {
        let cluster = try await TestCluster.start()
        for index in [6, 2, 4, 0, 5, 1, 3] { cluster.store.seed(Manifests.service("svc-\(index)"), namespace: "demo") }
        var options = TestCluster.fastOptions
        options.pageSize = 3
        let backend = try cluster.adminBackend(options: options)
        let reader = EventReader(backend.changes(in: .named("demo")))
        var events: [StoreEvent] = []
        while let event = await reader.next(within: 30) {
            events.append(event)
            if case .reset = event { break }
        }
        let names = (0..<7).map { "svc-\($0)" }
        guard events.count == 3, case let .loading(first, firstExpected) = events[0],
              case let .loading(second, secondExpected) = events[1], case .reset(let all) = events[2] else {
            Issue.record("expected two pages as .loading, then .reset: \(events)")
            await cluster.stop()
            return
        }
        #expect(first.map(\.name) == Array(names.prefix(3)))
        #expect(firstExpected == 7)
        #expect(second.map(\.name) == Array(names.prefix(6)))
        #expect(secondExpected == 7)
        #expect(all.map(\.name) == names)
        #expect(all.allSatisfy { $0.version != nil }, "rows carry the resourceVersion a delete expects")
        await cluster.stop()
    }

    /// The next page is asked for while one is decoded: each page is still asked for
    /// once, and none after the last.
    @Test func eachPageIsAskedForOnceThoughTheNextIsAskedEarly() async throws {
        let cluster = try await TestCluster.start()
        for index in 0..<7 { cluster.store.seed(Manifests.service("svc-\(index)"), namespace: "demo") }
        var options = TestCluster.fastOptions
        options.pageSize = 3
        let backend = try cluster.adminBackend(options: options)
        let path = "GET /api/v1/namespaces/demo/services"
        let before = cluster.store.requests.filter { $0 == path }.count
        let rows = try await backend.services(in: .named("demo"))
        #expect(rows.map(\.name) == (0..<7).map { "svc-\($0)" })
        #expect(cluster.store.requests.filter { $0 == path }.count - before == 3, "\(cluster.store.requests)")
        await cluster.stop()
    }

    /// A continue token that expires while pages are read (whether the next page was
    /// already asked for or not) starts the list over once; the rows are whole, each once.
    @Test func aContinueTokenThatExpiresMidListStartsItOver() async throws {
        let cluster = try await TestCluster.start()
        for index in 0..<7 { cluster.store.seed(Manifests.service("svc-\(index)"), namespace: "demo") }
        var options = TestCluster.fastOptions
        options.pageSize = 3
        let backend = try cluster.adminBackend(options: options)
        let store = cluster.store
        let compacted = Mutex(false)
        let (rows, _) = try await backend.serviceList(in: .named("demo"), progress: { _, _ in
            // After the first page only: the list started over must be able to finish.
            let first = compacted.withLock { done in
                defer { done = true }
                return !done
            }
            if first {
                store.seed(Manifests.service("svc-7"), namespace: "demo")
                store.compact()
            }
        })
        #expect(rows.map(\.name) == (0..<8).map { "svc-\($0)" })
        await cluster.stop()
    }

    @Test func aListOfOnePageIsOneReset() async throws {
        let cluster = try await TestCluster.start()
        for index in 0..<3 { cluster.store.seed(Manifests.service("svc-\(index)"), namespace: "demo") }
        var options = TestCluster.fastOptions
        options.pageSize = 3
        let backend = try cluster.adminBackend(options: options)
        let reader = EventReader(backend.changes(in: .named("demo")))
        guard case .reset(let rows)? = await reader.next(within: 30) else {
            Issue.record("a list that fits one page is one .reset")
            await cluster.stop()
            return
        }
        #expect(rows.count == 3)
        await cluster.stop()
    }

    @Test func rowsFromPagesWithoutManagedFieldsAreTheRowsOfTheWholeObjects() throws {
        for prefix in ["021", "022", "027"] {
            var body = try Fixtures.load(prefix).body
            // kubectl apply's copy of the manifest, with JSON in it, on the first item.
            body.set(FieldPath("items[0].metadata.annotations"), to: .mapping([
                "kubectl.kubernetes.io/last-applied-configuration": .string(#"{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"x"}}"# + "\n"),
                "kubesphere.io/alias-name": .string("订单服务"),
            ]))
            let bytes = Array(JSONWriter.compact(body).utf8)
            let pruned = try ManifestReader.parseJSON(bytes: bytes, skipping: ClusterBackend.rowPrune)
            let whole = body["items"]?.items ?? []
            let lean = pruned["items"]?.items ?? []
            #expect(!whole.isEmpty && lean.count == whole.count, "\(prefix)")
            #expect(lean.map { ServiceSummary(manifest: $0) } == whole.map { ServiceSummary(manifest: $0) }, "\(prefix)")
            #expect(lean.allSatisfy { $0["metadata"]?["managedFields"] == nil })
            #expect(whole.contains { $0["metadata"]?["managedFields"] != nil }, "the fixture has managedFields to skip")
            #expect(lean[0]["metadata"]?["annotations"]?.entries?.map(\.key) == ["kubesphere.io/alias-name"])
        }
    }
}
