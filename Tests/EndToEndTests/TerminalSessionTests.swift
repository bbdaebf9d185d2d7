import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal (tmux): what an operator does over SSH.
@Suite(.serialized)
struct TerminalSessionTests {
    func start(_ tmux: TmuxSession, workspace: String = ProjectPaths.shop.path, extra: String = "") async throws {
        try await tmux.type("\(SvcWizBinary.path) --workspace '\(workspace)' \(extra)")
        try await tmux.keys("Enter")
        try await tmux.waitFor { $0.contains("NAME") && $0.contains("services") }
    }

    @Test func filterOpenDetailAndGoBack() async throws {
        let tmux = try await TmuxSession.start()
        try await start(tmux)
        let first = try await tmux.screen()
        #expect(first.contains("frontend (前端)"))
        #expect(first.contains("ns: shop"))
        try await tmux.type("/cat")
        try await tmux.waitFor { $0.contains("1 of 9 match") }
        try await tmux.keys("Enter")
        try await tmux.keys("Enter")
        let detail = try await tmux.waitFor { $0.contains("Attributes") }
        #expect(detail.contains("service: catalog (商品目录)"))
        #expect(detail.contains("catalog.shop.svc.cluster.local:80"))
        try await tmux.keys("Escape")
        let back = try await tmux.waitFor { $0.contains("NAME") && !$0.contains("Attributes") }
        #expect(back.contains(">catalog"))
        // Esc and q in one write would arrive as Alt-q; a person types them apart.
        try await tmux.keys("Escape")
        try await Task.sleep(nanoseconds: 200_000_000)
        try await tmux.keys("q")
        try await tmux.waitFor { !$0.contains("NAME") }
        #expect(try await !tmux.inAlternateScreen())
    }

    @Test func resizeToTooSmallAndBack() async throws {
        let tmux = try await TmuxSession.start()
        try await start(tmux)
        try await tmux.resize(columns: 50, rows: 14)
        try await tmux.waitFor { $0.contains("Terminal too small: 50x14") }
        try await tmux.resize(columns: 120, rows: 40)
        let wide = try await tmux.waitFor { $0.contains("SELECTOR") }
        #expect(wide.contains("AGE"))
        try await tmux.keys("q")
        try await tmux.waitFor { !$0.contains("SELECTOR") }
    }

    @Test func suspendWithCtrlZAndResumeWithFg() async throws {
        let tmux = try await TmuxSession.start()
        try await start(tmux)
        try await tmux.keys("C-z")
        try await tmux.waitFor { !$0.contains("CLUSTER-IP") }
        #expect(try await !tmux.inAlternateScreen())
        try await tmux.type("fg")
        try await tmux.keys("Enter")
        let resumed = try await tmux.waitFor { $0.contains("CLUSTER-IP") && $0.contains("frontend") }
        #expect(resumed.contains("ns: shop"))
        try await tmux.keys("q")
    }

    @Test func ctrlCRestoresTheTerminal() async throws {
        let tmux = try await TmuxSession.start()
        try await start(tmux)
        try await tmux.keys("C-c")
        try await tmux.waitFor { !$0.contains("CLUSTER-IP") }
        #expect(try await !tmux.inAlternateScreen())
        try await tmux.type("echo still-echoing")
        let screen = try await tmux.waitFor { $0.contains("echo still-echoing") }
        try await tmux.keys("Enter")
        try await tmux.waitFor { $0.components(separatedBy: "still-echoing").count >= 3 }
        #expect(screen.contains("$"))
    }

    /// SIGTERM, and the signals of a crash (a bad access, an abort from a failed check).
    @Test(arguments: [SIGTERM, SIGSEGV, SIGABRT])
    func aSignalRestoresTheTerminal(_ signal: Int32) async throws {
        let tmux = try await TmuxSession.start()
        try await start(tmux)
        let pids = try await tmux.childPIDs()
        #expect(!pids.isEmpty)
        for pid in pids { kill(pid, signal) }
        try await tmux.waitFor { !$0.contains("CLUSTER-IP") }
        #expect(try await !tmux.inAlternateScreen())
        try await tmux.type("echo after-signal-\(signal)")
        try await tmux.keys("Enter")
        try await tmux.waitFor { $0.components(separatedBy: "after-signal-\(signal)").count >= 3 }
    }

    @Test func escapeSequencesInAnnotationsAreShownEscaped() async throws {
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
        let tmux = try await TmuxSession.start(columns: 100, rows: 40)
        try await tmux.type("\(SvcWizBinary.path) --workspace '\(workspace.path)'")
        try await tmux.keys("Enter")
        try await tmux.waitFor { $0.contains("evil") && $0.contains("NAME") }
        try await tmux.keys("Enter")
        let screen = try await tmux.waitFor { $0.contains("Annotations") && $0.contains("note") }
        #expect(screen.contains("\\e[2J\\e[31mred\\e]0;pwned\\x07"))
        #expect(screen.contains("Attributes"), "the screen was not cleared by the annotation")
        try await tmux.keys("q")
        try await Task.sleep(nanoseconds: 200_000_000)
        try await tmux.keys("q")
    }
}
