import Foundation
import Testing

/// `Y` on the detail, in a real terminal (tmux, its pane's output piped to a file): the
/// bytes the program writes carry a well-formed OSC 52 sequence with the line's command.
@Suite(.serialized)
struct ClipboardSessionTests {
    /// Every OSC 52 payload in `bytes`, decoded, in order: `ESC ] 52 ; c ; <base64> BEL`.
    static func clipboardPayloads(_ bytes: [UInt8]) -> [String] {
        let start = Array("\u{1B}]52;c;".utf8)
        var payloads: [String] = []
        var i = 0
        while i + start.count <= bytes.count {
            guard Array(bytes[i..<(i + start.count)]) == start else {
                i += 1
                continue
            }
            let body = i + start.count
            guard let end = bytes[body...].firstIndex(of: 0x07),
                  let data = Data(base64Encoded: Data(bytes[body..<end])) else { break }
            payloads.append(String(decoding: data, as: UTF8.self))
            i = end + 1
        }
        return payloads
    }

    /// Opens catalog's detail with the pane's output going to a file; returns the file.
    func openCatalog(_ tmux: TmuxSession, extra: String = "", prefix: String = "") async throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-pane-\(UUID().uuidString)")
        _ = try await Spawn.run("tmux", ["-L", tmux.socket, "pipe-pane", "-o", "-t", tmux.target, "cat >> '\(output.path)'"])
        try await tmux.type("\(prefix)\(SvcWizBinary.path) --workspace '\(ProjectPaths.shop.path)' \(extra)")
        try await tmux.keys("Enter")
        try await tmux.waitFor { $0.contains("NAME") && $0.contains("services") }
        try await tmux.type("/cat")
        try await tmux.waitFor { $0.contains("1 of 9 match") }
        // Enter keeps the filter; the next one opens the row. Either may be read late on a
        // busy machine, so Enter is pressed again only while the list still shows (Enter does
        // nothing on the detail).
        try await tmux.keys("Enter")
        for _ in 0..<5 {
            try await tmux.keys("Enter")
            if (try? await tmux.waitFor(timeout: 10, { $0.contains("Attributes") })) != nil { break }
        }
        try await tmux.waitFor(timeout: 30) { $0.contains("Attributes") && $0.contains("curl http://catalog.shop.svc.cluster.local:80/") }
        return output
    }

    /// Moves the cursor to catalog's first access line (after its seven attributes), presses
    /// `Y` and returns what the status line says was copied.
    func copyFirstCommand(_ tmux: TmuxSession, saying prefix: String) async throws -> String? {
        for _ in 0..<7 { try await tmux.keys("Down") }
        try await tmux.type("Y")
        let screen = try await tmux.waitFor(timeout: 30) { $0.contains(prefix) }
        let status = screen.split(separator: "\n").first { $0.contains(prefix) }.map(String.init) ?? ""
        // The messages panel (clipboard off) draws the same line inside its frame.
        return status.components(separatedBy: prefix).last?.split(separator: "│").first?.trimmingCharacters(in: .whitespaces)
    }

    @Test func yWritesAnOSC52SequenceWithTheSelectedLinesCommand() async throws {
        let tmux = try await TmuxSession.start(columns: 140, rows: 40)
        let output = try await openCatalog(tmux)
        defer { try? FileManager.default.removeItem(at: output) }
        let copied = try #require(try await copyFirstCommand(tmux, saying: "Copied to the clipboard:"))
        #expect(copied == "curl http://catalog.shop.svc.cluster.local:80/")
        let expected = copied
        var payloads: [String] = []
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            payloads = Self.clipboardPayloads(Array((try? Data(contentsOf: output)) ?? Data()))
            if payloads.last == expected { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(payloads.last == expected, "payloads: \(payloads)")
        let bytes = Array((try? Data(contentsOf: output)) ?? Data())
        #expect(!String(decoding: bytes, as: UTF8.self).contains("\u{1B}Ptmux;"), "not inside tmux (TMUX unset): no passthrough")
        try await tmux.keys("Escape")
        try await tmux.keys("q")
    }

    @Test func insideTmuxTheSequenceIsAlsoWrappedForPassthrough() async throws {
        let tmux = try await TmuxSession.start(columns: 140, rows: 40)
        let output = try await openCatalog(tmux, prefix: "TMUX=/tmp/tmux-test,1,0 ")
        defer { try? FileManager.default.removeItem(at: output) }
        _ = try #require(try await copyFirstCommand(tmux, saying: "Copied to the clipboard:"))
        let base64 = Data("curl http://catalog.shop.svc.cluster.local:80/".utf8).base64EncodedString()
        let wrapped = "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;\(base64)\u{07}\u{1B}\\"
        let deadline = Date().addingTimeInterval(30)
        var text = ""
        while Date() < deadline {
            text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
            if text.contains(wrapped) { break }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(text.contains(wrapped))
        #expect(text.contains("\u{1B}]52;c;\(base64)\u{07}"))
    }

    @Test func withNoClipboardNothingIsWrittenAndTheTextIsShown() async throws {
        let tmux = try await TmuxSession.start(columns: 140, rows: 40)
        let output = try await openCatalog(tmux, extra: "--no-clipboard")
        defer { try? FileManager.default.removeItem(at: output) }
        let copied = try await copyFirstCommand(tmux, saying: "Clipboard off; copy by hand:")
        #expect(copied == "curl http://catalog.shop.svc.cluster.local:80/")
        #expect(Self.clipboardPayloads(Array((try? Data(contentsOf: output)) ?? Data())).isEmpty)
    }
}
