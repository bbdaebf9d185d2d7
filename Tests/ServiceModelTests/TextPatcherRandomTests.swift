import Testing
@testable import ServiceModel

/// Random sequences of form edits on corpus documents, each saved by patching the text the
/// previous save wrote: every text reads back as the same edits applied to the tree.
struct TextPatcherRandomTests {
    /// SplitMix64: the same seed gives the same sequences on every machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    typealias Edit = @Sendable (inout ServiceDraft, inout SeededGenerator) -> Void

    static let edits: [Edit] = [
        { draft, rng in if !draft.ports.isEmpty { draft.ports[Int.random(in: 0..<draft.ports.count, using: &rng)].port = String(Int.random(in: 1...65535, using: &rng)) } },
        { draft, rng in if !draft.ports.isEmpty { draft.ports[Int.random(in: 0..<draft.ports.count, using: &rng)].name = "p\(Int.random(in: 0...99, using: &rng))" } },
        { draft, rng in if !draft.ports.isEmpty { draft.ports[Int.random(in: 0..<draft.ports.count, using: &rng)].targetPort = ["http", "8080", "9090"].randomElement(using: &rng)! } },
        { draft, rng in if draft.ports.count > 1 { draft.ports.remove(at: Int.random(in: 0..<draft.ports.count, using: &rng)) } },
        { draft, rng in draft.ports.append(PortRow(name: "extra\(Int.random(in: 0...9, using: &rng))", port: String(Int.random(in: 1000...2000, using: &rng)))) },
        { draft, rng in draft.labels.append(KeyValueRow(key: "k\(Int.random(in: 0...99, using: &rng))", value: ["v", "yes", "0x1F", "a b", "#x"].randomElement(using: &rng)!)) },
        { draft, rng in if !draft.labels.isEmpty { draft.labels.remove(at: Int.random(in: 0..<draft.labels.count, using: &rng)) } },
        { draft, rng in if !draft.labels.isEmpty { draft.labels[Int.random(in: 0..<draft.labels.count, using: &rng)].value = "changed" } },
        { draft, rng in if !draft.annotations.isEmpty { draft.annotations.remove(at: Int.random(in: 0..<draft.annotations.count, using: &rng)) } },
        { draft, rng in draft.description = ["", "one line", "two\nlines"].randomElement(using: &rng)! },
        { draft, rng in draft.externalAccess = ExternalAccess.allCases.randomElement(using: &rng)! },
        { draft, rng in
            draft.sessionAffinity = Bool.random(using: &rng) ? .clientIP : .none
            if draft.sessionAffinity == .clientIP { draft.sessionAffinityTimeout = String(Int.random(in: 1...86400, using: &rng)) }
        },
        { draft, rng in _ = draft.pick([TextPatcherCorpusTests.workload]) },
        { draft, rng in if !draft.selector.isEmpty { draft.selector.removeLast() } },
        { draft, rng in if draft.externalAccess == .loadBalancer { draft.loadBalancerSourceRanges.append("10.\(Int.random(in: 0...255, using: &rng)).0.0/16") } },
    ]

    @Test func randomEditSequencesReadBackAsTheSameEditsOnTheTree() {
        var rng = SeededGenerator(state: 12)
        var failures: [String] = []
        var rewrites = 0
        var saves = 0
        let cases = TextPatcherCorpusTests.cases
        for round in 0..<300 {
            let item = cases[Int.random(in: 0..<cases.count, using: &rng)]
            var text = item.body
            var firstLine = item.firstLine
            var root = item.root
            var expected = item.root
            for step in 0..<Int.random(in: 1...5, using: &rng) {
                let service = item.listIndex.map { root["items"]![$0]! } ?? root
                var draft = ServiceDraft(manifest: service)
                Self.edits[Int.random(in: 0..<Self.edits.count, using: &rng)](&draft, &rng)
                var editedService = draft.apply(to: service)
                var updated = root
                if let index = item.listIndex {
                    var items = root["items"]!.items!
                    items[index] = editedService
                    updated["items"] = .sequence(items)
                } else {
                    updated = editedService
                }
                // The same edit on the tree the previous step expected.
                let expectedService = item.listIndex.map { expected["items"]![$0]! } ?? expected
                editedService = draft.apply(to: expectedService)
                if let index = item.listIndex {
                    var items = expected["items"]!.items!
                    items[index] = editedService
                    expected["items"] = .sequence(items)
                } else {
                    expected = editedService
                }
                let result = ManifestTextPatcher.patch(text, format: item.format, firstLine: firstLine, original: root, updated: updated)
                saves += 1
                if !result.report.rewritten.isEmpty { rewrites += 1 }
                guard let reread = try? ManifestReader.parse(bytes: result.bytes, format: item.format).documents.compactMap(\.root),
                      reread.count == 1, reread[0].sameData(as: expected) else {
                    failures.append("round \(round) step \(step) \(item.file): reads back as other data\n\(result.text)")
                    break
                }
                if result.report.rewroteDocument { failures.append("round \(round) step \(step) \(item.file): whole document rewritten") }
                text = result.bytes
                firstLine = 1
                root = reread[0]
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5).joined(separator: "\n"))")
        // Writing a node anew is the exception (a block scalar changed, a list emptied).
        #expect(rewrites * 10 < saves, "\(rewrites) of \(saves) saves rewrote a node")
    }
}
