import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and collects its exit status and output. Uses posix_spawn with a clean
/// signal mask and files for output: Foundation.Process hangs on tmux, and children of
/// async code inherit a blocked mask (PLATFORM-NOTES.md).
struct Spawned {
    var status: Int32
    var stdout: String
    var stderr: String
}

enum Spawn {
    /// Runs the program on a thread of its own and awaits it, so that waiting for a child
    /// never holds one of the few threads the async tests running beside it need.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    stdin: String? = nil) async throws -> Spawned {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blocking(executable, arguments, environment: environment, stdin: stdin) })
            }
        }
    }

    /// The same, blocking the caller (for deinit, where nothing can be awaited).
    static func blocking(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                         stdin: String? = nil) throws -> Spawned {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-spawn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("out").path
        let errPath = scratch.appendingPathComponent("err").path
        let inPath = scratch.appendingPathComponent("in").path
        FileManager.default.createFile(atPath: inPath, contents: Data((stdin ?? "").utf8))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

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

        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw SpawnError.failed(executable, rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return Spawned(status: exit, stdout: out, stderr: err)
    }
}

enum SpawnError: Error {
    case failed(String, Int32)
}

/// Where the built `svcwiz` lies: beside the test bundle in the build folder.
enum SvcWizBinary {
    static var path: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("svcwiz").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("svcwiz").path
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Spawned {
        try await Spawn.run(path, arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": ""].merging(environment) { $1 })
    }
}

/// The project's folders, found from this file.
enum ProjectPaths {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()
    static let shop = root.appendingPathComponent("docs/examples/shop")
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/realworld")

    /// A fresh copy of the example workspace in a temporary folder.
    static func copyOfShop() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-shop-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: shop, to: target)
        return target
    }
}
