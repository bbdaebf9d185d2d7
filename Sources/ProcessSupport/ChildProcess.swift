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
import Dispatch

/// Runs a program to completion with `posix_spawn`: a clean signal mask and default
/// dispositions (a child of async code would otherwise inherit a blocked mask), output
/// captured through files (no pipes to drain), in the caller's process group so an
/// interactive plugin can still read the terminal. Foundation.Process is avoided on purpose
/// (see PLATFORM-NOTES).
package enum ChildProcess {
    package struct Result: Sendable {
        package var exitCode: Int32
        package var standardOutput: [UInt8]
        package var standardError: [UInt8]
    }

    package enum Failure: Error, Sendable {
        case notFound
        case spawn(Int32)
        case temporaryFile
    }

    /// Runs `command` (looked up in `PATH` when it has no slash). With `inheritStandardInput`
    /// false, standard input is `/dev/null`; inherited output goes to the terminal (an editor)
    /// instead of being captured. Blocks the calling thread: use `run(...) async` from tasks.
    package static func runBlocking(_ command: String, arguments: [String], environment: [String: String],
                                   inheritStandardInput: Bool, inheritStandardOutput: Bool = false,
                                   inheritStandardError: Bool) throws(Failure) -> Result {
        guard let out = TemporaryFile() else { throw .temporaryFile }
        guard let err = TemporaryFile() else { throw .temporaryFile }
        defer {
            out.remove()
            err.remove()
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if !inheritStandardInput {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if !inheritStandardOutput {
            posix_spawn_file_actions_adddup2(&actions, out.descriptor, 1)
        }
        if !inheritStandardError {
            posix_spawn_file_actions_adddup2(&actions, err.descriptor, 2)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([command] + arguments).map { strdup($0) }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") }
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { argvBuffer in
            (envp + [nil]).withUnsafeBufferPointer { envBuffer in
                posix_spawnp(&pid, command, &actions, &attributes,
                             UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                             UnsafeMutablePointer(mutating: envBuffer.baseAddress!))
            }
        }
        if status == ENOENT { throw .notFound }
        guard status == 0 else { throw .spawn(status) }

        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
        let exited = waitStatus & 0x7F == 0
        let code = exited ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F)
        return Result(exitCode: code, standardOutput: out.contents(), standardError: err.contents())
    }

    /// `runBlocking` on a dispatch thread, so no task thread waits for the child.
    package static func run(_ command: String, arguments: [String], environment: [String: String],
                           inheritStandardInput: Bool, inheritStandardError: Bool) async throws(Failure) -> Result {
        let outcome: Swift.Result<Result, Failure> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(Failure) {
                    continuation.resume(returning: .success(try runBlocking(
                        command, arguments: arguments, environment: environment,
                        inheritStandardInput: inheritStandardInput, inheritStandardError: inheritStandardError)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try outcome.get()
    }

    /// The folder for temporary files, ending in `/`: `$TMPDIR`, else `/tmp/`.
    package static var temporaryDirectory: String {
        guard let value = getenv("TMPDIR").map({ String(cString: $0) }), !value.isEmpty else { return "/tmp/" }
        return value.hasSuffix("/") ? value : value + "/"
    }

    /// An unlinked-on-removal temporary file, open for writing by the child.
    private final class TemporaryFile {
        let path: String
        let descriptor: Int32

        init?() {
            var template = Array((temporaryDirectory + "svcwiz-exec-XXXXXX").utf8CString)
            let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard fd >= 0 else { return nil }
            descriptor = fd
            path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        func contents() -> [UInt8] {
            FileManager.default.contents(atPath: path).map(Array.init) ?? []
        }

        func remove() {
            close(descriptor)
            unlink(path)
        }
    }
}
