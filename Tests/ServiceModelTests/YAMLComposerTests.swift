import Testing
@testable import ServiceModel

/// The YAML reader built on libyaml's events: what it keeps from the text and how it
/// refuses what it cannot read.
struct YAMLComposerTests {
    static func failure(_ text: String) -> ManifestParseError? {
        do {
            _ = try ManifestReader.parse(text, path: "x.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test func scalarsKeepStyleTagAndPlace() throws {
        let text = "a: 'x'\nb: \"80\"\nc: !!str 80\nd: !!int 0x1F\ne: |\n  lit\nf: >\n  fold\ng: ! 80\nh: ~\n"
        let node = try #require(ManifestReader.objects(text).first)
        #expect(node["a"]?.scalar == Scalar(text: "x", kind: .string, style: .singleQuoted))
        #expect(node["b"]?.scalar == Scalar(text: "80", kind: .string, style: .doubleQuoted))
        #expect(node["c"]?.string == "80")
        #expect(node["d"]?.int == 31)
        #expect(node["e"]?.scalar == Scalar(text: "lit\n", kind: .string, style: .literal))
        #expect(node["f"]?.scalar == Scalar(text: "fold\n", kind: .string, style: .folded))
        #expect(node["g"]?.int == 80)
        #expect(node["h"]?.isNull == true)
        #expect(node.entries?[3].keyPosition == SourcePosition(line: 4, column: 1))
        #expect(node["d"]?.position == SourcePosition(line: 4, column: 4))
    }

    @Test func anAliasIsItsAnchorsNodeWithTheAnchorsPlace() throws {
        let node = try #require(ManifestReader.objects("a: &x [1, 2]\nb: *x\n").first)
        #expect(node["b"] == node["a"])
        #expect(node["b"]?.position == SourcePosition(line: 1, column: 4))
    }

    @Test func keysWithTheSameTextAreOneKeyWhateverTheirTags() throws {
        #expect(Self.failure("80: a\n\"80\": b\n")?.message == "duplicate key: 80")
        #expect(Self.failure("a: 1\n\"a\": 2\n")?.message == "duplicate key: a")
        #expect(Self.failure("y: 1\n\"y\": 2\n")?.message == "duplicate key: y")
        #expect(Self.failure("!!int 80: a\n80: b\n")?.message == "duplicate key: 80")
        // Found by FuzzManifest: a plain 080 (a float to YAML 1.1) and `! 080` (a string)
        // were kept as two keys and written as one.
        #expect(Self.failure("{080: a, ! 080: b}\n")?.message == "duplicate key: 080")
    }

    @Test func duplicateKeysAreNamedSortedAtTheFirstOnesPlace() {
        let error = Self.failure("top:\n  b: 1\n  a: 2\n  b: 3\n  a: 4\n")
        #expect(error?.message == "duplicate key: a, b")
        #expect(error?.line == 3)
        #expect(error?.column == 3)
    }

    @Test func aMappingOrListAsKeyIsRefusedWhereItStarts() {
        let mapping = Self.failure("kind: Service\nmetadata:\n  ? {name: x}\n  : 1\n")
        #expect(mapping?.message == "a mapping cannot be a mapping key")
        #expect(mapping?.line == 3)
        #expect(mapping?.column == 5)
        let list = Self.failure("a: &l [1]\nb:\n  *l : 2\n")
        #expect(list?.message == "a list cannot be a mapping key")
        #expect(list?.line == 3)
        #expect(list?.column == 3)
    }

    @Test func aSyntaxErrorIsSaidBeforeAMergeKeyWithoutMappings() {
        let merge = Self.failure("a:\n  <<: 1\n")
        #expect(merge?.message == "a merge key (<<) needs a mapping or a list of mappings")
        #expect(merge?.line == 2)
        #expect(merge?.column == 7)
        let syntax = Self.failure("a:\n  <<: 1\nb: [\n")
        #expect(syntax?.line == 4)
        #expect(syntax?.message.hasPrefix("a merge key") == false)
    }

    @Test func theFirstFailingMergeKeyInTheTextIsReported() {
        #expect(Self.failure("a:\n  <<: 1\n  x: {<<: 2}\n")?.line == 2)
        #expect(Self.failure("a:\n  x: {<<: 2}\n  <<: 1\n")?.line == 2)
        #expect(Self.failure("a:\n  x: {<<: 2}\n  <<: 1\n")?.column == 11)
    }

    @Test func anUndefinedAliasIsAnError() {
        let error = Self.failure("a: 1\nb: *nowhere\n")
        #expect(error?.message == "found undefined alias")
        #expect(error?.line == 2)
        #expect(error?.column == 4)
    }

    @Test func libyamlErrorsNameTheirContextAndLineInTheFile() {
        let error = Self.failure("a: 1\n---\nkind: Service\nmetadata:\n  name: [x\n")
        #expect(error?.line == 6)
        #expect(error?.message.contains("(while parsing a flow sequence at line 5)") == true)
    }

    /// libyaml's reader reports a byte offset; its place is counted in characters, over
    /// CRLF line ends and multi-byte text before it.
    @Test func aControlCharacterIsPlacedAtItsLineAndColumn() {
        let error = Self.failure("a:\r\n  é: 1\r\n  c: 前端\u{01}\r\n")
        #expect(error?.message == "control characters are not allowed")
        #expect(error?.line == 3)
        #expect(error?.column == 8)
    }

    @Test func onlyTheFirstDocumentOfAChunkIsRead() throws {
        #expect(try YAMLDocumentReader.compose("a: 1\n--- b\n", lineOffset: 0, file: nil)?["a"]?.int == 1)
        #expect(try YAMLDocumentReader.compose("# nothing\n", lineOffset: 0, file: nil) == nil)
    }

    @Test func deepNestingWithinTheLimitIsComposedWithoutRecursion() throws {
        let depth = InputLimits.maxDepth - 1
        var text = ""
        for level in 0..<depth { text += String(repeating: " ", count: level) + "k:\n" }
        text += String(repeating: " ", count: depth) + "v\n"
        var node = try #require(ManifestReader.objects(text).first)
        for _ in 0..<depth - 1 { node = try #require(node["k"]) }
        #expect(node["k"]?.string == "v")
    }
}
