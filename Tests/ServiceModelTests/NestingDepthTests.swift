import Foundation
import Synchronization
import Testing
@testable import ServiceModel

/// The nesting bound keeps every recursive walk of a tree inside a worker thread's stack:
/// the deepest document the reader accepts is read, written, compared, merged, patched and
/// freed on a thread with a small stack, and input that tries to slip past the bound
/// (invalid UTF-8 before the deep part: the fuzzer's crash) is refused.
@Suite struct NestingDepthTests {
    /// The stack the deepest document must fit in: what Dispatch and Swift concurrency
    /// threads get on Linux when the stack rlimit is unlimited (8 MiB with the usual
    /// 8 MiB rlimit), the smallest a worker thread of the app has there.
    static let smallStack = 2 * 1024 * 1024

    /// The deepest accepted documents, one for each way of nesting.
    enum Shape: String, CaseIterable, CustomTestStringConvertible {
        case flowSequences, flowMappings, blockMappings, blockSequences, jsonArrays, jsonObjects

        var testDescription: String { rawValue }

        /// `depth` nested mappings and lists in all, the root included.
        func text(depth: Int) -> String {
            let inner = depth - 1
            switch self {
            case .flowSequences:
                return "x: " + String(repeating: "[", count: inner) + String(repeating: "]", count: inner) + "\n"
            case .flowMappings:
                return "x: " + String(repeating: "{a: ", count: inner) + "1" + String(repeating: "}", count: inner) + "\n"
            case .blockMappings:
                return (0...inner).map { String(repeating: "  ", count: $0) + ($0 == inner ? "a: 1\n" : "a:\n") }.joined()
            case .blockSequences:
                return "x:\n" + (0..<inner).map { String(repeating: "  ", count: $0) + "-\n" }.joined()
                    + String(repeating: "  ", count: inner) + "1\n"
            case .jsonArrays:
                return "{\"x\": " + String(repeating: "[", count: inner) + String(repeating: "]", count: inner) + "}"
            case .jsonObjects:
                return "{\"x\": " + String(repeating: "{\"a\": ", count: inner) + "1" + String(repeating: "}", count: inner) + "}"
            }
        }
    }

    static func hostile(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: InputLimitsTests.hostile.appendingPathComponent(name)))
    }

    static func parse(_ text: String) throws -> ManifestNode {
        let file = try ManifestReader.parse(text)
        return try #require(file.documents.first?.root)
    }

    /// Everything the app and the fuzzer do with a tree that walks all of its depth.
    static func walkEverything(_ text: String) throws {
        let node = try parse(text)
        let yaml = YAMLWriter.write(node)
        let json = JSONWriter.write(node)
        let again = try parse(yaml)
        #expect(try parse(json) == again)
        #expect(node == again)
        #expect(node.hashValue == again.hashValue)
        #expect(node.sameData(as: again))
        #expect(node.withoutPositions == again)
        _ = JSONWriter.compact(node)
        _ = ServiceSummary(manifest: node)
        var changed = node
        changed["y"] = .int(1)
        #expect(ManifestMerge.threeWay(base: node, ours: changed, theirs: again) == changed)
        let patched = try #require(ManifestTextPatcher.patch(text, format: text.hasPrefix("{") ? .json : .yaml,
                                                            updated: changed))
        #expect(try parse(String(decoding: patched.bytes, as: UTF8.self)) == changed)
    }

    @Test(arguments: Shape.allCases)
    func theDeepestAcceptedDocumentIsWalkedOnASmallStack(_ shape: Shape) throws {
        let text = shape.text(depth: InputLimits.maxDepth)
        let deeper = shape.text(depth: InputLimits.maxDepth + 1)
        #expect(throws: ManifestParseError.self) { try ManifestReader.parse(deeper) }
        let failure = Mutex<String?>(nil)
        let used = StackProbe.highWater(stackSize: Self.smallStack) {
            do { try Self.walkEverything(text) } catch { failure.withLock { $0 = "\(error)" } }
        }
        #expect(failure.withLock { $0 } == nil)
        // Half the small stack at most, in a debug build: the app's own frames sit under
        // the walk, and a test build's frames are larger than a release build's.
        #expect(used < Self.smallStack / 2, "\(shape): \(used / 1024) KiB of stack at depth \(InputLimits.maxDepth)")
    }

    @Test func theDeepestAcceptedDocumentIsWalkedOnASwiftConcurrencyThread() async throws {
        for shape in Shape.allCases {
            let text = shape.text(depth: InputLimits.maxDepth)
            try await Task.detached { try Self.walkEverything(text) }.value
        }
    }

    /// The fuzzer's crash: invalid UTF-8 stopped the depth check (libyaml refuses it) while
    /// the composer read the text with U+FFFD in its place and recursed 600 levels deep.
    @Test func deepNestingAfterInvalidUTF8IsRefusedAtTheLimit() throws {
        let error = try #require(InputLimitsTests.refusal(try Self.hostile("deep-after-invalid-utf8.yaml"),
                                                          path: "deep.yaml"))
        #expect(error.limit == .tooDeep(limit: InputLimits.maxDepth))
        #expect(error.line == 6)
    }

    @Test func anAliasBombAfterInvalidUTF8IsRefused() throws {
        let bomb = try Self.hostile("alias-bomb.yaml")
        let error = try #require(InputLimitsTests.refusal(Array("# ".utf8) + [0xFF, 0x0A] + bomb,
                                                          path: "bomb.yaml"))
        guard case .aliasExpansion? = error.limit else {
            Issue.record("not refused for aliasing: \(error)")
            return
        }
        #expect(error.line == 12)
    }

    /// Past libyaml's own bound (1,000 levels) its scanner stops before any collection is
    /// seen; the message is still ours, with the limit.
    @Test(arguments: [200, 999, 1_000, 1_001, 5_000])
    func theMessageSaysTheLimitAtAnyDepth(_ depth: Int) throws {
        for shape in [Shape.flowSequences, .flowMappings] {
            let error = try #require(InputLimitsTests.refusal(Array(shape.text(depth: depth).utf8), path: "d.yaml"))
            #expect(error.limit == .tooDeep(limit: InputLimits.maxDepth), "\(shape) \(depth): \(error)")
            #expect(error.message.contains("\(InputLimits.maxDepth) levels"))
            #expect(error.line == 1)
        }
    }
}
