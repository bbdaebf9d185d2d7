import Foundation
import ServiceModel
import ServiceStore
import TerminalUI
import Testing
@testable import SvcWizApp

/// On a cluster, a create svcwiz's check refuses goes to the server's dry run, and the
/// server's answer is the one that counts.
@Suite struct ServerVerdictTests {
    /// A wizard on a cluster whose draft svcwiz refuses only by the 1.24 rules (port 10250
    /// on a LoadBalancer).
    static func refusedOnCluster() -> AppState {
        var state = AppState(text: UIText(.en), backend: BackendInfo(kind: .cluster, location: "test"), readOnly: false,
                             size: TerminalSize(columns: 100, rows: 30), scope: .named("shop"), exportFolder: ".")
        state.choices.kubeVersion = KubeVersionChoice(version: .oldest, source: .cluster)
        var wizard = WizardState.newShopWizard()
        wizard.draft.name = "kubelet"
        wizard.draft.selector = [KeyValueRow(key: "app", value: "kubelet")]
        wizard.draft.ports = [PortRow(name: "https", port: "10250", targetPort: "10250")]
        wizard.draft.externalAccess = .loadBalancer
        _ = state.openWizard(wizard)
        return state
    }

    @Test func aRefusedCreateAsksTheServerOnlyOnACluster() throws {
        var state = Self.refusedOnCluster()
        let effects = state.update(.key(.ctrl("s")))
        let wizard = try #require(EditorModeTests.wizardState(state))
        #expect(!wizard.errors.isEmpty)
        #expect(effects == [.dryRunCreate(wizard.manifest)])

        state.backend = BackendInfo(kind: .workspace, location: "/w")
        #expect(state.update(.key(.ctrl("s"))).isEmpty)
    }

    @Test func theServersAcceptanceIsShownAndLetsTheSameServiceBeCreated() throws {
        var state = Self.refusedOnCluster()
        _ = state.update(.key(.ctrl("s")))
        let manifest = try #require(EditorModeTests.wizardState(state)).manifest
        let accepted = StoredService(manifest: manifest, version: "", location: "x")
        _ = state.update(.dryRunChecked(manifest, .success(accepted)))
        #expect(state.status?.text.contains("The cluster's dry run accepts this service") == true, "\(String(describing: state.status))")
        #expect(state.status?.text.contains("spec.ports[0]") == true)
        #expect(state.update(.key(.ctrl("s"))) == [.create(manifest)])
    }

    @Test func theServersRefusalIsShownInItsWords() throws {
        var state = Self.refusedOnCluster()
        _ = state.update(.key(.ctrl("s")))
        let manifest = try #require(EditorModeTests.wizardState(state)).manifest
        let refusal = FieldError(path: "spec.ports[0]", kind: .invalid, key: .serverMessage,
                                 arguments: ["Invalid value: 10250: may not expose port 10250 externally since it is used by kubelet"])
        _ = state.update(.dryRunChecked(manifest, .failure(.invalid(ServiceID(namespace: "default", name: "kubelet"), errors: [refusal]))))
        let wizard = try #require(EditorModeTests.wizardState(state))
        #expect(wizard.serverErrors == [refusal])
        #expect(wizard.serverAccepted == nil)
        #expect(state.update(.key(.ctrl("s"))) != [.create(manifest)])
    }
}
