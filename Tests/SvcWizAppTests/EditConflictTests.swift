import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// A save that finds the service changed on the other side never overwrites silently.
struct EditConflictTests {
    static let original = """
    apiVersion: v1
    kind: Service
    metadata: {name: web, namespace: shop, labels: {app: web}}
    spec:
      selector: {app: web}
      ports: [{name: http, port: 80}]
    """

    @Test func aConflictShowsTheirChangesAndReloadReappliesMine() throws {
        let stored = StoredService(manifest: try ManifestReader.objects(Self.original)[0], version: "v1", location: "x")
        var wizard = WizardState.edit(stored, step: .labels, usedNodePorts: [:])
        wizard.focusOn(.labelValue(0))
        wizard.press(.backspace, .backspace, .backspace)
        wizard.type("shop")
        var state = EditorModeTests.app(.wizard(wizard))

        // Save: the diff shows first, then the update goes with the version that was read.
        _ = state.update(.key(.ctrl("s")))
        guard case .diff(let panel)? = state.overlay else {
            Issue.record("no diff before save")
            return
        }
        #expect(panel.lines.contains(.added("    app: shop")))
        #expect(state.update(.key(.enter)).contains { if case .update(_, "v1") = $0 { return true } else { return false } })

        // Meanwhile someone added a label and a port.
        var theirs = stored.manifest
        theirs.set("metadata.labels.owner", to: .string("ops"))
        theirs.set("spec.ports", to: try #require(try ManifestReader.parse("- {name: http, port: 80}\n- {name: admin, port: 9000}\n").documents.first?.root))
        let current = StoredService(manifest: theirs, version: "v2", location: "x")
        _ = state.update(.updated(.failure(.conflict(ServiceID(namespace: "shop", name: "web"), current: current))))
        guard case .conflict(_, let changes)? = state.overlay else {
            Issue.record("no conflict dialog")
            return
        }
        #expect(changes.contains(.added("    owner: ops")))
        #expect(ShopScreens.render(state).text.contains("Changed on the other side"))

        _ = state.update(.key(.character("r")))
        guard case .wizard(let reloaded) = state.screen else {
            Issue.record("not back in the form")
            return
        }
        #expect(reloaded.stored?.version == "v2", "the next save expects their version")
        let merged = reloaded.manifest
        #expect(merged.node(at: "metadata.labels.app")?.string == "shop", "my edit")
        #expect(merged.node(at: "metadata.labels.owner")?.string == "ops", "their edit")
        #expect(merged.node(at: "spec.ports[1].port")?.int == 9000, "their edit")
    }

    @Test func cancellingAConflictKeepsTheEdits() throws {
        let stored = StoredService(manifest: try ManifestReader.objects(Self.original)[0], version: "v1", location: "x")
        var wizard = WizardState.edit(stored, step: .labels, usedNodePorts: [:])
        wizard.focusOn(.labelValue(0))
        wizard.type("-2")
        var state = EditorModeTests.app(.wizard(wizard))
        _ = state.update(.updated(.failure(.conflict(ServiceID(namespace: "shop", name: "web"), current: stored))))
        _ = state.update(.key(.escape))
        guard case .wizard(let after) = state.screen else {
            Issue.record("not in the form")
            return
        }
        #expect(after.draft.labels.first?.value == "web-2")
        #expect(state.overlay == nil)
    }
}
