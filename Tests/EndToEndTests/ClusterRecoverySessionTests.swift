import Foundation
import Testing
import KubeTestServer

/// An error on the status line ends when its cause does, even when nothing else happens:
/// a refresh that could not reach the cluster while the watch stayed healthy (and no
/// service changed) is followed by "Reconnected" once the cluster answers.
@Suite(.serialized)
struct ClusterRecoverySessionTests {
    @Test func aRefreshThatCannotReachTheClusterEndsWithReconnected() async throws {
        let cluster = try await ClusterSessionTests.Cluster.start()
        let faults = cluster.server.faults
        let tmux = try await TmuxSession.start(columns: 140, rows: 30)
        try await ClusterSessionTests().launch(tmux, kubeconfig: try cluster.kubeconfig(token: ClusterSessionTests.adminToken))
        let deadline = Date().addingTimeInterval(30)
        while faults.openWatchConnections == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        #expect(faults.openWatchConnections > 0, "the watch never opened")

        // `r` lists services and namespaces, each read tried 4 times: every try is cut.
        faults.resetLists(times: 8)
        try await tmux.keys("r")
        let healed = try await tmux.waitFor(timeout: 60) { $0.contains("Reconnected") }
        #expect(!healed.contains("cannot reach"))
        #expect(!healed.contains("showing rows from"), "no age of old rows once current again")
        try await tmux.keys("!")
        let messages = try await tmux.waitFor(timeout: 30) { $0.contains("Reconnected") && $0.contains("cannot reach the cluster") }
        let failed = try #require(messages.range(of: "cannot reach the cluster"))
        let reconnected = try #require(messages.range(of: "Reconnected", range: failed.upperBound..<messages.endIndex))
        #expect(failed.upperBound <= reconnected.lowerBound, "the failure, then that it is over")
        try await tmux.keys("Escape", "q")
        await cluster.stop()
    }
}
