import Foundation

import ServiceModel

/// Every word the screens show, by key, in English and Simplified Chinese. Screens never
/// hold literal text: they ask `UIText` so both languages stay complete (a test checks).
public struct UIText: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    /// The text for `key` with `{0}`, `{1}` ... replaced by `arguments`.
    public func callAsFunction(_ key: UIKey, _ arguments: String...) -> String {
        let table = language == .zh ? UIKey.chinese : UIKey.english
        var text = table[key] ?? UIKey.english[key] ?? key.rawValue
        for (i, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(i)}", with: argument)
        }
        return text
    }
}

extension UIText {
    /// A workload as the console names it: `Deployment frontend`, `部署 frontend`.
    public func workload(_ workload: Workload) -> String {
        let key: UIKey
        switch workload.kind {
        case .deployment: key = .kindDeployment
        case .statefulSet: key = .kindStatefulSet
        case .daemonSet: key = .kindDaemonSet
        }
        return self(key) + " " + workload.name
    }
}
