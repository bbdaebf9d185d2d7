import Testing
@testable import ServiceModel

struct ManifestReaderTests {
    @Test func multiDocumentStreamKeepsOrderAndLines() throws {
        let text = """
        # leading comment
        apiVersion: v1
        kind: Service
        metadata:
          name: a
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b}
        spec:
          ports:
          - port: 80
            targetPort: "8080"
        """
        let file = try ManifestReader.parse(text)
        #expect(file.documents.count == 2)
        let b = try #require(file.documents[1].root)
        #expect(b.keys == ["apiVersion", "kind", "metadata", "spec"])
        #expect(b.position(of: "spec.ports[0].targetPort")?.line == 13)
        #expect(b.node(at: "spec.ports[0].port")?.int == 80)
        #expect(b.node(at: "spec.ports[0].targetPort")?.string == "8080")
        #expect(b.node(at: "spec.ports[0].targetPort")?.int == nil)
        #expect(file.documents[1].firstLine == 7)
    }

    @Test func yaml11BooleansStayWhatKubernetesReads() throws {
        let node = try #require(ManifestReader.objects("a: off\nb: 'off'\nc: yes\nd: 0x1F\n").first)
        #expect(node["a"]?.bool == false)
        #expect(node["b"]?.string == "off")
        #expect(node["c"]?.bool == true)
        #expect(node["d"]?.int == 31)
        let written = YAMLWriter.write(node)
        #expect(written == "a: off\nb: 'off'\nc: yes\nd: 0x1F\n")
        #expect(JSONWriter.write(node).contains("\"a\": false"))
        #expect(JSONWriter.write(node).contains("\"d\": 31"))
    }

    @Test func crlfAndBomAreRead() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("kind: Service\r\nmetadata:\r\n  name: x\r\n---\r\nkind: Service\r\n".utf8)
        let file = try ManifestReader.parse(bytes: bytes)
        #expect(file.documents.count == 2)
        #expect(file.documents[0].root?.node(at: "metadata.name")?.string == "x")
        #expect(file.documents[1].root?["kind"]?.string == "Service")
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let text = """
        base: &base
          app: web
          tier: front
        labels:
          <<: *base
          tier: back
        copy: *base
        """
        let node = try #require(ManifestReader.objects(text).first)
        #expect(node["labels"]?.keys == ["tier", "app"])
        #expect(node["labels"]?["tier"]?.string == "back")
        #expect(node["copy"]?["app"]?.string == "web")
    }

    @Test func listKindExpandsIntoItems() throws {
        let text = """
        apiVersion: v1
        kind: List
        items:
        - kind: Service
          metadata: {name: a}
        - kind: Deployment
          metadata: {name: b}
        """
        let objects = try ManifestReader.parse(text).objects
        #expect(objects.map(\.kind) == ["Service", "Deployment"])
        #expect(objects[1].listIndex == 1)
    }

    @Test func typedListGivesItemsItsKind() throws {
        let json = #"{"kind":"ServiceList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"a"}}]}"#
        let objects = try ManifestReader.parse(json).objects
        #expect(objects.first?.isService == true)
    }

    @Test func yamlParseErrorsCarryFileLineAndColumn() {
        let text = "a: 1\n---\nkind: Service\nmetadata:\n  name: [x\n"
        #expect {
            _ = try ManifestReader.parse(text, path: "broken.yaml")
        } throws: { error in
            guard let error = error as? ManifestParseError else { return false }
            return error.file == "broken.yaml" && error.line >= 5 && error.description.hasPrefix("broken.yaml:")
        }
    }

    @Test func duplicateKeysAreAnError() {
        #expect(throws: ManifestParseError.self) { try ManifestReader.parse("a: 1\na: 2\n") }
        #expect(throws: ManifestParseError.self) { try ManifestReader.parse(#"{"a": 1, "a": 2}"#) }
    }

    @Test(arguments: [
        (#"{"a": 1,}"#, 1, 9), ("{\n  \"a\": tru\n}", 2, 8), (#"{"a" 1}"#, 1, 6), ("[1, 2", 1, 6),
    ])
    func jsonErrorsPointAtTheCharacter(text: String, line: Int, column: Int) {
        do {
            _ = try ManifestReader.parse(text, path: "x.json")
            Issue.record("expected a parse error")
        } catch {
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func jsonKeepsOrderTypesAndEscapes() throws {
        let json = #"{"z": "80", "a": 80, "u": "\u524d\u7aef", "e": 1.5e2, "n": null, "t": true}"#
        let node = try #require(ManifestReader.objects(json).first)
        #expect(node.keys == ["z", "a", "u", "e", "n", "t"])
        #expect(node["z"]?.string == "80")
        #expect(node["a"]?.int == 80)
        #expect(node["u"]?.string == "前端")
        #expect(node["e"]?.scalar?.kind == .float)
        #expect(node["n"]?.isNull == true)
        // `n` is a YAML 1.1 boolean, so as a key it must be quoted to stay a string.
        #expect(YAMLWriter.write(node) == "z: \"80\"\na: 80\nu: 前端\ne: 1.5e2\n\"n\": null\nt: true\n")
    }
}
