import Foundation
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// Drives a wizard the way a user does: keys in, commands out.
extension WizardState {
    mutating func type(_ text: String) {
        for character in text { _ = handle(.character(character)) }
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [WizardCommand] {
        keys.flatMap { handle($0) }
    }

    /// Tabs until `field` has the focus (at most one lap).
    mutating func focusOn(_ field: WizardField) {
        for _ in 0..<fields(of: step).count where focus != field { _ = handle(.tab) }
    }

    static func newShopWizard() -> WizardState {
        var wizard = WizardState.create(namespace: "shop", usedNodePorts: [30080: "frontend"])
        wizard.workloads = [Workload(kind: .deployment, name: "frontend", namespace: "shop",
                                     podLabels: [(key: "app", value: "frontend"), (key: "tier", value: "web")], replicas: 2,
                                     containerPorts: [.init(name: "http", port: 8080, protocol: "TCP")])]
        return wizard
    }
}
