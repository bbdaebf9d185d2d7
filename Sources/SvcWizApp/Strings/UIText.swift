import Foundation

import ServiceModel

/// Every word the screens show, by key, in English and Simplified Chinese. Screens never
/// hold literal text: they ask `UIText` so both languages stay complete (a test checks).
package struct UIText: Sendable {
    package let language: Language

    package init(_ language: Language) {
        self.language = language
    }

    /// The text for `key` with `{0}`, `{1}` ... replaced by `arguments`.
    package func callAsFunction(_ key: UIKey, _ arguments: String...) -> String {
        let table = language == .zh ? UIKey.chinese : UIKey.english
        // One pass over the template (`Catalog.fill`), so an argument that holds `{1}` itself
        // (a file name, a service's description) stays as it is.
        return Catalog.fill(table[key] ?? UIKey.english[key] ?? key.rawValue, with: arguments)
    }

    /// What a key does, in a sentence (`svcwiz keys`, the keymap documents).
    package func callAsFunction(_ help: KeyHelp) -> String {
        (language == .zh ? KeyHelp.chinese[help] : nil) ?? KeyHelp.english[help] ?? help.rawValue
    }
}

extension UIText {
    /// A workload as the console names it: `Deployment frontend`, `部署 frontend`.
    package func workload(_ workload: Workload) -> String {
        let key: UIKey
        switch workload.kind {
        case .deployment: key = .kindDeployment
        case .statefulSet: key = .kindStatefulSet
        case .daemonSet: key = .kindDaemonSet
        }
        return self(key) + " " + workload.name
    }

    /// Workloads named one after another: `Deployment cart, Deployment catalog`.
    package func workloads(_ workloads: [Workload]) -> String {
        workloads.map { workload($0) }.joined(separator: self(.listSeparator))
    }
}
