import Foundation
import Testing
import ServiceModel

/// Saves keep the file as its author wrote it: from the form in a real terminal, and from
/// `svcwiz apply`.
@Suite(.serialized)
struct CommentKeepingSessionTests {
    typealias Session = WizardSessionTests.Session

    /// `services/frontend.service.yaml` of the example, with three comments.
    static func commented(_ original: String) -> String {
        original
            .replacingOccurrences(of: "  type: NodePort\n", with: "  type: NodePort  # the firewall opens 30080 only\n")
            .replacingOccurrences(of: "    nodePort: 30080\n", with: "    # fixed: the firewall rule names it\n    nodePort: 30080\n")
    }

    /// The `+ ` and `- ` lines of a diff as the screen shows them.
    static func changedLines(_ diff: [LineDiff.Line]) -> [String] {
        diff.compactMap { line in
            switch line {
            case .added(let text): return "+ " + text
            case .removed(let text): return "- " + text
            case .same: return nil
            }
        }
    }

    @Test func aLabelAddedInTheFormAddsOneLineAndKeepsEveryComment() async throws {
        let session = try await Session.start()
        let path = session.workspace.appendingPathComponent("services/frontend.service.yaml")
        let original = Self.commented(try String(contentsOf: path, encoding: .utf8))
        #expect(original.components(separatedBy: "#").count - 1 == 3, "three comments")
        try original.write(to: path, atomically: true, encoding: .utf8)
        try await session.launch()
        for key in ["/"] { try await session.tmux.keys(key) }
        try await session.tmux.type("frontend")
        try await session.tmux.keys("Enter")
        try await session.tmux.keys("e")
        try await session.tmux.waitFor { $0.contains("Edit frontend") }
        for key in ["Down", "Down", "Enter"] {
            try await session.tmux.keys(key)
            try await Task.sleep(nanoseconds: 150_000_000)
        }
        try await session.tmux.waitFor { $0.contains("Labels") && $0.contains("tier") }
        try await session.tmux.keys("C-a")
        try await session.tmux.type("team")
        try await session.tmux.keys("Tab")
        try await session.tmux.type("storefront")
        try await session.tmux.waitFor { $0.contains("storefront") }
        try await session.tmux.keys("C-s")
        let screen = try await session.tmux.waitFor { $0.contains("Changes to frontend") }
        // The diff's lines as drawn inside the box.
        let shown = screen.split(separator: "\n").compactMap { row -> String? in
            guard let border = row.firstIndex(of: "│") else { return nil }
            let inside = row[row.index(after: border)...].drop(while: { $0 == " " })
            guard inside.hasPrefix("+ ") || inside.hasPrefix("- ") else { return nil }
            return String(inside.prefix(while: { $0 != "│" })).trimmingCharacters(in: .whitespaces)
        }
        try await session.tmux.keys("Enter")
        try await session.tmux.waitFor { $0.contains("Saved frontend") }

        let saved = try String(contentsOf: path, encoding: .utf8)
        let diff = LineDiff.lines(from: original, to: saved)
        #expect(Self.changedLines(diff) == ["+     team: storefront"])
        #expect(shown == Self.changedLines(diff), "the diff shown is the file's diff")
        for comment in ["# Storefront web UI", "# the firewall opens 30080 only", "# fixed: the firewall rule names it"] {
            #expect(saved.contains(comment))
        }
        try await session.tmux.keys("q")
    }

    @Test func applyOntoAStoredServiceChangesOnlyItsChangedLines() async throws {
        let workspace = try ProjectPaths.copyOfShop()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let stored = workspace.appendingPathComponent("plain.yaml")
        let original = """
            # Written by hand; reviewed in Git.
            apiVersion: v1
            kind: Service
            metadata:
              name: plain   # no namespace: default
              labels:
                app: plain
            spec:
              selector:
                app: plain
              ports:
              - port: 80   # the only port

            """
        try original.write(to: stored, atomically: true, encoding: .utf8)
        let file = workspace.deletingLastPathComponent().appendingPathComponent("apply-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
            kind: Service
            apiVersion: v1
            spec:
              ports: [{port: 80}]
              selector: {app: plain}
            metadata:
              labels: {app: plain, tier: web}
              name: plain
            """.write(to: file, atomically: true, encoding: .utf8)
        let applied = try await SvcWizBinary.run(["apply", "-f", file.path, "--workspace", workspace.path])
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(applied.stdout.contains("service/plain configured"))
        let saved = try String(contentsOf: stored, encoding: .utf8)
        #expect(saved == original.replacingOccurrences(of: "    app: plain\nspec", with: "    app: plain\n    tier: web\nspec"))

        let before = try FileManager.default.attributesOfItem(atPath: stored.path)
        let again = try await SvcWizBinary.run(["apply", "-f", file.path, "--workspace", workspace.path])
        #expect(again.stdout.contains("service/plain unchanged"), "\(again.stdout)\(again.stderr)")
        let after = try FileManager.default.attributesOfItem(atPath: stored.path)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
    }
}
