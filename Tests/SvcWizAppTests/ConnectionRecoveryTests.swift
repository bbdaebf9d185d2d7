import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// Errors leave the status line when their cause does, even when nothing changes on the
/// cluster: a failed refresh watches again (the watch lists first), and a detail that
/// failed to load is loaded again, its error going once it loads.
struct ConnectionRecoveryTests {
    static let refused = StoreError.unreachable(message: "10.0.0.1:6443: connection refused")

    @Test func aFailedRefreshWatchesAgainAndItsListEndsTheError() async throws {
        var state = try await ConnectionStateTests.clusterState()
        let rows = state.list.services.rows
        let effects = state.update(.servicesLoaded(.named("shop"), .failure(Self.refused)))
        #expect(effects == [.watch(.named("shop"))], "a healthy watch may see no change for hours")
        #expect(ShopScreens.render(state).lines[22].contains("cannot reach the cluster"))
        _ = state.update(.store(.named("shop"), .reset(rows)))
        #expect(state.list.error == nil)
        #expect(state.status?.text == "Reconnected: the list is current again.")
        #expect(!ShopScreens.render(state).lines[22].contains("cannot reach"))
    }

    @Test func aDetailThatFailedToLoadIsLoadedAgainOnReconnectAndItsErrorGoes() async throws {
        var state = try await ConnectionStateTests.clusterState()
        let rows = state.list.services.rows
        let service = rows[0].id
        state.screen = .detail(DetailScreen(service))
        _ = state.update(.store(.named("shop"), .failed(Self.refused)))
        _ = state.update(.detailLoaded(service, .failure(Self.refused)))
        #expect(state.status?.severity == .error)
        let effects = state.update(.store(.named("shop"), .reset(rows)))
        #expect(effects == [.loadDetail(service)])
        #expect(state.status?.text == "Reconnected: the list is current again.")
        // The detail's own error, still on the status line when the list never failed, goes
        // once the detail loads.
        _ = state.update(.detailLoaded(service, .failure(Self.refused)))
        #expect(state.status?.severity == .error)
        let stored = try await ShopScreens.backend().service(service)
        _ = state.update(.detailLoaded(service, .success(DetailData(stored: stored, backends: nil))))
        #expect(state.status == nil)
        #expect(!ShopScreens.render(state).text.contains("cannot reach"))
    }
}
