import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

struct CommandLineAndProblemsTests {
    static func type(_ text: String, into state: inout AppState) {
        _ = state.update(.key(.character(":")))
        for character in text { _ = state.update(.key(.character(character))) }
    }

    @Test func ctxSwitchesContextOnAClusterOnly() async throws {
        var workspace = try await ShopScreens.listState()
        Self.type("ctx prod", into: &workspace)
        #expect(workspace.update(.key(.enter)).isEmpty)
        #expect(workspace.status?.text.contains("workspace") == true)

        var cluster = workspace
        cluster.backend = BackendInfo(kind: .cluster, location: "dev (https://10.0.0.1)")
        Self.type("ctx prod", into: &cluster)
        #expect(cluster.update(.key(.enter)) == [.switchContext("prod")])
        let effects = cluster.update(.backendChanged(BackendInfo(kind: .cluster, location: "prod (https://10.0.0.2)"), namespace: "web"))
        #expect(cluster.scope == .named("web"))
        #expect(effects.contains(.watch(.named("web"))))
        #expect(effects.contains(.checkPermissions(namespace: "web")))
        #expect(ShopScreens.render(cluster).lines[0].contains("cluster prod"))
    }

    @Test func unreadableFilesAreReportedNotHidden() async throws {
        var state = try await ShopScreens.listState()
        let problem = ManifestParseError(file: "/w/broken.yaml", line: 4, column: 3, message: "did not find expected key")
        _ = state.update(.problems([problem]))
        #expect(state.status?.severity == .warning)
        #expect(state.status?.text == "1 unreadable file(s) skipped: ! lists them")
        #expect(state.messages.contains { $0.text == "/w/broken.yaml:4:3: did not find expected key" })
    }

    @Test func deniedActionsLeaveTheKeyTable() async throws {
        var state = try await ShopScreens.listState()
        _ = state.update(.permissions(namespace: "shop", denied: [.create, .delete]))
        #expect(!state.keyTable.contains { $0.action == .create || $0.action == .delete })
        #expect(state.keyTable.contains { $0.action == .edit })
        #expect(state.update(.key(.character("c"))).isEmpty)
    }
}
