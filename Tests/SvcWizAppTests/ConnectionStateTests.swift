import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// The status line tells the truth about the connection: a failure with the age of the
/// rows kept on screen, said once however often the retries repeat it, and replaced by
/// "reconnected" with the first rows that arrive after it.
struct ConnectionStateTests {
    static func clusterState(language: Language = .en) async throws -> AppState {
        var state = try await ShopScreens.listState(columns: 140, language: language)
        state.backend = BackendInfo(kind: .cluster, location: "e2e (https://10.0.0.1:6443)")
        return state
    }

    static let refused = StoreError.unreachable(message: "10.0.0.1:6443: connection refused")

    @Test func aFailureShowsTheRowsAgeAndTheFirstRowsAfterItSayReconnected() async throws {
        var state = try await Self.clusterState()
        let rows = state.list.rows
        state.lastUpdated = ShopScreens.now.addingTimeInterval(-40)
        _ = state.update(.store(.named("shop"), .failed(Self.refused)))
        _ = state.update(.store(.named("shop"), .failed(Self.refused)))
        #expect(state.messages.filter { $0.severity == .error }.count == 1, "a failure each retry repeats is posted once")
        #expect(state.showsStaleRows, "the runner ticks while the age shows")

        let failing = ShopScreens.render(state).lines
        #expect(failing[22].contains("! cannot reach the cluster: 10.0.0.1:6443: connection refused; retrying"))
        #expect(failing[22].hasSuffix("showing rows from 40s ago"), "the age at the right: \(failing[22])")
        #expect(failing.contains { $0.hasPrefix(">cart") }, "the rows stay")

        _ = state.update(.store(.named("shop"), .reset(rows)))
        #expect(state.listError == nil)
        #expect(!state.showsStaleRows)
        #expect(state.status?.text == "Reconnected: the list is current again.")
        let healed = ShopScreens.render(state).lines
        #expect(healed[22].contains("Reconnected"))
        #expect(!healed[22].contains("cannot reach"))

        // Rows that arrive while nothing failed say nothing.
        let posted = state.messages.count
        _ = state.update(.store(.named("shop"), .reset(rows)))
        #expect(state.messages.count == posted)
    }

    @Test func aFailedRefreshIsClearedByTheWatchToo() async throws {
        var state = try await Self.clusterState()
        _ = state.update(.servicesLoaded(.named("shop"), .failure(Self.refused)))
        #expect(state.listError != nil)
        _ = state.update(.store(.named("shop"), .upserted(state.list.rows[0])))
        #expect(state.listError == nil)
        #expect(state.status?.text == "Reconnected: the list is current again.")
    }

    @Test func aWorkspaceSaysItCanBeReadAgainNotReconnected() async throws {
        var state = try await ShopScreens.listState()
        _ = state.update(.store(.named("shop"), .failed(.io(path: "/work/shop", message: "the workspace folder is gone"))))
        _ = state.update(.store(.named("shop"), .reset(state.list.rows)))
        #expect(state.status?.text == "The workspace can be read again: the list is current.")
    }

    @Test func theStatusLineSpeaksChinese() async throws {
        var state = try await Self.clusterState(language: .zh)
        state.lastUpdated = ShopScreens.now.addingTimeInterval(-40)
        _ = state.update(.store(.named("shop"), .failed(Self.refused)))
        let line = ShopScreens.render(state).lines[22]
        #expect(line.contains("无法连接集群：10.0.0.1:6443: connection refused；正在重试"))
        #expect(line.contains("显示的是 40s前的数据"))
        _ = state.update(.store(.named("shop"), .reset(state.list.rows)))
        #expect(state.status?.text == "已重新连接：列表已是最新。")
    }
}
