import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server with one pane running `sh`, for driving the real binary the way
/// a person would: keys in with send-keys, the screen out with capture-pane.
final class TmuxSession {
    let socket: String
    let target = "svcwiz-e2e"

    init(columns: Int = 80, rows: Int = 24, environment: [String: String] = [:], directory: String? = nil) throws {
        socket = "svcwiz-\(getpid())-\(UUID().uuidString.prefix(8))"
        var env = ["LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "enable=no", "PS1": "$ ", "ENV": ""]
        for (key, value) in environment { env[key] = value }
        let exports = env.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        // A plain sh with a known prompt, so "the shell prompt is back" can be checked.
        let shell = "env -i HOME=\(NSTemporaryDirectory()) PATH=/usr/bin:/bin \(exports) sh"
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(columns)", "-y", "\(rows)"]
        if let directory { args += ["-c", directory] }
        args.append(shell)
        let result = try Spawn.run("tmux", args)
        guard result.status == 0 else { throw TmuxError.failed(result.stderr) }
        _ = try waitFor { $0.contains("$") }
    }

    deinit {
        _ = try? Spawn.run("tmux", ["-L", socket, "kill-server"])
    }

    /// Types text literally (no key names).
    func type(_ text: String) throws {
        _ = try Spawn.run("tmux", ["-L", socket, "send-keys", "-t", target, "-l", text])
    }

    /// Sends tmux key names: `Enter`, `Escape`, `C-c`, `Down`, ...
    func keys(_ names: String...) throws {
        _ = try Spawn.run("tmux", ["-L", socket, "send-keys", "-t", target] + names)
    }

    /// The visible pane as text.
    func screen() throws -> String {
        try Spawn.run("tmux", ["-L", socket, "capture-pane", "-p", "-t", target]).stdout
    }

    func resize(columns: Int, rows: Int) throws {
        _ = try Spawn.run("tmux", ["-L", socket, "resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Whether the pane is showing the alternate screen (a full-screen program is up).
    func inAlternateScreen() throws -> Bool {
        try Spawn.run("tmux", ["-L", socket, "display-message", "-p", "-t", target, "#{alternate_on}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// The pid of the program running in the pane's foreground, when it is not the shell.
    func panePID() throws -> Int32? {
        Int32(try Spawn.run("tmux", ["-L", socket, "display-message", "-p", "-t", target, "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls the screen until `condition` holds or `timeout` passes; returns the last screen.
    @discardableResult
    func waitFor(timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(100_000)
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
