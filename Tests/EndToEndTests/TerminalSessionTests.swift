import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal (tmux): what an operator does over SSH.
@Suite(.serialized)
struct TerminalSessionTests {
    func start(_ tmux: TmuxSession, workspace: String = ProjectPaths.shop.path, extra: String = "") throws {
        try tmux.type("\(SvcWizBinary.path) --workspace '\(workspace)' \(extra)")
        try tmux.keys("Enter")
        try tmux.waitFor { $0.contains("NAME") && $0.contains("services") }
    }

    @Test func filterOpenDetailAndGoBack() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        let first = try tmux.screen()
        #expect(first.contains("frontend (前端)"))
        #expect(first.contains("ns: shop"))
        try tmux.type("/cat")
        try tmux.waitFor { $0.contains("1 of 9 match") }
        try tmux.keys("Enter")
        try tmux.keys("Enter")
        let detail = try tmux.waitFor { $0.contains("Attributes") }
        #expect(detail.contains("service: catalog (商品目录)"))
        #expect(detail.contains("catalog.shop.svc.cluster.local:80"))
        try tmux.keys("Escape")
        let back = try tmux.waitFor { $0.contains("NAME") && !$0.contains("Attributes") }
        #expect(back.contains(">catalog"))
        // Esc and q in one write would arrive as Alt-q; a person types them apart.
        try tmux.keys("Escape")
        usleep(200_000)
        try tmux.keys("q")
        try tmux.waitFor { !$0.contains("NAME") }
        #expect(try !tmux.inAlternateScreen())
    }

    @Test func resizeToTooSmallAndBack() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        try tmux.resize(columns: 50, rows: 14)
        try tmux.waitFor { $0.contains("Terminal too small: 50x14") }
        try tmux.resize(columns: 120, rows: 40)
        let wide = try tmux.waitFor { $0.contains("SELECTOR") }
        #expect(wide.contains("AGE"))
        try tmux.keys("q")
        try tmux.waitFor { !$0.contains("SELECTOR") }
    }

    @Test func suspendWithCtrlZAndResumeWithFg() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        try tmux.keys("C-z")
        try tmux.waitFor { !$0.contains("BACKENDS") }
        #expect(try !tmux.inAlternateScreen())
        try tmux.type("fg")
        try tmux.keys("Enter")
        let resumed = try tmux.waitFor { $0.contains("BACKENDS") && $0.contains("frontend") }
        #expect(resumed.contains("ns: shop"))
        try tmux.keys("q")
    }

    @Test func ctrlCRestoresTheTerminal() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        try tmux.keys("C-c")
        try tmux.waitFor { !$0.contains("BACKENDS") }
        #expect(try !tmux.inAlternateScreen())
        try tmux.type("echo still-echoing")
        let screen = try tmux.waitFor { $0.contains("echo still-echoing") }
        try tmux.keys("Enter")
        try tmux.waitFor { $0.components(separatedBy: "still-echoing").count >= 3 }
        #expect(screen.contains("$"))
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = try TmuxSession()
        try start(tmux)
        let pids = try Spawn.run("pgrep", ["-f", "svcwiz --workspace"]).stdout.split(separator: "\n").compactMap { Int32($0) }
        #expect(!pids.isEmpty)
        for pid in pids { kill(pid, SIGTERM) }
        try tmux.waitFor { !$0.contains("BACKENDS") }
        #expect(try !tmux.inAlternateScreen())
        try tmux.type("echo after-term")
        try tmux.keys("Enter")
        try tmux.waitFor { $0.components(separatedBy: "after-term").count >= 3 }
    }

    @Test func escapeSequencesInAnnotationsAreShownEscaped() throws {
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-evil-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workspace) }
        try """
        apiVersion: v1
        kind: Service
        metadata:
          name: evil
          annotations:
            note: "\\e[2J\\e[31mred\\e]0;pwned\\a"
        spec:
          ports:
          - port: 80
        """.write(to: workspace.appendingPathComponent("evil.yaml"), atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(columns: 100, rows: 40)
        try tmux.type("\(SvcWizBinary.path) --workspace '\(workspace.path)'")
        try tmux.keys("Enter")
        try tmux.waitFor { $0.contains("evil") && $0.contains("NAME") }
        try tmux.keys("Enter")
        let screen = try tmux.waitFor { $0.contains("Annotations") && $0.contains("note") }
        #expect(screen.contains("\\e[2J\\e[31mred\\e]0;pwned\\x07"))
        #expect(screen.contains("Attributes"), "the screen was not cleared by the annotation")
        try tmux.keys("q")
        usleep(200_000)
        try tmux.keys("q")
    }
}
