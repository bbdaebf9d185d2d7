import Testing
@testable import ServiceModel

/// Re-reading one changed document gives the file the whole parse gives.
struct ManifestFileReplacingTests {
    static func positions(_ node: ManifestNode?) -> [SourcePosition?] {
        guard let node else { return [] }
        switch node.content {
        case .scalar: return [node.position]
        case .sequence(let items): return [node.position] + items.flatMap(positions)
        case .mapping(let entries): return [node.position] + entries.flatMap { [$0.keyPosition] + positions($0.value) }
        }
    }

    @Test func replacingOneBodyMatchesReadingTheWholeFile() throws {
        let text = "# head\na: 1\n---\nb:\n  c: 2\n---\n# third\nd: [1, 2]\n...\ne: 3\n"
        let file = try ManifestReader.parse(text)
        let body = Array("b:\n  # grown\n  c: 3\n  x: y\n".utf8)
        let quick = try #require(try file.replacingBody(ofDocument: 1, with: body))
        let full = try ManifestReader.parse(bytes: quick.bytes)
        #expect(quick.documents.count == full.documents.count)
        for (a, b) in zip(quick.documents, full.documents) {
            #expect(a.bodyRange == b.bodyRange)
            #expect(a.firstLine == b.firstLine)
            #expect(a.root == b.root)
            #expect(Self.positions(a.root) == Self.positions(b.root))
        }
    }

    @Test func aBodyWithADocumentMarkerIsLeftToTheWholeRead() throws {
        let file = try ManifestReader.parse("a: 1\n---\nb: 2\n")
        #expect(try file.replacingBody(ofDocument: 0, with: Array("a: 1\n---\nc: 3\n".utf8)) == nil)
    }
}
