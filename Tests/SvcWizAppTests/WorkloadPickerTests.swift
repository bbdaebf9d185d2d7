import Foundation
import Testing
import KubeTestServer
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// Ctrl-W in the wizard: several workloads of mixed kinds marked with Space, Enter applying
/// the pod labels they share, and what happens when they share none or select others too.
struct WorkloadPickerTests {
    static func workload(_ kind: Workload.Kind, _ name: String, _ labels: KeyValuePairs<String, String>,
                         ports: [Workload.ContainerPort] = []) -> Workload {
        Workload(kind: kind, name: name, namespace: "shop", podLabels: labels.map { (key: $0.key, value: $0.value) },
                 replicas: kind == .daemonSet ? nil : 2, containerPorts: ports)
    }

    // Names and labels from the example workspace, so the Chinese check counts them as data.
    static let cart = workload(.deployment, "cart", ["app": "cart", "tier": "api"], ports: [.init(name: "http", port: 8080, protocol: "TCP")])
    static let catalog = workload(.statefulSet, "catalog", ["tier": "api", "app": "catalog"],
                                  ports: [.init(name: "grpc", port: 50051, protocol: "TCP"), .init(name: "http", port: 8080, protocol: "TCP")])
    static let mysql = workload(.statefulSet, "mysql", ["app": "mysql"])
    static let exporter = workload(.daemonSet, "node-exporter", ["app": "node-exporter", "tier": "api"])

    /// The app on the wizard's service settings step with a typed selector, the picker open.
    static func pickerState(_ workloads: [Workload], language: Language = .en) async throws -> AppState {
        var state = try await ShopScreens.listState(columns: 120, rows: 40, language: language)
        var wizard = WizardState.create(namespace: "shop", usedNodePorts: [:])
        wizard.go(to: .serviceSettings)
        wizard.draft.selector = [KeyValueRow(key: "app", value: "old")]
        wizard.workloads = workloads
        state.screen = .wizard(wizard)
        #expect(state.update(.key(.ctrl("w"))).isEmpty, "the workloads are listed already")
        return state
    }

    static func wizard(_ state: AppState) throws -> WizardState {
        guard case .wizard(let wizard) = state.screen else { throw PickerTestError.notInWizard }
        return wizard
    }

    enum PickerTestError: Error { case notInWizard }

    @Test func spaceMarksWorkloadsOfMixedKindsAndEnterSetsTheLabelsTheyShare() async throws {
        var state = try await Self.pickerState([Self.cart, Self.mysql, Self.catalog])
        ShopScreens.press([.character(" "), .down, .character(" ")], on: &state)
        let text = ShopScreens.render(state).text
        #expect(text.contains("Pick workloads"))
        #expect(text.contains(" * Deployment cart  app=cart,tier=api  2 pods"))
        #expect(text.contains(">* StatefulSet catalog  tier=api,app=catalog"))
        #expect(text.contains("2 marked, sharing tier=api"))
        #expect(text.contains("Space mark   Enter apply   Esc/q cancel"))
        let effects = state.update(.key(.enter))
        #expect(state.overlay == nil)
        let wizard = try Self.wizard(state)
        #expect(wizard.draft.selector == [KeyValueRow(key: "tier", value: "api")])
        #expect(wizard.notice == "Selector replaced by tier=api, the pod labels Deployment cart, StatefulSet catalog share.")
        #expect(wizard.draft.targetPortSuggestions.map(\.port) == [8080, 50051], "both workloads' ports, each once")
        #expect(effects.contains { if case .saveDraft = $0 { return true } else { return false } })
        let form = ShopScreens.render(state).text
        #expect(form.contains("workload ports: http (8080), grpc (50051)"))
        #expect(form.contains("matches 2: Deployment cart, StatefulSet cat"))
    }

    @Test func workloadsSharingNoLabelAreSaidAndChangeNothing() async throws {
        var state = try await Self.pickerState([Self.cart, Self.mysql, Self.catalog])
        ShopScreens.press([.character(" "), .character(" ")], on: &state)
        #expect(ShopScreens.render(state).text.contains("2 marked, sharing no pod label"))
        ShopScreens.press([.enter], on: &state)
        let text = ShopScreens.render(state).text
        #expect(text.contains("Deployment cart, StatefulSet mysql share no pod label: the selector is unchanged."))
        #expect(try Self.wizard(state).draft.selector == [KeyValueRow(key: "app", value: "old")])
        #expect(try Self.wizard(state).notice == nil)
        // Unmarking mysql and marking catalog instead applies.
        ShopScreens.press([.up, .character(" "), .character(" "), .enter], on: &state)
        #expect(state.overlay == nil)
        #expect(try Self.wizard(state).draft.selector == [KeyValueRow(key: "tier", value: "api")])
    }

    @Test func sharedLabelsSelectingOtherWorkloadsAreListedAndAskedAboutFirst() async throws {
        var state = try await Self.pickerState([Self.cart, Self.catalog, Self.exporter, Self.mysql])
        ShopScreens.press([.character(" "), .character(" "), .enter], on: &state)
        var text = ShopScreens.render(state).text
        #expect(text.contains("The selector tier=api also selects workloads you did not pick: DaemonSet node-exporter"))
        #expect(text.contains("Use it anyway?"))
        #expect(text.contains("y/Y/Enter confirm   n/N/Esc cancel"))
        #expect(try Self.wizard(state).draft.selector == [KeyValueRow(key: "app", value: "old")], "nothing applied yet")
        // No: back to the marks, still nothing changed.
        ShopScreens.press([.character("n")], on: &state)
        text = ShopScreens.render(state).text
        #expect(!text.contains("Use it anyway?"))
        #expect(text.contains("2 marked, sharing tier=api"))
        #expect(try Self.wizard(state).draft.selector == [KeyValueRow(key: "app", value: "old")])
        // Yes applies.
        ShopScreens.press([.enter, .character("y")], on: &state)
        #expect(state.overlay == nil)
        #expect(try Self.wizard(state).draft.selector == [KeyValueRow(key: "tier", value: "api")])
        #expect(try Self.wizard(state).matchingWorkloads?.count == 3)
    }

    @Test func enterWithoutMarksPicksTheHighlightedWorkload() async throws {
        var state = try await Self.pickerState([Self.cart, Self.mysql])
        ShopScreens.press([.down, .enter], on: &state)
        #expect(state.overlay == nil)
        let wizard = try Self.wizard(state)
        #expect(wizard.draft.selector == [KeyValueRow(key: "app", value: "mysql")])
        #expect(wizard.notice == "Selector replaced by the pod labels of StatefulSet mysql.")
    }

    @Test func aLongListScrollsToKeepTheHighlightedWorkloadInView() async throws {
        let many = (0..<60).map { Self.workload(.deployment, "cart-\($0)", ["app": "cart", "tier": "api"]) }
        var state = try await Self.pickerState(many)
        ShopScreens.press(Array(repeating: .down, count: 50), on: &state)
        let lines = ShopScreens.render(state).lines
        #expect(lines.contains { $0.contains(">  Deployment cart-50 ") })
        #expect(!lines.contains { $0.contains("Deployment cart-0 ") })
        #expect(lines.contains { $0.contains("Space mark") }, "the keys stay on screen")
    }

    @Test func aFailedListIsSaidInThePickerAndCtrlWAgainRetries() async throws {
        var state = try await ShopScreens.listState(columns: 120, rows: 40)
        var wizard = WizardState.create(namespace: "shop", usedNodePorts: [:])
        wizard.go(to: .serviceSettings)
        state.screen = .wizard(wizard)
        #expect(state.update(.key(.ctrl("w"))) == [.loadWorkloads(namespace: "shop")])
        _ = state.update(.workloadsLoaded(namespace: "shop", .failure(.unreachable(message: "connection refused"))))
        let text = ShopScreens.render(state).text
        #expect(text.contains("Cannot list the workloads of shop:"))
        #expect(text.contains("connection refused"))
        #expect(!text.contains("No Deployment"))
        ShopScreens.press([.escape], on: &state)
        #expect(state.update(.key(.ctrl("w"))) == [.loadWorkloads(namespace: "shop")])
    }

    @Test func helpInTheWizardListsThePickersKeys() async throws {
        var state = try await Self.pickerState([Self.cart])
        ShopScreens.press([.escape, .function(1)], on: &state)
        let text = ShopScreens.render(state).text
        #expect(text.contains("Pick workloads"))
        #expect(text.contains("Space"))
        #expect(text.contains("apply"))
    }

    @Test func thePickerIsChinese() async throws {
        var state = try await Self.pickerState([Self.cart, Self.catalog, Self.exporter, Self.mysql], language: .zh)
        ChineseScreenTests.check(state, "picker")
        ShopScreens.press([.character(" "), .character(" ")], on: &state)
        ChineseScreenTests.check(state, "picker marks")
        #expect(ShopScreens.render(state).text.contains("已选择 2 个，共有标签 tier=api"))
        ShopScreens.press([.enter], on: &state)
        ChineseScreenTests.check(state, "picker asks")
        ShopScreens.press([.character("n"), .down, .character(" "), .enter], on: &state)
        ChineseScreenTests.check(state, "picker nothing shared")
        #expect(ShopScreens.render(state).text.contains("没有共有的容器组标签"))
    }

    /// On a cluster the picker lists Deployments, StatefulSets and DaemonSets from the API
    /// server (the runner's `loadWorkloads`), and picking two of different kinds works the same.
    @Test @MainActor func onAClusterTheWorkloadsComeFromTheAPIServer() async throws {
        let store = APIStore(namespaces: ["shop"])
        for (kind, name, labels) in [("Deployment", "cart", "{app: cart, tier: api}"), ("StatefulSet", "catalog", "{app: catalog, tier: api}"),
                                     ("DaemonSet", "node-exporter", "{app: node-exporter}")] {
            store.seed(try ManifestReader.objects("""
            apiVersion: apps/v1
            kind: \(kind)
            metadata: {name: \(name), namespace: shop}
            spec:
              selector: {matchLabels: {app: \(name)}}
              template:
                metadata: {labels: \(labels)}
                spec: {containers: [{name: c, image: x, ports: [{name: http, containerPort: 8080}]}]}
            """)[0], namespace: "shop")
        }
        let cluster = try await TestClusterBackend.start(store)
        let log = EffectRunnerTests.EventLog()
        let runner = EffectRunner(backend: cluster.backend, draftDirectory: cluster.folder + "/drafts") { log.append($0) }

        var state = try await ShopScreens.listState(columns: 120, rows: 40)
        var wizard = WizardState.create(namespace: "shop", usedNodePorts: [:])
        wizard.go(to: .serviceSettings)
        state.screen = .wizard(wizard)
        for effect in state.update(.key(.ctrl("w"))) { await runner.run(effect)?.value }
        for event in log.events { _ = state.update(event) }
        let text = ShopScreens.render(state).text
        for entry in ["DaemonSet node-exporter", "Deployment cart", "StatefulSet catalog"] { #expect(text.contains(entry), "\(entry)") }
        // Marked where the backend lists them: cart, then catalog.
        let listed = try Self.wizard(state).workloads?.map(\.name) ?? []
        let cart = try #require(listed.firstIndex(of: "cart")), catalog = try #require(listed.firstIndex(of: "catalog"))
        var keys = Array(repeating: Key.down, count: cart) + [.character(" ")]
        keys += Array(repeating: Key.down, count: catalog - cart - 1) + [.character(" "), .enter]
        ShopScreens.press(keys, on: &state)
        #expect(state.overlay == nil)
        #expect(try Self.wizard(state).draft.selector == [KeyValueRow(key: "tier", value: "api")])
        await cluster.stop()
    }
}
