import Testing
@testable import ServiceModel

/// `ManifestTextPatcher` on small documents: each layout habit survives an edit.
struct TextPatcherTests {
    /// Patches `text` with `edit` applied to its manifest; the result must read back as
    /// the edited manifest.
    func patched(_ text: String, format: ManifestFormat = .yaml, _ edit: (inout ManifestNode) -> Void) -> PatchedText {
        let root = try! #require(try ManifestReader.parse(text, format: format).documents.first?.root)
        var updated = root
        edit(&updated)
        let result = ManifestTextPatcher.patch(text, format: format, updated: updated)!
        let reread = try? ManifestReader.parse(result.text, format: format).documents.first?.root
        #expect(reread?.sameData(as: updated) == true, "\(result.text)")
        return result
    }

    static let shop = """
        # Storefront web UI
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          labels:
            app: frontend
        spec:
          type: NodePort  # reachable on every node
          ports:
          - name: http
            port: 80
            # fixed so the firewall rule matches
            nodePort: 30080

        """

    @Test func addingALabelAddsOneLineAndKeepsEveryComment() {
        let result = patched(Self.shop) { $0.set("metadata.labels.tier", to: .string("web")) }
        #expect(result.text == Self.shop.replacingOccurrences(of: "    app: frontend\n", with: "    app: frontend\n    tier: web\n"))
        #expect(result.report.rewritten.isEmpty)
    }

    @Test func changingAScalarKeepsItsInlineComment() {
        let result = patched(Self.shop) { $0.set("spec.type", to: .string("LoadBalancer")) }
        #expect(result.text.contains("  type: LoadBalancer  # reachable on every node\n"))
        #expect(result.text.components(separatedBy: "\n").count == Self.shop.components(separatedBy: "\n").count)
    }

    @Test func removingAKeyTakesItsAttachedCommentLines() {
        let result = patched(Self.shop) { $0.set("spec.ports[0].nodePort", to: nil) }
        #expect(!result.text.contains("firewall"))
        #expect(!result.text.contains("30080"))
        #expect(result.text.contains("# reachable on every node"))
    }

    @Test func removingTheFirstKeyOfAnItemMovesTheNextOntoTheDash() {
        let result = patched(Self.shop) { $0.set("spec.ports[0].name", to: nil) }
        #expect(result.text.contains("  - port: 80\n    # fixed so"))
    }

    @Test func aBlankLineAboveARemovedKeyStays() {
        let text = "a: 1\n\n# about b\nb: 2\nc: 3\n"
        let result = patched(text) { $0["b"] = nil }
        #expect(result.text == "a: 1\n\nc: 3\n")
    }

    @Test func quotingStyleIsKeptWhereTheValueAllows() {
        let text = "a: 'x'\nb: \"y\"\nc: z\n"
        let result = patched(text) {
            $0["a"] = .string("it's")
            $0["b"] = .string("w")
            $0["c"] = .string("yes")
        }
        #expect(result.text == "a: 'it''s'\nb: \"w\"\nc: \"yes\"\n")
    }

    @Test func crlfBOMAndAMissingFinalLineBreakStay() {
        let text = "\u{FEFF}a: 1\r\nm:\r\n  k: v\r\nz: 2"
        let result = patched(text) {
            $0.set("m.p", to: .string("w"))
            $0["q"] = .int(3)
        }
        #expect(result.text == "\u{FEFF}a: 1\r\nm:\r\n  k: v\r\n  p: w\r\nz: 2\r\nq: 3")
    }

    @Test func fourSpaceIndentAndIndentedSequencesAreFollowed() {
        let text = "spec:\n    ports:\n        - port: 80\n          name: a\n"
        let result = patched(text) {
            $0.set("spec.selector", to: .mapping(["app": .string("web")]))
            var ports = $0.node(at: "spec.ports")!.items!
            ports.append(.mapping(["port": .int(81)]))
            $0.set("spec.ports", to: .sequence(ports))
        }
        #expect(result.text == "spec:\n    ports:\n        - port: 80\n          name: a\n        - port: 81\n    selector:\n        app: web\n")
    }

    @Test func flowCollectionsStayFlow() {
        let text = "metadata:\n  labels: {app: web, tier: front}\nspec:\n  ipFamilies: [IPv4]\n"
        let result = patched(text) {
            $0.set("metadata.labels.tier", to: nil)
            $0.set("metadata.labels.team", to: .string("a,b"))
            $0.set("spec.ipFamilies", to: .sequence([.string("IPv4"), .string("IPv6")]))
        }
        #expect(result.text == "metadata:\n  labels: {app: web, team: \"a,b\"}\nspec:\n  ipFamilies: [IPv4, IPv6]\n")
    }

    @Test func portsAreMatchedByNameThenNumber() {
        let text = "ports:\n- name: a # first\n  port: 80\n- name: b # second\n  port: 81\n"
        let result = patched(text) {
            $0["ports"] = .sequence([.mapping(["name": .string("b"), "port": .int(82)])])
        }
        #expect(result.text == "ports:\n- name: b # second\n  port: 82\n")
    }

    @Test func jsonKeepsItsIndentationAndOrder() {
        let text = "{\n  \"metadata\": {\n    \"name\": \"edge\"\n  },\n  \"spec\": {\"type\": \"ClusterIP\"}\n}"
        let result = patched(text, format: .json) {
            $0.set("metadata.labels", to: .mapping(["app": .string("edge")]))
            $0.set("spec.type", to: .string("NodePort"))
        }
        #expect(result.text == "{\n  \"metadata\": {\n    \"name\": \"edge\",\n    \"labels\": {\n      \"app\": \"edge\"\n    }\n  },\n  \"spec\": {\"type\": \"NodePort\"}\n}")
    }

    @Test func anAnchoredValueThatChangesIsWrittenAnewAndSaysSo() {
        let text = "a: &x 1\nb: *x\n"
        let result = patched(text) { $0["a"] = .int(2) }
        #expect(!result.report.rewritten.isEmpty)
    }

    @Test func nothingChangedGivesTheSameBytes() {
        let root = try! ManifestReader.parse(Self.shop).documents[0].root!
        #expect(ManifestTextPatcher.patch(Self.shop, format: .yaml, updated: root)?.text == Self.shop)
    }
}
