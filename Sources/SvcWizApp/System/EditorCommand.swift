import Foundation
import ProcessSupport

/// The user's editor for Ctrl-X, run in the foreground of the terminal.
enum EditorCommand {
    /// `$VISUAL`, else `$EDITOR`, else `vi`, run through the shell as kubectl edit does, so
    /// `EDITOR="code --wait"` works.
    static func arguments(for path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        return ["-c", editor + " \"$1\"", "svcwiz-editor", path]
    }

    /// Runs the editor on `path` with the terminal as its input and output; its exit status,
    /// or nil when it could not be started.
    static func run(on path: String) -> Int32? {
        try? ChildProcess.runBlocking("/bin/sh", arguments: arguments(for: path),
                                      environment: ProcessInfo.processInfo.environment,
                                      inheritStandardInput: true, inheritStandardOutput: true,
                                      inheritStandardError: true).exitCode
    }
}
