import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server with one pane running `sh`, for driving the real binary the way
/// a person would: keys in with send-keys, the screen out with capture-pane.
final class TmuxSession {
    let socket: String
    let target = "svcwiz-e2e"

    private init(socket: String) {
        self.socket = socket
    }

    static func start(columns: Int = 80, rows: Int = 24, environment: [String: String] = [:],
                      directory: String? = nil) async throws -> TmuxSession {
        let session = TmuxSession(socket: "svcwiz-\(getpid())-\(UUID().uuidString.prefix(8))")
        try await session.launch(columns: columns, rows: rows, environment: environment, directory: directory)
        return session
    }

    private func launch(columns: Int, rows: Int, environment: [String: String], directory: String?) async throws {
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "enable=no", "PS1": "$ ", "ENV": ""]
        for (key, value) in environment { env[key] = value }
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // A plain sh with a known prompt, so "the shell prompt is back" can be checked.
        let shell = "env -i HOME=\(NSTemporaryDirectory()) PATH=/usr/bin:/bin \(exports) sh"
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(columns)", "-y", "\(rows)"]
        if let directory { args += ["-c", directory] }
        args.append(shell)
        let result = try await Spawn.run("tmux", args)
        guard result.status == 0 else { throw TmuxError.failed(result.stderr) }
        _ = try await waitFor { $0.contains("$") }
    }

    deinit {
        _ = try? Spawn.blocking("tmux", ["-L", socket, "kill-server"])
    }

    /// The processes the pane's shell runs (svcwiz, when it is up).
    func childPIDs() async throws -> [Int32] {
        guard let shell = try await panePID() else { return [] }
        return try await Spawn.run("pgrep", ["-P", String(shell)]).stdout.split(separator: "\n").compactMap { Int32($0) }
    }

    /// Types text literally (no key names).
    func type(_ text: String) async throws {
        _ = try await Spawn.run("tmux", ["-L", socket, "send-keys", "-t", target, "-l", text])
    }

    /// Pastes text as a terminal paste does: bracketed (ESC [200~ ... ESC [201~) when the
    /// program asked for bracketed paste, as svcwiz does.
    func paste(_ text: String) async throws {
        let buffer = "svcwiz-paste"
        _ = try await Spawn.run("tmux", ["-L", socket, "set-buffer", "-b", buffer, "--", text])
        _ = try await Spawn.run("tmux", ["-L", socket, "paste-buffer", "-p", "-d", "-b", buffer, "-t", target])
    }

    /// Sends tmux key names: `Enter`, `Escape`, `C-c`, `Down`, ...
    func keys(_ names: String...) async throws {
        _ = try await Spawn.run("tmux", ["-L", socket, "send-keys", "-t", target] + names)
    }

    /// The visible pane as text.
    func screen() async throws -> String {
        try await Spawn.run("tmux", ["-L", socket, "capture-pane", "-p", "-t", target]).stdout
    }

    func resize(columns: Int, rows: Int) async throws {
        _ = try await Spawn.run("tmux", ["-L", socket, "resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Whether the pane is showing the alternate screen (a full-screen program is up).
    func inAlternateScreen() async throws -> Bool {
        try await Spawn.run("tmux", ["-L", socket, "display-message", "-p", "-t", target, "#{alternate_on}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of the program running in the pane's foreground, when it is not the shell.
    func panePID() async throws -> Int32? {
        Int32(try await Spawn.run("tmux", ["-L", socket, "display-message", "-p", "-t", target, "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen until `condition` holds or `timeout` passes; returns the last screen.
    @discardableResult
    func waitFor(timeout: TimeInterval = 15, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw TmuxError.timeout(last)
    }
}

enum TmuxError: Error, CustomStringConvertible {
    case failed(String)
    case timeout(String)

    var description: String {
        switch self {
        case .failed(let message): return "tmux failed: \(message)"
        case .timeout(let screen): return "timed out; the screen was:\n\(screen)"
        }
    }
}
