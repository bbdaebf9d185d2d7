import Foundation
import Testing
import KubeTestServer
import ServiceModel

/// The real binary against a test API server that misbehaves: a stall, a failed TLS
/// handshake, 503 and 429 answers, connections reset in the middle of a list and of a
/// watch. Keys keep working throughout, each fault is named on the status line within 5 s
/// with the age of the rows kept on screen, and "Reconnected" replaces it once the server
/// answers again.
@Suite(.serialized)
struct ClusterFaultSessionTests {
    func waitForWatch(_ faults: TestFaults) async throws {
        let deadline = Date().addingTimeInterval(20)
        while faults.openWatchConnections == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(faults.openWatchConnections > 0, "the watch never opened")
    }

    /// `?` opens the help and Esc closes it: the UI thread answers keys.
    func keysAnswer(_ tmux: TmuxSession) async throws -> TimeInterval {
        let pressed = Date()
        try await tmux.keys("?")
        try await tmux.waitFor(timeout: 5) { $0.contains("Keys: ") }
        let answered = Date().timeIntervalSince(pressed)
        try await tmux.keys("Escape")
        try await tmux.waitFor(timeout: 5) { !$0.contains("Keys: ") }
        return answered
    }

    @Test func theScreenStaysResponsiveAndTellsTheTruthThroughFaults() async throws {
        let cluster = try await ClusterSessionTests.Cluster.start()
        let faults = cluster.server.faults
        let tmux = try await TmuxSession.start(columns: 140, rows: 30)
        try await ClusterSessionTests().launch(tmux, kubeconfig: try cluster.kubeconfig(token: ClusterSessionTests.adminToken))
        try await waitForWatch(faults)

        // A 5 s stall: keys are answered meanwhile; the wait is named within 5 s.
        let stalled = Date()
        faults.stall(for: .seconds(5))
        faults.resetWatches()
        #expect(try await keysAnswer(tmux) < 2, "a key is answered while the request hangs")
        let waiting = try await tmux.waitFor(timeout: 10) { $0.contains("no answer for 3 s") }
        #expect(Date().timeIntervalSince(stalled) < 5.5)
        #expect(waiting.contains("showing rows from"), "the rows' age beside the error")
        #expect(waiting.contains("web (网站)"), "the rows stay")
        try await tmux.waitFor(timeout: 20) { $0.contains("Reconnected") && !$0.contains("no answer") }
        try await waitForWatch(faults)

        // TLS handshakes fail: named within 5 s; keys still answered; healed, it says so.
        let broken = Date()
        faults.failHandshakes(true)
        try await tmux.waitFor(timeout: 10) { $0.contains("TLS") }
        #expect(Date().timeIntervalSince(broken) < 5.5)
        #expect(try await keysAnswer(tmux) < 2)
        faults.failHandshakes(false)
        try await tmux.waitFor(timeout: 30) { $0.contains("Reconnected") && !$0.contains("TLS") }
        try await waitForWatch(faults)

        // 503, then 429 with Retry-After: each named, then over.
        for (code, retryAfter) in [(503, nil), (429, 1)] as [(Int, Int?)] {
            cluster.server.store.failNext(code, times: 5, retryAfter: retryAfter)
            faults.resetWatches()
            try await tmux.waitFor(timeout: 10) { $0.contains("server error \(code)") }
            try await tmux.waitFor(timeout: 30) { $0.contains("Reconnected") && !$0.contains("server error") }
            try await waitForWatch(faults)
        }

        // Reset mid-list (a refresh) and mid-watch: read again, nothing to report; a change
        // made meanwhile arrives.
        faults.resetLists(times: 1)
        try await tmux.keys("r")
        faults.resetWatches()
        cluster.server.store.seed(try ManifestReader.objects("""
        apiVersion: v1
        kind: Service
        metadata: {name: added-later}
        spec:
          ports: [{port: 81}]
        """)[0], namespace: "demo")
        let after = try await tmux.waitFor(timeout: 20) { $0.contains("added-later") }
        #expect(!after.contains("cannot reach"))
        #expect(try await keysAnswer(tmux) < 2)

        // Hung effects other than the list: a detail load, then a delete. Keys are answered
        // while each hangs, and each completes when the server answers again.
        try await tmux.type("/api")
        try await tmux.keys("Enter")
        faults.stall(for: .seconds(6))
        try await tmux.keys("Enter")
        try await tmux.waitFor(timeout: 5) { $0.contains("service: api") }
        #expect(try await keysAnswer(tmux) < 2, "answered while the detail loads")
        try await tmux.keys("C-d")
        try await tmux.waitFor(timeout: 5) { $0.contains("Delete service api?") }
        try await tmux.keys("C-d")
        #expect(try await keysAnswer(tmux) < 2, "answered while the delete hangs")
        try await tmux.waitFor(timeout: 20) { $0.contains("Deleted api.") }
        #expect(cluster.server.store.object("services", namespace: "demo", name: "api") == nil)

        try await tmux.keys("q")
        await cluster.stop()
    }
}
