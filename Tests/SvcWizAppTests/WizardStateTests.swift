import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

struct WizardStateTests {
    @Test func nextStaysOnAStepWithErrorsAndShowsThem() {
        var wizard = WizardState.newShopWizard()
        #expect(wizard.messages(for: .name, language: .en).isEmpty, "no error before the user tried")
        wizard.press(.ctrl("n"))
        #expect(wizard.page == .step(.basicInfo))
        #expect(!wizard.messages(for: .name, language: .en).isEmpty)
        wizard.type("Web_API")
        wizard.press(.ctrl("n"))
        #expect(wizard.page == .step(.basicInfo))
        #expect(wizard.messages(for: .name, language: .en).first?.contains("e.g.") == true, "the message says what to type")
    }

    @Test func aValidNameMovesOnAndProposesTheAppLabel() {
        var wizard = WizardState.newShopWizard()
        wizard.type("search")
        let commands = wizard.press(.ctrl("n"))
        #expect(wizard.page == .step(.serviceSettings))
        #expect(commands.contains(.checkName(ServiceID(namespace: "shop", name: "search"))))
        #expect(wizard.draft.labels == [KeyValueRow(key: "app", value: "search")])
    }

    @Test func aTakenNameBlocksNext() {
        var wizard = WizardState.newShopWizard()
        wizard.type("frontend")
        wizard.nameTaken = "frontend"
        wizard.press(.ctrl("n"))
        #expect(wizard.page == .step(.basicInfo))
        #expect(wizard.messages(for: .name, language: .en).contains { $0.contains("already exists") })
    }

    @Test func previousNeverLosesInput() {
        var wizard = WizardState.newShopWizard()
        wizard.type("search")
        wizard.press(.ctrl("n"))
        wizard.focusOn(.port(0))
        wizard.type("80x")
        wizard.press(.ctrl("p"), .ctrl("n"))
        #expect(wizard.draft.ports[0].port == "80x")
        #expect(wizard.draft.name == "search")
    }

    @Test func typeSwitchesKeepThePortsAndSelectorTyped() {
        var wizard = WizardState.newShopWizard()
        wizard.type("search")
        wizard.press(.ctrl("n"))
        wizard.focusOn(.selectorKey(0))
        wizard.type("app")
        wizard.press(.tab)
        wizard.type("search")
        wizard.focusOn(.port(0))
        wizard.type("8080")
        wizard.focusOn(.kind)
        wizard.press(.right)
        #expect(wizard.draft.kind == .headlessSelector)
        wizard.press(.right)
        #expect(wizard.draft.kind == .headlessExternalName)
        #expect(!wizard.fields(of: .serviceSettings).contains(.port(0)))
        #expect(wizard.manifest.node(at: "spec.selector") == nil)
        wizard.press(.right)
        #expect(wizard.draft.kind == .virtualIP)
        #expect(wizard.text(of: .port(0)) == "8080")
        #expect(wizard.text(of: .selectorValue(0)) == "search")
    }

    @Test func switchingAccessToNoneRemovesNodePorts() {
        var wizard = WizardState.newShopWizard()
        wizard.draft.ports = [PortRow(name: "http", port: "80")]
        wizard.go(to: .externalAccess)
        wizard.press(.right)
        #expect(wizard.draft.externalAccess == .nodePort)
        wizard.focusOn(.nodePort(0))
        wizard.type("30090")
        #expect(wizard.manifest.node(at: "spec.ports[0].nodePort")?.int == 30090)
        wizard.focusOn(.access)
        wizard.press(.left)
        #expect(wizard.draft.externalAccess == .none)
        #expect(wizard.manifest.node(at: "spec.ports[0].nodePort") == nil)
    }

    @Test func leavingLoadBalancerRemovesThePresetAnnotationsOnly() {
        var wizard = WizardState.newShopWizard()
        wizard.draft.ports = [PortRow(name: "http", port: "80")]
        wizard.draft.annotations = [KeyValueRow(key: "team", value: "web")]
        wizard.go(to: .externalAccess)
        wizard.press(.right, .right)
        #expect(wizard.draft.externalAccess == .loadBalancer)
        wizard.focusOn(.provider)
        wizard.press(.left, .left)
        #expect(wizard.draft.loadBalancerProvider == .qingCloud)
        let annotations = wizard.manifest.node(at: "metadata.annotations")?.keys ?? []
        #expect(annotations.contains("service.beta.kubernetes.io/qingcloud-load-balancer-type"))
        wizard.focusOn(.access)
        wizard.press(.right)
        #expect(wizard.draft.externalAccess == .none)
        #expect(wizard.manifest.node(at: "metadata.annotations")?.keys == ["team"])
    }

    @Test func aNodePortAnotherServiceUsesIsFlagged() {
        var wizard = WizardState.newShopWizard()
        wizard.draft.ports = [PortRow(name: "http", port: "80")]
        wizard.go(to: .externalAccess)
        wizard.press(.right)
        wizard.focusOn(.nodePort(0))
        wizard.type("30080")
        wizard.press(.tab)
        #expect(wizard.messages(for: .nodePort(0), language: .en).contains { $0.contains("used by service frontend") })
        #expect(wizard.hasProblems(.externalAccess))
    }

    @Test func headlessServicesHaveNoExternalAccessFields() {
        var wizard = WizardState.newShopWizard()
        wizard.draft.kind = .headlessSelector
        #expect(wizard.fields(of: .externalAccess).isEmpty)
    }

    @Test func pickingAWorkloadReplacesTheSelectorAndSaysSo() {
        var wizard = WizardState.newShopWizard()
        wizard.go(to: .serviceSettings)
        #expect(wizard.press(.ctrl("w")).contains(.pickWorkload))
        let commands = wizard.pick([wizard.workloads![0]], text: UIText(.en))
        #expect(commands.contains(.saveDraft))
        #expect(wizard.draft.selector.map(\.key) == ["app", "tier"])
        #expect(wizard.notice == "Selector set to the pod labels of Deployment frontend.")
        #expect(wizard.matchingWorkloads?.count == 1)
        #expect(wizard.draft.targetPortSuggestions.map(\.port) == [8080])
    }

    @Test func rowsAreAddedAndRemovedWithCtrlAAndCtrlK() {
        var wizard = WizardState.newShopWizard()
        wizard.go(to: .labels)
        wizard.type("tier")
        wizard.press(.ctrl("a"))
        #expect(wizard.focus == .labelKey(1))
        wizard.type("team")
        #expect(wizard.draft.labels.map(\.key) == ["tier", "team"])
        wizard.press(.ctrl("k"))
        #expect(wizard.draft.labels.map(\.key) == ["tier"])
        #expect(wizard.focus == .labelKey(0))
    }

    @Test func pastedNewlinesAndEscapesStayOnOneLine() {
        var wizard = WizardState.newShopWizard()
        wizard.press(.paste("web\napi\u{1B}[31m"))
        #expect(!wizard.draft.name.contains("\n"))
        #expect(!wizard.draft.name.contains("\u{1B}"))
    }

    @Test func ctrlSWithErrorsOpensTheFirstBrokenStep() {
        var wizard = WizardState.newShopWizard()
        wizard.type("search")
        wizard.go(to: .externalAccess)
        let commands = wizard.press(.ctrl("s"))
        // Nothing is created; the app may ask a cluster's dry run (ServerVerdictTests).
        #expect(commands == [.askServer(wizard.manifest)])
        #expect(wizard.page == .step(.serviceSettings), "the empty port row is the first problem")
    }

    @Test func ctrlSOnAValidDraftCreatesTheManifest() {
        var wizard = WizardState.newShopWizard()
        wizard.type("search")
        wizard.draft.ports = [PortRow(name: "http", port: "80", targetPort: "8080")]
        let commands = wizard.press(.ctrl("s"))
        guard case .create(let manifest)? = commands.first else {
            Issue.record("no create: \(commands) \(wizard.errors) page \(wizard.page)")
            return
        }
        #expect(ServiceValidator.validate(manifest).isEmpty)
        #expect(manifest.node(at: "metadata.name")?.string == "search")
    }

    @Test func everyChangeInCreateModeAsksToSaveTheDraft() {
        var wizard = WizardState.newShopWizard()
        #expect(wizard.press(.character("a")) == [.saveDraft])
    }

    @Test func editModeLocksTheTypeAndShowsOneStep() throws {
        let manifest = try ManifestReader.objects("apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n")[0]
        var wizard = WizardState.edit(StoredService(manifest: manifest, version: "1", location: "x"), step: .serviceSettings, usedNodePorts: [:])
        #expect(wizard.steps == [.serviceSettings])
        #expect(!wizard.fields(of: .serviceSettings).contains(.kind))
        #expect(wizard.press(.ctrl("s")) == [.reviewEdit])
        #expect(wizard.press(.character("x")).isEmpty, "edits do not write drafts")
    }
}

struct WizardDescriptionTests {
    @Test func editingAMultiLineDescriptionKeepsItsNewlines() throws {
        let manifest = try ManifestReader.objects("""
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            kubesphere.io/description: |-
              first line
              second line
        spec:
          ports: [{port: 80}]
        """)[0]
        var wizard = WizardState.edit(StoredService(manifest: manifest, version: "1", location: "x"), step: .basicInfo, usedNodePorts: [:])
        wizard.focusOn(.description)
        #expect(wizard.text(of: .description) == "first line↵second line")
        wizard.type("!")
        #expect(wizard.draft.description == "first line\nsecond line!")
    }
}
