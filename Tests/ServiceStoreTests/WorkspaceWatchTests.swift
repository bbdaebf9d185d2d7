import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

struct WorkspaceWatchTests {
    /// The next event matching `predicate`, or nil after `timeout` seconds.
    static func next(_ iterator: inout AsyncStream<StoreEvent>.Iterator, within timeout: Double,
                     where predicate: @escaping @Sendable (StoreEvent) -> Bool) async -> StoreEvent? {
        let box = IteratorBox(iterator)
        let found = await withTaskGroup(of: StoreEvent?.self) { group in
            group.addTask {
                while let event = await box.next() {
                    if predicate(event) { return event }
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        iterator = box.iterator
        return found
    }

    final class IteratorBox: @unchecked Sendable {
        var iterator: AsyncStream<StoreEvent>.Iterator
        init(_ iterator: AsyncStream<StoreEvent>.Iterator) { self.iterator = iterator }
        func next() async -> StoreEvent? { await iterator.next() }
    }

    static func isReset(_ event: StoreEvent) -> Bool {
        if case .reset = event { return true }
        return false
    }

    static func upserted(_ name: String) -> @Sendable (StoreEvent) -> Bool {
        { event in
            if case .upserted(let row) = event { return row.name == name }
            if case .reset(let rows) = event { return rows.contains { $0.name == name } }
            return false
        }
    }

    /// Watching from before the first scan: files that change between the command line's
    /// first list and the screen's subscription are in the subscription's reset.
    @Test func watchingBeforeTheFirstScanMissesNothingBeforeTheSubscription() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: first}\n")
        let backend = try workspace.backend()
        await backend.startWatching()
        #expect(try await backend.services(in: .all).map(\.name) == ["first"])
        try workspace.write("b.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: second}\n")
        // Until the watcher has told the backend, a refresh may still say "first" only; the
        // subscription's reset or the events after it must bring "second".
        var events = backend.changes(in: .all).makeAsyncIterator()
        #expect(await Self.next(&events, within: 10, where: Self.upserted("second")) != nil)
        try FileManager.default.removeItem(atPath: workspace.path("a.yaml"))
        let removed = await Self.next(&events, within: 10) { event in
            if case .deleted(let service) = event { return service.name == "first" }
            if case .reset(let rows) = event { return !rows.contains { $0.name == "first" } }
            return false
        }
        #expect(removed != nil)
        #expect(try await backend.services(in: .all).map(\.name) == ["second"])
    }

    static func checkOutsideChangesArrive(preferInotify: Bool) async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("a.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: first}\n")
        let backend = try workspace.backend(preferInotify: preferInotify)
        var events = backend.changes(in: .all).makeAsyncIterator()
        let initial = await next(&events, within: 10, where: isReset)
        guard case .reset(let rows)? = initial else {
            Issue.record("no initial reset")
            return
        }
        #expect(rows.map(\.name) == ["first"])

        // An editor-style write: temp file, then rename over a new name in a new folder.
        try workspace.write("new/.b.yaml.swp", "apiVersion: v1\nkind: Service\nmetadata: {name: second}\n")
        try FileManager.default.moveItem(atPath: workspace.path("new/.b.yaml.swp"), toPath: workspace.path("new/b.yaml"))
        let added = await next(&events, within: 10, where: upserted("second"))
        #expect(added != nil, "no event for an outside create")

        try FileManager.default.removeItem(atPath: workspace.path("a.yaml"))
        let deleted = await next(&events, within: 10) { event in
            if case .deleted(let service) = event { return service.name == "first" }
            if case .reset(let rows) = event { return !rows.contains { $0.name == "first" } }
            return false
        }
        #expect(deleted != nil, "no event for an outside delete")
    }

    @Test func outsideChangesArriveThroughInotify() async throws {
        try await Self.checkOutsideChangesArrive(preferInotify: true)
    }

    @Test func outsideChangesArriveByPolling() async throws {
        try await Self.checkOutsideChangesArrive(preferInotify: false)
    }

    @Test func writesThroughTheBackendAreEventsToo() async throws {
        let workspace = try TemporaryWorkspace()
        let backend = try workspace.backend()
        var events = backend.changes(in: .named("shop")).makeAsyncIterator()
        _ = await Self.next(&events, within: 10, where: Self.isReset)
        _ = try await backend.create(serviceManifest("other", namespace: "elsewhere"), dryRun: false)
        _ = try await backend.create(serviceManifest("cart", namespace: "shop"), dryRun: false)
        let event = await Self.next(&events, within: 10) { _ in true }
        guard case .upserted(let row)? = event else {
            Issue.record("expected an upsert for cart, got \(String(describing: event))")
            return
        }
        #expect(row.id.description == "shop/cart")
    }
}
