import Foundation
import Testing
@testable import ServiceModel

/// Hostile inputs are refused by `InputLimits` with the place and the reason, and inputs
/// that use anchors the usual way still read.
@Suite struct InputLimitsTests {
    static let hostile: URL = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.deletingLastPathComponent().appendingPathComponent("Fixtures/hostile")
    }()

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: hostile.appendingPathComponent(name)))
    }

    static func refusal(_ bytes: [UInt8], path: String) -> ManifestParseError? {
        do {
            _ = try ManifestReader.parse(bytes: bytes, path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func theBillionLaughsFileIsRefusedAtTheAliasThatBreaksTheBound() throws {
        let error = try #require(Self.refusal(try Self.fixture("alias-bomb.yaml"), path: "bomb.yaml"))
        guard case .aliasExpansion(let anchor, let aliased, let nodes)? = error.limit else {
            Issue.record("not refused for aliasing: \(error)")
            return
        }
        #expect(anchor == "c")
        #expect(aliased > 100 && nodes > 1000)
        #expect(error.file == "bomb.yaml")
        #expect(error.line == 11)
        #expect(error.description.hasPrefix("bomb.yaml:11:"))
        #expect(error.message.hasPrefix("refused: alias *c makes the document expand too much"))
        #expect(error.message(in: .zh).hasPrefix("已拒绝：别名 *c 使文档过度展开"))
    }

    @Test func aBombInMappingKeysIsRefusedBeforeTheKeysAreCompared() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghijk", "abcdefghij") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "keys:\n  ? *k\n  : 1\n  ? *k\n  : 2\n"
        let error = Self.refusal(Array(text.utf8), path: "keys.yaml")
        #expect(error?.limit != nil, "\(String(describing: error))")
    }

    @Test func aBombInALaterDocumentNamesItsLineInTheWholeFile() throws {
        let bomb = String(decoding: try Self.fixture("alias-bomb.yaml"), as: UTF8.self)
        let text = "apiVersion: v1\nkind: Service\nmetadata: {name: fine}\n---\n" + bomb
        let error = try #require(Self.refusal(Array(text.utf8), path: "two.yaml"))
        #expect(error.limit != nil)
        #expect(error.line == 15)
    }

    @Test func anchorsUsedTheUsualWayStillRead() throws {
        var text = "defaults: &defaults {protocol: TCP, port: 80}\nports:\n"
        for i in 0..<300 { text += "  - <<: *defaults\n    name: p\(i)\n" }
        let node = try #require(ManifestReader.objects(text).first)
        #expect(node["ports"]?.items?.count == 300)
        #expect(node["ports"]?.items?.last?["protocol"]?.string == "TCP")
    }

    @Test func aLargeDocumentMayRepeatASmallAnchorManyTimes() throws {
        // 2,000 aliases of a 3-node list in a document of ~6,000 written nodes: proportionate.
        var text = "base: &base [a, b]\nitems:\n"
        for i in 0..<2_000 { text += "  - {name: n\(i), value: v, list: *base}\n" }
        let node = try #require(ManifestReader.objects(text).first)
        #expect(node["items"]?.items?.count == 2_000)
    }

    @Test(arguments: ["deep.yaml", "deep.json"])
    func deepNestingIsRefusedWithTheLimit(_ name: String) throws {
        let error = try #require(Self.refusal(try Self.fixture(name), path: name))
        #expect(error.limit == .tooDeep(limit: InputLimits.maxDepth))
        #expect(error.line == (name.hasSuffix("json") ? 1 : 6))
        #expect(error.message == "refused: mappings and lists are nested more than 128 levels deep; flatten the document")
        #expect(error.message(in: .zh) == "已拒绝：映射和列表嵌套超过 128 层，请减少嵌套")
    }

    @Test func nestingJustInsideTheLimitReads() throws {
        let depth = InputLimits.maxDepth - 1
        let yaml = "x: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(try ManifestReader.parse(yaml).documents.count == 1)
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try ManifestReader.parse(json, format: .json).documents.count == 1)
    }

    @Test func nestingMadeByAliasesCountsExpanded() {
        let half = InputLimits.maxDepth / 2 + 10
        let inner = String(repeating: "[", count: half) + String(repeating: "]", count: half)
        let text = "a: &a \(inner)\nb: " + String(repeating: "[", count: half) + "*a" + String(repeating: "]", count: half) + "\n"
        let error = Self.refusal(Array(text.utf8), path: "alias-deep.yaml")
        #expect(error?.limit == .tooDeep(limit: InputLimits.maxDepth))
        #expect(error?.line == 2)
    }

    @Test func aFileOverTheSizeLimitIsRefusedWithBothSizes() {
        let size = InputLimits.maxFileBytes + 1024 * 1024
        let error = Self.refusal([UInt8](repeating: UInt8(ascii: "#"), count: size), path: "huge.yaml")
        #expect(error?.limit == .tooLarge(bytes: size, limit: InputLimits.maxFileBytes))
        #expect(error?.message == "refused: the file is 33 MiB, over the 32 MiB limit for one file; split it into smaller files")
        #expect(error?.message(in: .zh) == "已拒绝：文件大小为 33 MiB，超过单个文件 32 MiB 的上限，请拆分为多个较小的文件")
    }

    @Test func sizesAreSaidInMiB() {
        #expect(InputLimitViolation.size(32 * 1024 * 1024) == "32 MiB")
        #expect(InputLimitViolation.size(40 * 1024 * 1024 + 512 * 1024) == "40.5 MiB")
        #expect(InputLimitViolation.size(900) == "900 bytes")
    }

    @Test func theAliasShareFollowsGoYaml() {
        #expect(InputLimits.allowedAliasRatio(1_000) == 0.99)
        #expect(InputLimits.allowedAliasRatio(5_000_000) == 0.10)
        #expect(abs(InputLimits.allowedAliasRatio(2_200_000) - 0.545) < 0.0001)
        #expect(!InputLimits.aliasingExcessive(aliased: 100, nodes: 1_000_000))
        #expect(InputLimits.aliasingExcessive(aliased: 9_901, nodes: 10_000))
    }

    @Test func aLargeJSONObjectWithADuplicateKeyIsStillCaught() {
        var text = "{"
        for i in 0..<5_000 { text += "\"k\(i)\": \(i), " }
        text += "\"k4321\": 0}"
        let error = Self.refusal(Array(text.utf8), path: "dup.json")
        #expect(error?.message == "duplicate key: k4321")
    }
}

/// Inputs the fuzzer found that read but did not survive being written and read again.
@Suite struct FuzzFoundInputTests {
    /// A CR before `?` started a complex key whose key is a mapping; it was kept as the
    /// Swift description of Yams' node, 2,000 characters that no YAML reader takes back.
    @Test func aListOrMappingAsAKeyIsRefusedWithItsLine() throws {
        let input = try InputLimitsTests.fixture("mapping-as-key.yaml")
        let error = try #require(InputLimitsTests.refusal(input, path: "key.yaml"))
        #expect(error.message == "a mapping cannot be a mapping key")
        #expect(error.line == 7)  // where the mapping that is the key starts: `labels:`
        for text in ["? [a, b]\n: 1\n", "x:\n  ? {a: 1}\n  : 2\n", "{[a]: 1}\n"] {
            #expect(InputLimitsTests.refusal(Array(text.utf8), path: "k.yaml")?.message.hasSuffix("cannot be a mapping key") == true, "\(text)")
        }
        #expect(try ManifestReader.objects("? a\n: 1\n80: x\ntrue: y\n").first?.keys == ["a", "80", "true"])
    }
}

extension FuzzFoundInputTests {
    /// A key longer than libyaml's 1,024-character bound for a key before its `:` is
    /// written as an explicit key (`? key` then `: value`), so the YAML reads back.
    @Test(arguments: ["plain", "with: colon"])
    func aVeryLongKeyIsWrittenSoThatItReadsBack(_ kind: String) throws {
        let key = String(repeating: kind == "plain" ? "a" : "a: ", count: 1_100)
        let node = ManifestNode.mapping([
            "m": .mapping([ManifestEntry(key: key, value: .string("v")), ManifestEntry(key: "next", value: .int(1))]),
            "l": .sequence([.mapping([ManifestEntry(key: key, value: .sequence([.string("x")]))])]),
            "deep": .mapping([ManifestEntry(key: key, value: .mapping(["a": .int(1)]))]),
        ])
        let yaml = YAMLWriter.write(node)
        #expect(yaml.contains("? "))
        #expect(try ManifestReader.objects(yaml).first == node, "\(yaml)")
    }
}
