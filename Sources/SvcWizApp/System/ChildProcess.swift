import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in the foreground of the user's terminal and waits for it ($EDITOR).
/// posix_spawn keeps it in our process group with a clean signal mask, so it can read the
/// terminal and Ctrl-C reaches it; Foundation.Process cannot do either (PLATFORM-NOTES.md).
enum ChildProcess {
    /// The exit status, or nil when the program could not be started.
    static func run(_ arguments: [String]) -> Int32? {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawnp(&pid, arguments[0], nil, &attributes, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi`, run through the shell as kubectl edit does, so
    /// `EDITOR="code --wait"` works.
    static func editorCommand(for path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        return ["/bin/sh", "-c", editor + " \"$1\"", "svcwiz-editor", path]
    }
}
