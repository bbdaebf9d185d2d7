import Foundation
import Testing

/// A hostile paste in the real binary's editor pane: refused with its line, and the keys
/// that follow are answered.
@Suite struct EditorPasteSessionTests {
    typealias Session = WizardSessionTests.Session

    @Test func aPastedAliasBombIsRefusedAtItsLineAndKeysGoOn() async throws {
        let bomb = try String(contentsOf: HostileInputTests.hostile.appendingPathComponent("alias-bomb.yaml"), encoding: .utf8)
        let session = try await Session.start()
        try await session.launch()
        try await session.tmux.keys("c")
        try await session.tmux.waitFor { $0.contains("Create service") }
        try await session.tmux.keys("C-e")
        try await session.tmux.waitFor { $0.contains("edit mode") && !$0.contains("checking the text") }
        // After the form's document, as a second one: the editor must hold one Service, but
        // the bomb is refused while it is read, before documents are counted.
        try await session.tmux.keys("M->")
        try await session.tmux.paste("\n---\n" + bomb)
        try await session.tmux.keys("Escape")
        let refused = try await session.tmux.waitFor { $0.contains("refused: alias *c") }
        #expect(refused.contains("edit mode"), "the editor stays open")
        let status = try #require(refused.split(separator: "\n").first { $0.contains("refused: alias *c") })
        let line = try #require(status.firstMatch(of: /line (\d+), column/)?.1)
        #expect(refused.contains("line \(line), col"), "the cursor is on the refused alias:\n\(refused)")
        let below = try #require(Int(line)) + 1
        try await session.tmux.keys("Down")
        try await session.tmux.waitFor { $0.contains("line \(below), col") }
    }
}
