import Foundation
import Testing
@testable import ServiceModel

/// Every form edit on every Service of the public corpus, patched into the Service's own
/// document: the text reads back as the edited manifest, keeps every comment that did not
/// belong to a removed key, and changes no line that carries an unchanged field.
struct TextPatcherCorpusTests {
    struct Case {
        var file: String
        var format: ManifestFormat
        var body: [UInt8]
        var firstLine: Int
        /// The document's root, and where the Service sits in it (a List item, or the root).
        var root: ManifestNode
        var listIndex: Int?
        var service: ManifestNode { listIndex.map { root["items"]![$0]! } ?? root }

        func document(with service: ManifestNode) -> ManifestNode {
            guard let listIndex else { return service }
            var root = root
            var items = root["items"]!.items!
            items[listIndex] = service
            root["items"] = .sequence(items)
            return root
        }
    }

    static let cases: [Case] = DraftRoundTripTests.files.flatMap { url -> [Case] in
        guard let file = try? ManifestReader.parse(bytes: Corpus.bytes(url), path: url.lastPathComponent) else { return [] }
        return file.objects.filter(\.isService).map { object in
            let document = file.documents[object.documentIndex]
            return Case(file: url.lastPathComponent, format: file.format, body: Array(file.bytes[document.bodyRange]),
                        firstLine: document.firstLine, root: document.root!, listIndex: object.listIndex)
        }
    }

    typealias Edit = (name: String, removes: Bool, apply: @Sendable (inout ServiceDraft) -> Void)

    static let workload = Workload(kind: .deployment, name: "picked", namespace: "default",
                                   podLabels: [("app", "picked"), ("tier", "web")], replicas: 1,
                                   containerPorts: [.init(name: "http", port: 8080, protocol: "TCP")])

    static let edits: [Edit] = [
        ("change a port number", false, { draft in
            guard !draft.ports.isEmpty else { return }
            draft.ports[0].port = String((Int(draft.ports[0].port) ?? 80) % 60000 + 1)
        }),
        ("rename a port", false, { draft in
            guard !draft.ports.isEmpty else { return }
            draft.ports[0].name = "renamed-port"
        }),
        ("add a label", false, { $0.labels.append(KeyValueRow(key: "patched.example.com/by", value: "svcwiz")) }),
        ("remove an annotation", true, { draft in
            if !draft.annotations.isEmpty { draft.annotations.removeFirst() }
        }),
        ("switch to NodePort", false, { $0.externalAccess = .nodePort }),
        ("switch to NodePort and back to None", true, { draft in
            draft.externalAccess = .nodePort
            draft.externalAccess = .none
        }),
        ("set ClientIP affinity with a timeout", true, { draft in
            draft.sessionAffinity = .clientIP
            draft.sessionAffinityTimeout = "600"
        }),
        ("replace the selector by a workload pick", true, { _ = $0.pick([Self.workload]) }),
    ]

    @Test func corpusHasServicesToPatch() {
        #expect(Self.cases.count > 60)
        #expect(Self.cases.contains { $0.format == .json })
        #expect(Self.cases.contains { $0.listIndex != nil })
        #expect(Self.cases.contains { String(decoding: $0.body, as: UTF8.self).contains("#") })
    }

    @Test(arguments: 0..<8) func everyCorpusServiceTakesTheEditInPlace(edit index: Int) {
        let edit = Self.edits[index]
        var failures: [String] = []
        var patchedCount = 0
        for item in Self.cases {
            var draft = ServiceDraft(manifest: item.service)
            edit.apply(&draft)
            let updated = item.document(with: draft.apply(to: item.service))
            let result = ManifestTextPatcher.patch(item.body, format: item.format, firstLine: item.firstLine,
                                                   original: item.root, updated: updated)
            if updated != item.root { patchedCount += 1 }
            let label = "\(item.file)/\(item.service["metadata"]?["name"]?.scalarText ?? "?") \(edit.name)"
            failures += Self.problems(in: result, of: item, updated: updated, removing: edit.removes).map { "\(label): \($0)" }
        }
        #expect(patchedCount > 20)
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "\n"))")
    }

    /// What is wrong with a patched document, if anything.
    static func problems(in result: PatchedText, of item: Case, updated: ManifestNode, removing: Bool) -> [String] {
        let text = result.text.replacingOccurrences(of: "\r\n", with: "\n")
        guard let reread = try? ManifestReader.parse(text, format: item.format).documents.compactMap(\.root),
              reread.count == 1 else { return ["does not read back as one document:\n\(text)"] }
        var problems: [String] = []
        if !reread[0].sameData(as: updated) { problems.append("reads back as other data") }
        if !result.report.rewritten.isEmpty { problems.append("rewrote \(result.report.rewritten)") }
        let old = String(decoding: item.body, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let diff = LineDiff.lines(from: old, to: text)
        let removed = diff.compactMap { if case .removed(let line) = $0 { return line } else { return nil } }
        if !removing {
            for comment in comments(of: old) where !text.contains(comment) { problems.append("lost comment \(comment)") }
        } else {
            // A comment may go only on a removed line, or with lines removed right below it.
            let removedComments = removed.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            if !removedComments.isEmpty, removedComments.count == removed.count {
                problems.append("removed only comment lines")
            }
            for comment in comments(of: old) where !text.contains(comment) && !removed.contains(where: { $0.contains(comment) }) {
                problems.append("lost comment \(comment)")
            }
        }
        problems += untouchedLinesChanged(diff, item: item, updated: updated)
        return problems
    }

    /// Comments as written: whole comment lines, and what follows ` #` on other lines.
    static func comments(of text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") { return trimmed }
            guard !line.contains("\""), !line.contains("'"), let range = line.range(of: " #") else { return nil }
            return String(line[range.upperBound...])
        }
    }

    /// Lines a diff touched that hold a key whose value did not change anywhere below it.
    static func untouchedLinesChanged(_ diff: [LineDiff.Line], item: Case, updated: ManifestNode) -> [String] {
        var unchangedLines = Set<Int>()
        collectUnchanged(item.root, updated, into: &unchangedLines)
        var problems: [String] = []
        // A JSON key added after a line, or a line joining an item after it, gains a comma.
        let added = Set(diff.compactMap { if case .added(let line) = $0 { return line } else { return nil } })
        var oldLine = item.firstLine
        for line in diff {
            switch line {
            case .same: oldLine += 1
            case .removed(let text):
                if unchangedLines.contains(oldLine), !added.contains(text + ",") { problems.append("changed line \(oldLine) of an unchanged field: \(text)") }
                oldLine += 1
            case .added: break
            }
        }
        return problems
    }

    /// The lines of every mapping key whose whole value is the same before and after.
    static func collectUnchanged(_ old: ManifestNode, _ new: ManifestNode, into lines: inout Set<Int>) {
        switch (old.content, new.content) {
        case (.mapping(let before), .mapping(let after)):
            let keyLines = before.compactMap(\.keyPosition?.line)
            for entry in before {
                guard let value = after.first(where: { $0.key == entry.key })?.value else { continue }
                if value == entry.value, let line = entry.keyPosition?.line, lineHoldsOnlyThisKey(entry),
                   keyLines.filter({ $0 == line }).count == 1, old.position.map({ $0.line != line || $0 == entry.keyPosition }) ?? true {
                    lines.insert(line)
                }
                collectUnchanged(entry.value, value, into: &lines)
            }
        case (.sequence(let before), .sequence(let after)):
            guard let pairs = SequenceMatcher.match(before, after) else { return }
            for (j, pair) in pairs.enumerated() {
                if let i = pair { collectUnchanged(before[i], after[j], into: &lines) }
            }
        default:
            break
        }
    }

    /// A key on a line of its own (not the first key of a `- ` item, whose line is also the
    /// item's, nor inside a flow collection on one line).
    static func lineHoldsOnlyThisKey(_ entry: ManifestEntry) -> Bool {
        guard let key = entry.keyPosition, let value = entry.value.position else { return false }
        if entry.value.scalar != nil { return true }
        return value.line > key.line
    }
}
