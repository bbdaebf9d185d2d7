import Foundation
import ServiceModel
import ServiceStore
import TerminalUI
import Testing
@testable import SvcWizApp

/// The release the app checks against: in the title, in the forms' and the editor's rules,
/// and its warnings beside the fields.
@Suite struct KubeVersionScreenTests {
    @Test func theTitleSaysWhichReleaseIsChecked() async throws {
        var state = try await ShopScreens.listState(columns: 120)
        state.choices.kubeVersion = KubeVersionChoice(version: KubeVersion(minor: 28), source: .flag)
        #expect(ShopScreens.render(state).lines[0].contains("ns: shop  k8s 1.28"))
        _ = state.update(.kubeVersionChosen(KubeVersionChoice(version: .newest, source: .clusterUnanswered)))
        #expect(ShopScreens.render(state).lines[0].contains("k8s ? (1.36 rules)"))
    }

    @Test func theEditorMarksErrorsAndWarningsByTheTargetRelease() throws {
        let text = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
        spec:
          type: LoadBalancer
          loadBalancerIP: 010.0.0.1
          selector:
            app: web
          ports:
          - port: 10250
        """
        let wizard = WizardState.create(namespace: "shop", usedNodePorts: [:])
        var state = EditorModeTests.app(.wizard(wizard))
        state.choices.kubeVersion = KubeVersionChoice(version: KubeVersion(minor: 32), source: .flag)
        state.settle(effects: state.openEditor(from: wizard, text: text))
        let old = try #require(EditorModeTests.editorState(state)).editor.markers
        #expect(old[12]?.contains("may not expose port 10250") == true, "\(old)")
        #expect(old[8]?.hasPrefix("warning: 010.0.0.1 has leading zeros") == true, "\(old)")

        state.choices.kubeVersion = KubeVersionChoice(version: KubeVersion(minor: 33), source: .flag)
        state.settle(effects: state.openEditor(from: wizard, text: text))
        let new = try #require(EditorModeTests.editorState(state)).editor.markers
        #expect(new[12] == nil, "\(new)")
    }

    @Test func theWizardChecksByTheAppsRelease() throws {
        var state = EditorModeTests.app(.list)
        state.choices.kubeVersion = KubeVersionChoice(version: KubeVersion(minor: 24), source: .flag)
        var wizard = WizardState.create(namespace: "shop", usedNodePorts: [:])
        wizard.draft.name = "web"
        _ = state.openWizard(wizard)
        wizard = try #require(EditorModeTests.wizardState(state))
        #expect(wizard.rules.profile == RulesProfile(KubeVersion(minor: 24)))
        #expect(wizard.rules.wizardRules)
    }
}
