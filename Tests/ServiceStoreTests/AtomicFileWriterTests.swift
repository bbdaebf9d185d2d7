import Foundation
import Testing
@testable import ServiceStore
#if canImport(Glibc)
import Glibc
#endif

struct AtomicFileWriterTests {
    @Test func replacesContentAndKeepsPermissions() throws {
        let workspace = try TemporaryWorkspace()
        let path = try workspace.write("a.yaml", "old\n")
        chmod(path, 0o640)
        try AtomicFileWriter().replace(path, with: Array("new\n".utf8))
        #expect(workspace.text("a.yaml") == "new\n")
        #expect(FileSystem.status(path)?.permissions == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root) == ["a.yaml"])
    }

    @Test func aWriteThatCannotStartNamesThePathAndLeavesNoTempFile() throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("file", "not a folder\n")
        let target = workspace.path("file/inside.yaml")
        #expect {
            try AtomicFileWriter().replace(target, with: [1, 2, 3])
        } throws: { error in
            guard case StoreError.io(let path, _) = error else { return false }
            return path == target
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root) == ["file"])
    }

    /// The child half of `aWriterKilledMidWriteLeavesOldOrNewNeverHalf`: does nothing unless
    /// the parent test started this process to write `SVCWIZ_ATOMIC_CHILD_TARGET`.
    @Test func atomicWriterChildProcess() throws {
        guard let target = ProcessInfo.processInfo.environment["SVCWIZ_ATOMIC_CHILD_TARGET"] else { return }
        let size = Int(ProcessInfo.processInfo.environment["SVCWIZ_ATOMIC_CHILD_SIZE"] ?? "") ?? 64 << 20
        try AtomicFileWriter().replace(target, with: [UInt8](repeating: UInt8(ascii: "n"), count: size))
    }

    /// Runs the real writer in a child process (this test binary again, running only
    /// `atomicWriterChildProcess`; forking a multi-threaded Swift process is not safe) and
    /// SIGKILLs it while it writes. The target must hold the old bytes or all the new ones.
    @Test func aWriterKilledMidWriteLeavesOldOrNewNeverHalf() throws {
        let workspace = try TemporaryWorkspace()
        let old = Array("apiVersion: v1\nkind: Service\nmetadata: {name: old}\n".utf8)
        let target = try workspace.write("victim.yaml", bytes: old)
        let size = 64 << 20
        let prefix = AtomicFileWriter.temporaryPrefix(for: target)
        var killedMidWrite = 0
        for _ in 0..<4 {
            try workspace.write("victim.yaml", bytes: old)
            let pid = try spawnSelf(filter: "atomicWriterChildProcess",
                                    environment: ["SVCWIZ_ATOMIC_CHILD_TARGET": target,
                                                  "SVCWIZ_ATOMIC_CHILD_SIZE": String(size)])
            // Wait (bounded) until the temp file has some bytes, then kill.
            let deadline = Date().addingTimeInterval(30)
            var sawTemp = false
            while Date() < deadline, !sawTemp {
                let temps = (try? FileManager.default.contentsOfDirectory(atPath: workspace.root))?.filter { $0.hasPrefix(prefix) } ?? []
                sawTemp = temps.contains { (FileSystem.status(workspace.path($0))?.stamp.size ?? 0) > 0 }
                if !sawTemp {
                    if waitpid(pid, nil, WNOHANG) == pid { break }
                    usleep(200)
                }
            }
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)

            let now = try #require(workspace.bytes("victim.yaml"))
            let isOld = now == old
            let isNew = now.count == size && now.allSatisfy { $0 == UInt8(ascii: "n") }
            #expect(isOld || isNew, "target holds \(now.count) bytes: neither the old file nor the whole new one")
            if sawTemp && isOld { killedMidWrite += 1 }
            for name in try FileManager.default.contentsOfDirectory(atPath: workspace.root) where name.hasPrefix(prefix) {
                try FileManager.default.removeItem(atPath: workspace.path(name))
            }
        }
        #expect(killedMidWrite > 0, "the child was never caught mid-write")

        // Left alone, the same child replaces the file whole.
        let pid = try spawnSelf(filter: "atomicWriterChildProcess",
                                environment: ["SVCWIZ_ATOMIC_CHILD_TARGET": target, "SVCWIZ_ATOMIC_CHILD_SIZE": "4096"])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(workspace.bytes("victim.yaml") == [UInt8](repeating: UInt8(ascii: "n"), count: 4096))
        // And the workspace never reads a leftover temp file.
        #expect(FileSystem.isManifestName(Substring(prefix + "1-x.tmp")) == false)
    }

    /// Starts this test binary again, running only the test named `filter`, with an empty
    /// signal mask and its output discarded.
    private func spawnSelf(filter: String, environment extra: [String: String]) throws -> pid_t {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let arguments = [executable, "--testing-library", "swift-testing", "--filter", filter]
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        for (key, value) in extra { environment[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw StoreError.io(path: executable, message: "posix_spawn: \(result)") }
        return pid
    }
}
