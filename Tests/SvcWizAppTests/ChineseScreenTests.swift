import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// With the language set to Chinese, no screen shows English words of its own: only data
/// (names, labels, manifests), Kubernetes' own terms and key names may stay in Latin letters.
struct ChineseScreenTests {
    /// Words that are not English prose: Kubernetes terms and values, protocols, key names.
    static let allowed: Set<String> = [
        "svcwiz", "YAML", "JSON", "IP", "DNS", "TCP", "UDP", "SCTP", "Headless", "NodePort", "LoadBalancer", "ClusterIP",
        "ClientIP", "ExternalName", "Cluster", "Local", "None", "OpenELB", "QingCloud", "http", "https", "grpc", "svc",
        "cluster", "local", "pending", "Enter", "Esc", "Tab", "Space", "PgUp", "PgDn", "Up", "Down", "Left", "Right", "Home",
        "End", "Bksp", "Del", "Ins", "Ctrl", "EDITOR", "kubeconfig", "ctx", "ns", "all", "web", "api", "example", "com", "db",
        "e", "g", "Service", "yaml", "json", "yml", "apiVersion", "kind", "metadata", "spec", "namespace", "labels",
        "annotations", "selector", "ports", "port", "targetPort", "protocol", "type", "name", "appProtocol", "nodePort",
        "sessionAffinity", "sessionAffinityConfig", "clientIP", "timeoutSeconds", "externalTrafficPolicy",
        "loadBalancerSourceRanges", "externalName", "clusterIP", "v1", "ok",
        // The commands an access line offers: `curl http://...`, `nc -vz host port`, `nc -vzu` for UDP.
        "curl", "nc", "vz", "vzu",
        // The test wizard's own service name.
        "search",
    ]

    /// Every word of the example workspace's files: names, labels and values are data.
    static let dataWords: Set<String> = {
        var words = Set<String>()
        let root = URL(fileURLWithPath: ShopScreens.shopPath)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files {
            let text = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            words.formUnion(latinWords(text))
        }
        // Kinds are words the screen must translate (部署), even though the files hold them.
        return words.subtracting(["Deployment", "StatefulSet", "DaemonSet", "Namespace"])
    }()

    static func latinWords(_ text: String) -> [String] {
        text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init).filter { $0.contains { $0.isLetter } }
    }

    /// Latin words that are none of: a key letter, a number or size (`3h`, `60x16`), a
    /// Kubernetes term, or a piece of data (whole, or cut by a column or a scrolled field).
    static func englishWords(in screen: String, location: String) -> [String] {
        let known = allowed.union(dataWords).union(latinWords(location))
        return latinWords(screen).filter { word in
            word.count > 1 && !word.contains(where: \.isNumber) && !known.contains { $0.contains(word) }
        }
    }

    static func check(_ state: AppState, _ what: String) {
        let text = ShopScreens.render(state).text
        let english = Self.englishWords(in: text, location: state.backend.location)
        if !english.isEmpty {
            Issue.record("\(what) shows English in zh: \(Set(english).sorted())\n\(VisibleText.sanitized(text))")
        }
    }

    @Test func listDetailAndOverlaysAreChinese() async throws {
        for size in [(80, 24), (120, 40)] {
            var state = try await ShopScreens.listState(columns: size.0, rows: size.1, language: .zh)
            Self.check(state, "list \(size)")
            ShopScreens.press([.character("/"), .character("c")], on: &state)
            Self.check(state, "filter")
            ShopScreens.press([.escape, .character("?")], on: &state)
            Self.check(state, "help")
            ShopScreens.press([.escape, .character("n")], on: &state)
            Self.check(state, "namespaces")
            ShopScreens.press([.escape, .ctrl("d")], on: &state)
            Self.check(state, "delete")
            ShopScreens.press([.escape, .character("!")], on: &state)
            Self.check(state, "messages")
            ShopScreens.press([.escape, .character("i")], on: &state)
            Self.check(state, "import")
        }
        var small = try await ShopScreens.listState(columns: 50, rows: 12, language: .zh)
        small.status = nil
        Self.check(small, "too small")
    }

    @Test func everyDetailScreenIsChinese() async throws {
        for name in ["frontend", "gateway", "edge", "catalog", "mysql", "payments-ext", "legacy-payments", "node-exporter"] {
            var state = try await ShopScreens.detailState(name, columns: 120, rows: 40, language: .zh)
            for _ in 0..<3 {
                Self.check(state, "detail \(name)")
                ShopScreens.press([.pageDown], on: &state)
            }
        }
    }

    @Test func wizardEditorAndDialogsAreChinese() async throws {
        var state = try await ShopScreens.listState(columns: 120, rows: 40, language: .zh)
        state.screen = .wizard(WizardScreenTests.filled(language: .zh))
        for step in WizardStep.allCases {
            guard case .wizard(var wizard) = state.screen else { return }
            wizard.go(to: step)
            wizard.revealed = Set(WizardStep.allCases)
            state.screen = .wizard(wizard)
            Self.check(state, "wizard \(step)")
        }
        guard case .wizard(var wizard) = state.screen else { return }
        wizard.draft.externalAccess = .loadBalancer
        wizard.draft.loadBalancerProvider = .qingCloud
        state.screen = .wizard(wizard)
        Self.check(state, "wizard load balancer")
        state.settle(.key(.ctrl("w")))
        Self.check(state, "workload picker")
        state.settle(.key(.escape))
        state.settle(.key(.escape))
        Self.check(state, "leave dialog")
        state.settle(.key(.character("n")))
        state.settle(.key(.function(2)))
        Self.check(state, "editor")
        state.settle(.key(.function(3)))
        Self.check(state, "editor json")
    }
}
