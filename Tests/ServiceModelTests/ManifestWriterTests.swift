import Testing
@testable import ServiceModel

struct ManifestWriterTests {
    @Test func writesKubectlStyleBlocks() throws {
        let text = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels: {}
        spec:
          ports:
          - name: http
            port: 80
          - port: 443
          selector:
            app: web
          externalIPs: []
          nested:
          - - a
            - b
        """
        let node = try #require(ManifestReader.objects(text).first)
        #expect(YAMLWriter.write(node) == text + "\n")
    }

    @Test(arguments: [
        "line one\nline two\n", "no trailing\nnewline", "  leading space\nx\n", "keep\n\n\n", "tab\tinside\nx",
        "esc \u{1B}[31m\nred", "quote \" and ' \\ back", "", " ", "80", "yes", "null", "- dash", "a: b", "# c",
        "前端 服务", "trailing spaces  \nx", "\n", "x\n  \ny",
    ])
    func stringsRoundTripThroughYAMLAndJSON(value: String) throws {
        let node = ManifestNode.mapping(["k": .string(value), "list": .sequence([.string(value)])])
        let yaml = YAMLWriter.write(node)
        let back = try #require(ManifestReader.objects(yaml).first)
        #expect(back.sameData(as: node), "YAML was:\n\(yaml)")
        let json = JSONWriter.write(node)
        let fromJSON = try #require(ManifestReader.objects(json, path: "x.json").first)
        #expect(fromJSON.sameData(as: node), "JSON was:\n\(json)")
    }

    @Test func keysThatLookLikeOtherTypesAreQuoted() throws {
        let node = ManifestNode.mapping(["80": .string("x"), "on": .int(1), "a b": .bool(true)])
        let yaml = YAMLWriter.write(node)
        #expect(yaml == "\"80\": x\n\"on\": 1\na b: true\n")
        #expect(try ManifestReader.objects(yaml).first?.keys == ["80", "on", "a b"])
    }

    @Test func everyCorpusFileRoundTripsThroughBothFormats() throws {
        #expect(Corpus.files.count > 40)
        for url in Corpus.files {
            let file = try ManifestReader.parse(bytes: Corpus.bytes(url), path: url.lastPathComponent)
            for object in file.objects {
                let yaml = YAMLWriter.write(object.node)
                let fromYAML = try #require(ManifestReader.objects(yaml).first)
                #expect(fromYAML.sameData(as: object.node), "\(url.lastPathComponent) via YAML")
                #expect(fromYAML.keys == object.node.keys)
                let fromJSON = try #require(ManifestReader.objects(JSONWriter.write(object.node), path: "x.json").first)
                #expect(fromJSON.sameData(as: object.node), "\(url.lastPathComponent) via JSON")
            }
        }
    }
}
