import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

/// A cold start of a large workspace: the first rows show from a line scan and the parse of
/// the first screen's files, then the rest; what shows is always the final list's first rows.
struct WorkspaceFirstPassTests {
    static let count = WorkspaceBackend.firstPassMinimum + 300

    static func name(_ i: Int) -> String {
        "svc-" + String(repeating: "0", count: 5 - String(i).count) + String(i)
    }

    /// `count` services, one file each and in two namespaces, with deployments that select
    /// some of them, and files the scan cannot answer: JSON, flow style, a List, a file that
    /// does not parse, hostile files (an alias bomb, deep nesting, one too large to read).
    /// Their services sort first, so they belong to the first screen.
    static func makeWorkspace() throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        for i in 0..<count {
            let namespace = i % 5 == 0 ? "other" : "default"
            try workspace.write("\(namespace)/\(name(i)).service.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: \(name(i))
              namespace: \(namespace)
              labels:
                app: app-\(i % 7)
            spec:
              selector:
                app: app-\(i % 7)
              ports:
              - port: \(80 + i % 3)
                targetPort: 8080

            """)
        }
        for app in 0..<3 {
            try workspace.write("default/deploy-\(app).yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: deploy-\(app)
            spec:
              template:
                metadata:
                  labels:
                    app: app-\(app)

            """)
        }
        try workspace.write("default/json.json", """
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "a-json"}, "spec": {"selector": {"app": "app-1"}, "ports": [{"port": 81}]}}
        """)
        try workspace.write("default/flow.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: a-flow}\nspec: {ports: [{port: 82}]}\n")
        try workspace.write("default/list.yaml", """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Service
          metadata:
            name: a-list-item
          spec:
            ports:
            - port: 83

        """)
        try workspace.write("default/broken.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a-broken\n  name: twice\n")
        for name in ["alias-bomb.yaml", "deep.yaml"] {
            try workspace.write("default/" + name, bytes: Array(try Data(contentsOf: HostileWorkspaceTests.hostile.appendingPathComponent(name))))
        }
        // A valid service at its start, and too large to be read at all.
        let huge = try workspace.write("default/huge.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a-huge\n")
        #expect(truncate(huge, off_t(InputLimits.maxFileBytes + 1)) == 0)
        return workspace
    }

    static let problemFiles = ["default/alias-bomb.yaml", "default/broken.yaml", "default/deep.yaml", "default/huge.yaml"]

    /// Every event of a subscription up to its first `.reset`.
    static func eventsUntilReset(_ backend: WorkspaceBackend, scope: NamespaceScope) async -> [StoreEvent] {
        var events: [StoreEvent] = []
        var iterator = backend.changes(in: scope).makeAsyncIterator()
        while let event = await WorkspaceWatchTests.next(&iterator, within: 120, where: { _ in true }) {
            events.append(event)
            if case .reset = event { break }
        }
        return events
    }

    @Test func aColdStartShowsTheFirstRowsOfTheFinalOrderThenEveryRow() async throws {
        let workspace = try Self.makeWorkspace()
        // The whole parse, as a command line `list` does it.
        let expected = try await workspace.backend().services(in: .named("default"))
        // Every fifth service is in "other"; the JSON, flow and List files add three, the broken file none.
        #expect(expected.count == Self.count - (Self.count + 4) / 5 + 3)
        #expect(expected.prefix(3).map(\.name) == ["a-flow", "a-json", "a-list-item"])
        #expect(expected.contains { ($0.backends?.total ?? 0) > 0 })

        let backend = try workspace.backend()
        await backend.startWatching()
        // The command line chooses the namespace from the first pass, before any subscription.
        #expect(try await backend.serviceNamespaces() == ["default", "other"])
        let events = await Self.eventsUntilReset(backend, scope: .named("default"))
        guard case .reset(let rows)? = events.last else {
            Issue.record("no reset: \(events.count) events")
            return
        }
        #expect(rows == expected)
        let loading = events.dropLast().compactMap { event -> ([ServiceSummary], Int)? in
            if case let .loading(rows, expected) = event { return (rows, expected) }
            return nil
        }
        #expect(loading.count == events.count - 1, "only .loading before the reset")
        try #require(!loading.isEmpty, "a cold start of \(Self.count) files shows rows before the last parse")
        // The first screen's files are the first by name in every namespace: a fifth of
        // them are in "other" here, and the rows shown are more than a screen.
        #expect(loading[0].0.count >= WorkspaceBackend.firstScreenRows / 2)
        var previous = 0
        for (shown, total) in loading {
            // Complete rows (backends counted), exactly the final list's first rows.
            #expect(Array(expected.prefix(shown.count)) == shown)
            #expect(shown.count > previous && shown.count < expected.count)
            // The estimate counts what the scan found: deep.yaml's service too, which its
            // parse then refuses (the nesting bound).
            #expect(total == expected.count + 1)
            previous = shown.count
        }
        #expect(try await backend.problems().map(\.file) == Self.problemFiles.map(workspace.path))
    }

    @Test func readsDuringTheFirstPassWaitForEveryFile() async throws {
        let workspace = try Self.makeWorkspace()
        let backend = try workspace.backend()
        await backend.startWatching()
        _ = try await backend.serviceNamespaces()
        // Not from the partial index: the whole count, and a service the first screen lacks.
        let last = Self.name(Self.count - 1)
        let all = try await backend.services(in: .named("default"))
        #expect(all.last?.name == last)
        #expect(try await backend.service(ServiceID(namespace: "default", name: last)).name == last)
        #expect(try await backend.namespaces() == ["default", "other"])
        // Everything is parsed: the subscription's first event is the whole list.
        let events = await Self.eventsUntilReset(backend, scope: .named("default"))
        #expect(events.count == 1)
        if case .reset(let rows)? = events.first { #expect(rows == all) } else { Issue.record("no reset") }
    }

    /// A write during the first pass sees the whole workspace: a service that only a file
    /// not yet parsed holds already exists.
    @Test func aWriteDuringTheFirstPassSeesEveryFile() async throws {
        let workspace = try Self.makeWorkspace()
        let backend = try workspace.backend()
        await backend.startWatching()
        _ = try await backend.serviceNamespaces()
        let last = ServiceID(namespace: "default", name: Self.name(Self.count - 1))
        await #expect(throws: StoreError.alreadyExists(last)) {
            try await backend.create(serviceManifest(last.name, namespace: last.namespace), dryRun: false)
        }
    }

    /// The screen asks for namespaces and problems as it subscribes: whichever reaches the
    /// backend first, the subscription still sees rows before the last file is parsed, and
    /// the reads answer from the whole workspace.
    @Test func readsThatComeFirstDoNotHideTheFirstRows() async throws {
        let workspace = try Self.makeWorkspace()
        let backend = try workspace.backend()
        await backend.startWatching()
        _ = try await backend.serviceNamespaces()
        let namespaces = Task { try await backend.namespaces() }
        let problems = Task { try await backend.problems() }
        let events = await Self.eventsUntilReset(backend, scope: .named("default"))
        #expect(try await namespaces.value == ["default", "other"])
        #expect(try await problems.value.map(\.file) == Self.problemFiles.map(workspace.path))
        #expect(events.count >= 2, "rows shown before the reset")
        guard case .reset(let rows)? = events.last else {
            Issue.record("no reset")
            return
        }
        for case .loading(let shown, _) in events.dropLast() {
            #expect(Array(rows.prefix(shown.count)) == shown)
        }
    }

    @Test func theDiskCacheIsWrittenAfterTheFirstPassSoTheNextStartIsWarm() async throws {
        let workspace = try Self.makeWorkspace()
        let cache = try TemporaryWorkspace()
        let cold = try WorkspaceBackend(root: workspace.root, writer: AtomicFileWriter(), cacheDirectory: cache.root)
        let first = await Self.eventsUntilReset(cold, scope: .named("other"))
        guard case .reset(let rows)? = first.last else {
            Issue.record("no reset")
            return
        }
        #expect(first.count > 1, "the cold start showed rows first")
        #expect(rows.count == (Self.count + 4) / 5)
        let warm = try WorkspaceBackend(root: workspace.root, writer: AtomicFileWriter(), cacheDirectory: cache.root)
        let second = await Self.eventsUntilReset(warm, scope: .named("other"))
        #expect(second.count == 1)
        if case .reset(let again)? = second.first { #expect(again == rows) }
    }
}
