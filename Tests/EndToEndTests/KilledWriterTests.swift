import Foundation
import Testing

/// `svcwiz apply` killed with SIGKILL at random points of a workspace write: the file is
/// always the old text or the new one, the index (what `svcwiz get` answers from the
/// workspace and its index cache) always agrees with the file, and the temp files the
/// killed writers leave are never read as manifests.
@Suite(.serialized)
struct KilledWriterTests {
    static let iterations = 200

    /// A ConfigMap with 640 kB of data beside the service: the writer rewrites the whole
    /// file, so its write and fsync take long enough for kills to land inside them.
    static func bigFile(port: Int) -> String {
        let line = String(repeating: "x", count: 100)
        let blob = (0..<6_000).map { "    \($0) \(line)" }.joined(separator: "\n")
        return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: bulk
          namespace: shop
        data:
          blob: |
        \(blob)
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: target
          namespace: shop
        spec:
          selector: {app: target}
          ports:
          - port: \(port)

        """
    }

    static func input(port: Int) -> String {
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: target\n  namespace: shop\nspec:\n  selector: {app: target}\n  ports:\n  - port: \(port)\n"
    }

    @Test func aKilledApplyLeavesTheOldTextOrTheNewAndAnIndexThatAgrees() async throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-killed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let workspace = base.appendingPathComponent("ws").path
        let shop = workspace + "/shop"
        let target = shop + "/big.yaml"
        try FileManager.default.createDirectory(atPath: shop, withIntermediateDirectories: true)
        try Self.bigFile(port: 80).write(toFile: target, atomically: true, encoding: .utf8)
        let environment = ["XDG_CACHE_HOME": base.appendingPathComponent("cache").path, "HOME": base.path]
        let inputs = [81, 82].map { base.appendingPathComponent("in-\($0).yaml").path }
        for (port, path) in zip([81, 82], inputs) { try Self.input(port: port).write(toFile: path, atomically: true, encoding: .utf8) }

        // The two texts the file may hold, as uninterrupted applies write them, and how
        // long one apply takes (the range of the random kill delays).
        var texts: [Int: [UInt8]] = [:]
        var runTimes: [Duration] = []
        for (port, path) in zip([81, 82, 81], inputs + [inputs[0]]) {
            let started = ContinuousClock.now
            let result = try await SvcWizBinary.run(["apply", "-f", path, "--workspace", workspace], environment: environment)
            runTimes.append(ContinuousClock.now - started)
            #expect(result.status == 0, "\(result.stderr)")
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: target)))
            if let known = texts[port] { #expect(known == bytes, "the same apply must write the same text") }
            texts[port] = bytes
        }
        let window = runTimes.max() ?? .seconds(1)

        var current = 81
        var tally = Tally()
        for iteration in 0..<Self.iterations {
            let next = current == 81 ? 82 : 81
            let apply = try KillableChild(SvcWizBinary.path, ["apply", "-f", inputs[next == 81 ? 0 : 1], "--workspace", workspace],
                                          environment: environment, writingIn: shop)
            // Half the kills at a random moment of the whole run, half once the temp file
            // exists (the write itself), after a random number of further polls.
            let atWrite = iteration % 2 == 1
            let landed: KillableChild.Landing
            if atWrite {
                landed = apply.kill(whenWritingThenPolls: Int.random(in: 0..<100))
            } else {
                landed = apply.kill(after: window * Double.random(in: 0..<1))
            }
            tally.count(landed)

            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: target)))
            let holds = texts.first { $0.value == bytes }?.key
            try #require(holds != nil, "iteration \(iteration): the file is neither the old text nor the new (\(bytes.count) bytes)")
            #expect(holds == current || holds == next)
            current = holds!

            // What the killed writers left, made older than a minute: the next start removes it.
            let leftovers = Self.temporaries(in: [shop, environment["XDG_CACHE_HOME"]! + "/svcwiz/index"])
            for path in leftovers { Self.backdate(path) }

            let shown = try await SvcWizBinary.run(["get", "target", "-n", "shop", "-o", "json", "--workspace", workspace],
                                                   environment: environment)
            try #require(shown.status == 0, "iteration \(iteration): \(shown.stderr)")
            #expect(shown.stdout.contains("\"port\": \(current)"), "iteration \(iteration): the index shows another version than the file")
            #expect(!shown.stderr.contains("warning"), "iteration \(iteration): \(shown.stderr)")
            #expect(leftovers.allSatisfy { !FileManager.default.fileExists(atPath: $0) }, "iteration \(iteration): \(leftovers)")
            tally.leftovers += leftovers.count
        }
        // The kills must have hit the write: otherwise this test proves nothing.
        #expect(tally.duringWrite >= Self.iterations / 10, "\(tally)")
        #expect(tally.total == Self.iterations)
        print("killed writers: \(tally)")
    }
}

extension KilledWriterTests {
    /// The atomic writer's temp files in `folders`.
    static func temporaries(in folders: [String]) -> [String] {
        folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasPrefix(".") && $0.contains(".svcwiz-") && $0.hasSuffix(".tmp") }
                .map { folder + "/" + $0 }
        }
    }

    static func backdate(_ path: String) {
        let then = time(nil) - 120
        var times = [timeval(tv_sec: then, tv_usec: 0), timeval(tv_sec: then, tv_usec: 0)]
        _ = utimes(path, &times)
    }
}

/// Where the kills landed.
struct Tally: CustomStringConvertible {
    var outsideWrite = 0, duringWrite = 0, afterExit = 0
    /// Temp files the killed writers left (all removed by the next start).
    var leftovers = 0
    var total: Int { outsideWrite + duringWrite + afterExit }

    mutating func count(_ landing: KillableChild.Landing) {
        switch landing {
        case .outsideWrite: outsideWrite += 1
        case .duringWrite: duringWrite += 1
        case .afterExit: afterExit += 1
        }
    }

    var description: String {
        "\(duringWrite) while its temp file existed, \(outsideWrite) before or after it, \(afterExit) after the exit; \(leftovers) temp files left and removed"
    }
}

/// A child started with posix_spawn (clean signal mask, output discarded) that the test
/// kills with SIGKILL, watching the folder its write goes to.
final class KillableChild {
    enum Landing { case outsideWrite, duringWrite, afterExit }

    let pid: pid_t
    let folder: String
    private var reaped = false

    init(_ executable: String, _ arguments: [String], environment: [String: String], writingIn folder: String) throws {
        self.folder = folder
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        pid = child
    }

    deinit {
        if !reaped { killAndReap() }
    }

    /// True once the child has exited (reaped here).
    private func exited() -> Bool {
        var status: Int32 = 0
        if !reaped, waitpid(pid, &status, WNOHANG) == pid { reaped = true }
        return reaped
    }

    private func killAndReap() {
        _ = Foundation.kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        reaped = true
    }

    /// Whether this child's temp file (`.NAME.svcwiz-PID-...tmp`) is in the folder now.
    private func writing() -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { $0.hasPrefix(".") && $0.contains(".svcwiz-\(pid)-") && $0.hasSuffix(".tmp") }
    }

    private func kill() -> Landing {
        let during = writing()
        if exited() { return .afterExit }
        killAndReap()
        return during ? .duringWrite : .outsideWrite
    }

    /// Kills once `delay` has passed, or finds the child already gone.
    func kill(after delay: Duration) -> Landing {
        let deadline = ContinuousClock.now + delay
        while ContinuousClock.now < deadline {
            if exited() { return .afterExit }
            sched_yield()
        }
        return kill()
    }

    /// Polls the folder until this child's temp file is there, polls `polls` more times
    /// (a random point of the write), and kills.
    func kill(whenWritingThenPolls polls: Int) -> Landing {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline, !writing() {
            if exited() { return .afterExit }
        }
        for _ in 0..<polls { _ = writing() }
        return kill()
    }
}
