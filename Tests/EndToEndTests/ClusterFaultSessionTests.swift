import Foundation
import Testing
import KubeTestServer
import ServiceModel

/// The real binary against a test API server that misbehaves: a stall, a failed TLS
/// handshake, 503 and 429 answers, connections reset in the middle of a list and of a
/// watch. Keys keep working throughout, each fault is named on the status line while it
/// lasts, with the age of the rows kept on screen, and "Reconnected" replaces it once the
/// server answers again. Stalls are long (20 s) so that "while it lasts" holds on a loaded
/// machine, where one look at the screen through tmux can take seconds; the 5 s bound is
/// asserted in process, by `ConnectionFaultTests`.
@Suite(.serialized)
struct ClusterFaultSessionTests {
    /// How long a stall lasts: every bound below stays well inside it.
    static let stall: Int64 = 20
    /// A fault must be on screen before the stall ends, and well before that on an idle machine.
    static let whileItLasts: TimeInterval = 15
    /// A key must be answered well before a stall ends: a UI thread that waited on the
    /// network would answer only after it.
    static let answerBound: TimeInterval = 12

    func waitForWatch(_ faults: TestFaults) async throws {
        let deadline = Date().addingTimeInterval(20)
        while faults.openWatchConnections == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(faults.openWatchConnections > 0, "the watch never opened")
    }

    /// Waits for the screen, naming the step (as it stands then) when it never comes.
    @discardableResult
    func waitFor(_ tmux: TmuxSession, _ step: @autoclosure () -> String, timeout: TimeInterval,
                 _ condition: (String) -> Bool) async throws -> String {
        do {
            return try await tmux.waitFor(timeout: timeout, condition)
        } catch {
            Issue.record("\(step()): \(error)")
            throw error
        }
    }

    /// `?` opens the help and Esc closes it: the UI thread answers keys.
    func keysAnswer(_ tmux: TmuxSession) async throws -> TimeInterval {
        let pressed = Date()
        try await tmux.keys("?")
        try await waitFor(tmux, "help opens", timeout: Self.answerBound) { $0.contains("Keys: ") }
        let answered = Date().timeIntervalSince(pressed)
        try await tmux.keys("Escape")
        try await waitFor(tmux, "help closes", timeout: Self.answerBound) { !$0.contains("Keys: ") }
        return answered
    }

    @Test func theScreenStaysResponsiveAndTellsTheTruthThroughFaults() async throws {
        let cluster = try await ClusterSessionTests.Cluster.start()
        let faults = cluster.server.faults
        let tmux = try await TmuxSession.start(columns: 140, rows: 30)
        try await ClusterSessionTests().launch(tmux, kubeconfig: try cluster.kubeconfig(token: ClusterSessionTests.adminToken))
        try await waitForWatch(faults)

        // A stall: keys are answered meanwhile; the wait is named while it lasts.
        let stalled = Date()
        faults.stall(for: .seconds(Self.stall))
        faults.resetWatches()
        #expect(try await keysAnswer(tmux) < Self.answerBound, "a key is answered while the request hangs")
        let waiting = try await waitFor(tmux, "stall named", timeout: 30) { $0.contains("no answer for 3 s") }
        #expect(Date().timeIntervalSince(stalled) < Self.whileItLasts)
        #expect(waiting.contains("showing rows from"), "the rows' age beside the error")
        #expect(waiting.contains("web (网站)"), "the rows stay")
        try await waitFor(tmux, "stall over", timeout: 60) { $0.contains("Reconnected") && !$0.contains("no answer") }
        try await waitForWatch(faults)

        // TLS handshakes fail: named; keys still answered; healed, it says so.
        let broken = Date()
        faults.failHandshakes(true)
        try await waitFor(tmux, "TLS named", timeout: 30) { $0.contains("TLS") }
        #expect(Date().timeIntervalSince(broken) < Self.whileItLasts)
        #expect(try await keysAnswer(tmux) < Self.answerBound)
        faults.failHandshakes(false)
        try await waitFor(tmux, "TLS over", timeout: 30) { $0.contains("Reconnected") && !$0.contains("TLS") }
        try await waitForWatch(faults)

        // 503, then 429 with Retry-After: each named, then over. Twenty answers each (the
        // list's endpoint and pod reads take their share), so the error stays on screen for
        // seconds, long enough to be seen through tmux under load.
        for (code, retryAfter) in [(503, nil), (429, 1)] as [(Int, Int?)] {
            cluster.server.store.failNext(code, times: 20, retryAfter: retryAfter)
            faults.resetWatches()
            try await waitFor(tmux, "\(code) named (requests: \(cluster.server.store.requests.suffix(8)))", timeout: 15) {
                $0.contains("server error \(code)")
            }
            try await waitFor(tmux, "\(code) over", timeout: 90) { $0.contains("Reconnected") && !$0.contains("server error") }
            try await waitForWatch(faults)
        }

        // Reset mid-list (a refresh) and mid-watch: read again, nothing to report; a change
        // made meanwhile arrives.
        // The refresh is let finish first: a refresh answered after a watch event would put
        // the older list back (the app has no ordering between the two).
        let listed = { cluster.server.store.requests.filter { $0 == "GET /api/v1/namespaces/demo/services" }.count }
        let before = listed()
        // `r` lists namespaces too: the cut must fall on the services' list.
        faults.resetLists(times: 1, of: "ServiceList")
        try await tmux.keys("r")
        let deadline = Date().addingTimeInterval(20)
        while listed() < before + 2, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(listed() >= before + 2, "the cut list was read again")
        // The watch resumes only after its retry pause, well after that answer went out.
        faults.resetWatches()
        cluster.server.store.seed(try ManifestReader.objects("""
        apiVersion: v1
        kind: Service
        metadata: {name: added-later}
        spec:
          ports: [{port: 81}]
        """)[0], namespace: "demo")
        let after = try await waitFor(tmux, "change made during resets arrives", timeout: 20) { $0.contains("added-later") }
        #expect(!after.contains("cannot reach"))
        #expect(try await keysAnswer(tmux) < Self.answerBound)

        // Hung effects other than the list: a detail load, then a delete. Keys are answered
        // while each hangs, and each completes when the server answers again.
        try await tmux.type("/api")
        try await tmux.keys("Enter")
        faults.stall(for: .seconds(Self.stall))
        try await tmux.keys("Enter")
        try await waitFor(tmux, "detail opens", timeout: 10) { $0.contains("service: api") }
        #expect(try await keysAnswer(tmux) < Self.answerBound, "answered while the detail loads")
        try await tmux.keys("C-d")
        try await waitFor(tmux, "delete asks", timeout: 10) { $0.contains("Delete service api?") }
        try await tmux.keys("C-d")
        #expect(try await keysAnswer(tmux) < Self.answerBound, "answered while the delete hangs")
        try await waitFor(tmux, "delete done", timeout: 60) { $0.contains("Deleted api.") }
        #expect(cluster.server.store.object("services", namespace: "demo", name: "api") == nil)

        try await tmux.keys("q")
        await cluster.stop()
    }
}
