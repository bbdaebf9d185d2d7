/// One document of a multi-document file, with the bytes it came from, so that a writer
/// can replace one document and leave every other byte of the file as it was.
package struct ManifestDocument: Sendable {
    /// The document's node; nil for an empty document (only comments or nothing).
    package var root: ManifestNode?
    /// The byte range of the document's body in the file's UTF-8 bytes, after its `---` line.
    package var bodyRange: Range<Int>
    /// The first line of the body, 1-based.
    package var firstLine: Int

    package init(root: ManifestNode?, bodyRange: Range<Int>, firstLine: Int) {
        self.root = root
        self.bodyRange = bodyRange
        self.firstLine = firstLine
    }
}

/// An object found in a file: a document's root, or one item of a `kind: List` document.
package struct ManifestObject: Sendable {
    package var node: ManifestNode
    /// Which document of the file holds it.
    package var documentIndex: Int
    /// The index in the List's `items`, when it came from a List.
    package var listIndex: Int?

    /// The kind a typed list (`ServiceList`) gives items that do not name their own.
    package var impliedKind: String?

    package init(node: ManifestNode, documentIndex: Int, listIndex: Int?, impliedKind: String? = nil) {
        self.node = node
        self.documentIndex = documentIndex
        self.listIndex = listIndex
        self.impliedKind = impliedKind
    }

    package var kind: String? { node["kind"]?.string ?? impliedKind }
    package var isService: Bool { kind == "Service" }
}

/// A parsed file: its documents and the bytes they were read from.
package struct ManifestFile: Sendable {
    package var path: String?
    package var format: ManifestFormat
    package var bytes: [UInt8]
    package var documents: [ManifestDocument]

    package init(path: String?, format: ManifestFormat, bytes: [UInt8], documents: [ManifestDocument]) {
        self.path = path
        self.format = format
        self.bytes = bytes
        self.documents = documents
    }

    /// Every object in the file, with `kind: List` documents (kubectl's `List`, and any
    /// `...List` kind) expanded into their items.
    package var objects: [ManifestObject] {
        var result: [ManifestObject] = []
        for (index, document) in documents.enumerated() {
            guard let root = document.root, root.isMapping else { continue }
            if let kind = root["kind"]?.string, kind.hasSuffix("List"), let items = root["items"]?.items {
                let implied = kind == "List" ? nil : String(kind.dropLast(4))
                for (i, item) in items.enumerated() {
                    result.append(ManifestObject(node: item, documentIndex: index, listIndex: i, impliedKind: implied))
                }
            } else {
                result.append(ManifestObject(node: root, documentIndex: index, listIndex: nil))
            }
        }
        return result
    }
}
