import Testing
@testable import ServiceModel
@testable import ServiceStore

struct DocumentSplicerTests {
    static func replaceService(in text: String, port: Int) throws -> String {
        let file = try ManifestReader.parse(text)
        let object = try #require(file.objects.first { $0.isService })
        var manifest = object.node
        manifest.set("spec.ports[0].port", to: .int(port))
        return String(decoding: DocumentSplicer.replacing(object, in: file, with: manifest), as: UTF8.self)
    }

    @Test func aDocumentStartingOnItsMarkerLineKeepsTheMarker() throws {
        let text = "a: 1\n--- {apiVersion: v1, kind: Service, metadata: {name: s}, spec: {ports: [{port: 1}]}}\n"
        let result = try Self.replaceService(in: text, port: 2)
        #expect(result.hasPrefix("a: 1\n---\napiVersion: v1\n"))
        let file = try ManifestReader.parse(result)
        #expect(file.documents.count == 2)
        #expect(file.documents[1].root?["spec"]?["ports"]?[0]?["port"]?.int == 2)
    }

    @Test func aByteOrderMarkAndLeadingCommentsStay() throws {
        let text = "\u{FEFF}# owned by team a\n\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 1}]}\n"
        let result = try Self.replaceService(in: text, port: 2)
        #expect(result.hasPrefix("\u{FEFF}# owned by team a\n\napiVersion: v1\n"))
        #expect(try ManifestReader.parse(result).documents.first?.root?["spec"]?["ports"]?[0]?["port"]?.int == 2)
    }

    @Test func removingTheLastDocumentTakesItsSeparator() throws {
        let text = "a: 1\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n"
        let file = try ManifestReader.parse(text)
        let object = try #require(file.objects.first { $0.isService })
        #expect(DocumentSplicer.removing(object, from: file).map { String(decoding: $0, as: UTF8.self) } == "a: 1\n")
    }

    @Test func removingTheOnlyDocumentRemovesTheFile() throws {
        let file = try ManifestReader.parse("# just a comment\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\n")
        let object = try #require(file.objects.first { $0.isService })
        #expect(DocumentSplicer.removing(object, from: file) == nil)
    }
}
