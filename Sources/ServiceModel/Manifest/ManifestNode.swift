/// A position in a source file, 1-based, as editors and compilers count it.
package struct SourcePosition: Sendable, Hashable {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One entry of a mapping. Keys stay in the order they were written.
package struct ManifestEntry: Sendable, Hashable {
    package var key: String
    package var value: ManifestNode
    /// Where the key was written, if it came from a file.
    package var keyPosition: SourcePosition?

    package init(key: String, value: ManifestNode, keyPosition: SourcePosition? = nil) {
        self.key = key
        self.value = value
        self.keyPosition = keyPosition
    }
}

/// An ordered YAML/JSON node. Mapping order, unknown fields and the written type of every
/// scalar are kept, so that a manifest read and written again says the same thing.
package struct ManifestNode: Sendable {
    package enum Content: Sendable, Hashable {
        case scalar(Scalar)
        case sequence([ManifestNode])
        case mapping([ManifestEntry])
    }

    package var content: Content
    /// Where the node started in its source; nil for nodes built in code.
    package var position: SourcePosition?

    package init(_ content: Content, position: SourcePosition? = nil) {
        self.content = content
        self.position = position
    }

    package static func string(_ text: String) -> ManifestNode { ManifestNode(.scalar(.string(text))) }
    package static func int(_ value: Int) -> ManifestNode { ManifestNode(.scalar(.int(value))) }
    package static func bool(_ value: Bool) -> ManifestNode { ManifestNode(.scalar(.bool(value))) }
    package static var null: ManifestNode { ManifestNode(.scalar(.null)) }
    package static func mapping(_ entries: [ManifestEntry] = []) -> ManifestNode { ManifestNode(.mapping(entries)) }
    package static func sequence(_ items: [ManifestNode] = []) -> ManifestNode { ManifestNode(.sequence(items)) }

    /// Builds a mapping from ordered key/value pairs.
    package static func mapping(_ pairs: KeyValuePairs<String, ManifestNode>) -> ManifestNode {
        ManifestNode(.mapping(pairs.map { ManifestEntry(key: $0.key, value: $0.value) }))
    }
}

// Equality ignores source positions: two nodes are equal when they would be written the same.
extension ManifestNode: Equatable, Hashable {
    package static func == (lhs: ManifestNode, rhs: ManifestNode) -> Bool { lhs.content == rhs.content }
    package func hash(into hasher: inout Hasher) { hasher.combine(content) }
}

extension ManifestEntry {
    package static func == (lhs: ManifestEntry, rhs: ManifestEntry) -> Bool {
        lhs.key == rhs.key && lhs.value == rhs.value
    }
    package func hash(into hasher: inout Hasher) {
        hasher.combine(key)
        hasher.combine(value)
    }
}

// MARK: - Reading

extension ManifestNode {
    package var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    package var entries: [ManifestEntry]? {
        if case .mapping(let e) = content { return e }
        return nil
    }

    package var items: [ManifestNode]? {
        if case .sequence(let i) = content { return i }
        return nil
    }

    package var isNull: Bool { scalar?.kind == .null }
    package var isMapping: Bool { entries != nil }
    package var isSequence: Bool { items != nil }

    /// The text of a string scalar; nil for any other node, including `80` or `true`.
    package var string: String? {
        guard let s = scalar, s.kind == .string else { return nil }
        return s.text
    }

    /// The value of an integer scalar (`80`, `0x50`); nil for `"80"`, which is a string.
    package var int: Int? { scalar?.intValue }

    /// The value of a boolean scalar, YAML 1.1 spellings included (`yes`, `off`).
    package var bool: Bool? { scalar?.boolValue }

    /// The text of any scalar, whatever its kind: for messages and display.
    package var scalarText: String? { scalar?.text }

    /// The value for a mapping key, or nil when absent or when this is not a mapping.
    package subscript(key: String) -> ManifestNode? {
        get {
            guard let entries else { return nil }
            return entries.first(where: { $0.key == key })?.value
        }
        set {
            guard case .mapping(var list) = content else {
                if let newValue { content = .mapping([ManifestEntry(key: key, value: newValue)]) }
                return
            }
            if let index = list.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    list[index].value = newValue
                } else {
                    list.remove(at: index)
                }
            } else if let newValue {
                list.append(ManifestEntry(key: key, value: newValue))
            }
            content = .mapping(list)
        }
    }

    package subscript(index: Int) -> ManifestNode? {
        guard let items, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The keys of a mapping in written order.
    package var keys: [String] { entries?.map(\.key) ?? [] }

    /// A mapping of strings read as ordered pairs; non-string values are given by their text.
    package var stringPairs: [(key: String, value: String)] {
        (entries ?? []).map { ($0.key, $0.value.scalarText ?? "") }
    }
}

// MARK: - Paths

extension ManifestNode {
    /// The node at a field path, if every step exists.
    package func node(at path: FieldPath) -> ManifestNode? {
        var current = self
        for component in path.components {
            switch component {
            case .field(let name), .key(let name):
                guard let next = current[name] else { return nil }
                current = next
            case .index(let i):
                guard let next = current[i] else { return nil }
                current = next
            }
        }
        return current
    }

    /// The source position of the deepest node that exists along `path`, so an error at a
    /// missing field is still shown at its parent's line. For a mapping key, the key's line.
    package func position(of path: FieldPath) -> SourcePosition? {
        var current = self
        var best = position
        for component in path.components {
            switch component {
            case .field(let name), .key(let name):
                guard let entry = current.entries?.first(where: { $0.key == name }) else { return best }
                best = entry.keyPosition ?? entry.value.position ?? best
                current = entry.value
            case .index(let i):
                guard let next = current[i] else { return best }
                best = next.position ?? best
                current = next
            }
        }
        return best
    }

    /// Sets the node at `path`, creating mappings on the way; `nil` removes it.
    /// Returns false when a step is a sequence index that does not exist.
    @discardableResult
    package mutating func set(_ path: FieldPath, to value: ManifestNode?) -> Bool {
        set(path.components[...], to: value)
    }

    private mutating func set(_ components: ArraySlice<FieldPath.Component>, to value: ManifestNode?) -> Bool {
        guard let first = components.first else {
            if let value { self = value }
            return true
        }
        let rest = components.dropFirst()
        switch first {
        case .field(let name), .key(let name):
            if rest.isEmpty {
                self[name] = value
                return true
            }
            var child = self[name] ?? (value == nil ? nil : .mapping())
            guard child != nil else { return true }
            let ok = child!.set(rest, to: value)
            self[name] = child
            return ok
        case .index(let i):
            guard case .sequence(var list) = content, list.indices.contains(i) else { return false }
            if rest.isEmpty {
                if let value { list[i] = value } else { list.remove(at: i) }
                content = .sequence(list)
                return true
            }
            let ok = list[i].set(rest, to: value)
            content = .sequence(list)
            return ok
        }
    }

    /// A copy with every source position removed: for comparing what was built in code.
    package var withoutPositions: ManifestNode {
        var copy = self
        copy.position = nil
        switch content {
        case .scalar: break
        case .sequence(let items): copy.content = .sequence(items.map(\.withoutPositions))
        case .mapping(let entries):
            copy.content = .mapping(entries.map {
                ManifestEntry(key: $0.key, value: $0.value.withoutPositions)
            })
        }
        return copy
    }

    /// True when both nodes hold the same data as Kubernetes reads it: mapping order and
    /// scalar style do not matter, scalar kinds and values do (`80` differs from `"80"`).
    package func sameData(as other: ManifestNode) -> Bool {
        switch (content, other.content) {
        case (.scalar(let a), .scalar(let b)):
            return a.sameValue(as: b)
        case (.sequence(let a), .sequence(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameData(as: $1) }
        case (.mapping(let a), .mapping(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { entry in
                b.first(where: { $0.key == entry.key }).map { entry.value.sameData(as: $0.value) } ?? false
            }
        default:
            return false
        }
    }
}
