/// A path to a field as Kubernetes writes it: `spec.ports[1].targetPort`,
/// `metadata.annotations[kubesphere.io/alias-name]`.
package struct FieldPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    package enum Component: Sendable, Hashable {
        /// A struct field: `.name`.
        case field(String)
        /// A list element: `[1]`.
        case index(Int)
        /// A map key: `[app]`.
        case key(String)
    }

    package var components: [Component]

    package init(_ components: [Component] = []) {
        self.components = components
    }

    /// Parses `spec.ports[1].targetPort`; a bracketed non-number is a map key.
    package init(_ text: String) {
        var result: [Component] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "." {
                if !current.isEmpty { result.append(.field(current)) }
                current = ""
            } else if c == "[" {
                if !current.isEmpty { result.append(.field(current)) }
                current = ""
                let close = text[index...].firstIndex(of: "]") ?? text.endIndex
                let inner = String(text[text.index(after: index)..<close])
                result.append(Int(inner).map(Component.index) ?? .key(inner))
                index = close
            } else {
                current.append(c)
            }
            if index < text.endIndex { index = text.index(after: index) }
        }
        if !current.isEmpty { result.append(.field(current)) }
        components = result
    }

    package init(stringLiteral value: String) {
        self.init(value)
    }

    package static let root = FieldPath()

    package func child(_ name: String) -> FieldPath { FieldPath(components + [.field(name)]) }
    package func index(_ i: Int) -> FieldPath { FieldPath(components + [.index(i)]) }
    package func key(_ k: String) -> FieldPath { FieldPath(components + [.key(k)]) }

    package var parent: FieldPath { FieldPath(Array(components.dropLast())) }

    /// True when `self` is `other` or lies below it.
    package func hasPrefix(_ other: FieldPath) -> Bool {
        components.count >= other.components.count && Array(components.prefix(other.components.count)) == other.components
    }

    package var description: String {
        var out = ""
        for component in components {
            switch component {
            case .field(let name):
                if !out.isEmpty { out += "." }
                out += name
            case .index(let i): out += "[\(i)]"
            case .key(let k): out += "[\(k)]"
            }
        }
        return out
    }
}
