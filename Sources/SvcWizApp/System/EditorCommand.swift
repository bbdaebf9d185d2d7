#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// Hands `text` to an editor through a private temporary file (mode 0600, removed
    /// after): the edited text when the editor exited 0, and its exit status (127 when it
    /// could not be started); nil when the temporary file could not be made.
    static func edit(_ text: String, fileExtension: String,
                     runEditor: (String) -> Int32?) -> (text: String?, status: Int32)? {
        let path = ChildProcess.temporaryDirectory + "svcwiz-edit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).\(fileExtension)"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: 0o600]) else { return nil }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = runEditor(path) ?? 127
        return (status == 0 ? (try? String(contentsOfFile: path, encoding: .utf8)) : nil, status)
    }
}
