import Foundation

@_silgen_name("openpty")
private func c_openpty(_ master: UnsafeMutablePointer<Int32>, _ slave: UnsafeMutablePointer<Int32>,
                       _ name: UnsafeMutablePointer<CChar>?, _ termios: UnsafeRawPointer?,
                       _ winsize: UnsafeRawPointer?) -> Int32

/// glibc's POSIX_SPAWN_SETSID (not exported to Swift).
private let posixSpawnSetsid: Int32 = 0x80

/// The real `svcwiz` binary on a pseudo-terminal of a given size: what it writes is read
/// and counted, keys are typed into it, and its resource usage is taken when it exits.
final class PtyProcess {
    let master: Int32
    let pid: pid_t
    /// Taken just before `posix_spawn`.
    let started: ContinuousClock.Instant
    private(set) var output: [UInt8] = []
    private(set) var exited = false
    let clock = ContinuousClock()

    init(executable: String, arguments: [String], environment: [String: String], columns: Int = 80, rows: Int = 24) throws {
        var masterFD: Int32 = -1
        var slaveFD: Int32 = -1
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var name = [CChar](repeating: 0, count: 256)
        guard c_openpty(&masterFD, &slaveFD, &name, nil, &size) == 0 else { throw BenchError("openpty failed") }
        master = masterFD
        let slavePath = String(cString: name)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, opening the pty's slave makes it the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, masterFD)
        posix_spawn_file_actions_addclose(&actions, slaveFD)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(posixSpawnSetsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0.key + "=" + $0.value) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        started = ContinuousClock().now
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        close(slaveFD)
        guard status == 0 else {
            close(masterFD)
            throw BenchError("posix_spawn \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    /// Reads what is there within `timeout`; returns the number of bytes read.
    @discardableResult
    func pump(timeout: Duration) -> Int {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ms = Int32(max(0, timeout.milliseconds.rounded(.up)))
        guard poll(&descriptor, 1, ms) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(master, &buffer, buffer.count)
        if count <= 0 {
            exited = true
            return 0
        }
        output += buffer[..<count]
        return count
    }

    /// Reads until `found` holds for the output, or `timeout` passes. Returns when it held.
    func wait(timeout: Duration, until found: ([UInt8]) -> Bool) -> ContinuousClock.Instant? {
        let deadline = clock.now + timeout
        while clock.now < deadline, !exited {
            if pump(timeout: .milliseconds(50)) > 0, found(output) { return clock.now }
        }
        return nil
    }

    /// Reads until nothing came for `quiet`; returns the bytes read meanwhile.
    func drain(quiet: Duration, limit: Duration = .seconds(30)) -> Int {
        let before = output.count
        let deadline = clock.now + limit
        var last = clock.now
        while clock.now < deadline, !exited {
            if pump(timeout: .milliseconds(20)) > 0 {
                last = clock.now
            } else if clock.now - last >= quiet {
                break
            }
        }
        return output.count - before
    }

    /// Reads for exactly `duration`; returns the bytes read.
    func listen(for duration: Duration) -> Int {
        let before = output.count
        let deadline = clock.now + duration
        while clock.now < deadline, !exited { pump(timeout: deadline - clock.now) }
        return output.count - before
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// The child's peak RSS in KB, read from `/proc/<pid>/status` (VmHWM) while it runs.
    /// Not `wait4`'s `ru_maxrss`: posix_spawn's child shares the parent's memory until it
    /// execs, and Linux carries that high-water mark over exec, so a child spawned by a bench
    /// that holds 100,000 rows itself reported the bench's peak, not its own.
    func peakResidentKB() -> Int? { statusKB("VmHWM:") }

    /// The child's RSS now, in KB (`VmRSS`).
    func residentKB() -> Int? { statusKB("VmRSS:") }

    private func statusKB(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }

    /// Types `q` and waits for the exit; the child's peak RSS in kB, taken just before.
    @discardableResult
    func quit() -> Int {
        let peak = peakResidentKB()
        send("q")
        let deadline = clock.now + .seconds(10)
        var usage = rusage()
        var status: Int32 = 0
        while clock.now < deadline {
            _ = pump(timeout: .milliseconds(20))
            if wait4(pid, &status, WNOHANG, &usage) == pid {
                close(master)
                return peak ?? Int(usage.ru_maxrss)
            }
        }
        kill(pid, SIGKILL)
        _ = wait4(pid, &status, 0, &usage)
        close(master)
        return peak ?? Int(usage.ru_maxrss)
    }
}

/// The environment the real binary gets: a colour terminal, a UTF-8 locale, a home of its own.
func childEnvironment(home: String, extra: [String: String] = [:]) -> [String: String] {
    var environment = [
        "TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home, "SWIFT_BACKTRACE": "enable=no",
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    for (key, value) in extra { environment[key] = value }
    return environment
}
