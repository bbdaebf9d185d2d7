import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells the workspace which paths changed on disk. On Linux it uses inotify (a watch on every
/// directory, read through a dispatch source, so an idle workspace costs no CPU); where
/// inotify is missing or fails it polls: every 2 s it asks for a full stat scan.
/// Bursts (an editor's temp file, write and rename) are merged: a report goes out after
/// 200 ms without events, or after 1 s of continuous events.
final class WorkspaceWatcher: @unchecked Sendable {
    enum Mode: Sendable { case inotify, polling }

    /// Changed paths (files or directories), or `everything` when the watcher lost track.
    typealias Handler = @Sendable (_ paths: Set<String>, _ everything: Bool) -> Void

    let root: String
    private(set) var mode: Mode = .polling
    private let handler: Handler
    private let pollInterval: DispatchTimeInterval
    // Everything below is touched only on `queue`.
    private let queue = DispatchQueue(label: "svcwiz.workspace.watcher")
    private var fd: Int32 = -1
    private var source: DispatchSourceRead?
    private var timer: DispatchSourceTimer?
    private var directories: [Int32: String] = [:]
    private var pending: Set<String> = []
    private var pendingEverything = false
    private var pendingSince: DispatchTime?
    private var generation = 0

    init(root: String, pollInterval: DispatchTimeInterval = .seconds(2), handler: @escaping Handler) {
        self.root = root
        self.pollInterval = pollInterval
        self.handler = handler
    }

    /// Installs the watches; returns once they are in place, so a scan done after this call
    /// misses nothing.
    func start(preferInotify: Bool = true) {
        queue.sync {
            #if os(Linux)
            if preferInotify, startInotify() { mode = .inotify; return }
            #endif
            startPolling()
            mode = .polling
        }
    }

    /// Stops watching. Asynchronous, so it may be called from anywhere, the watcher's own
    /// queue included (the last reference to the backend can be dropped there).
    func stop() {
        queue.async { [self] in
            source?.cancel()
            source = nil
            timer?.cancel()
            timer = nil
            directories = [:]
        }
    }

    deinit {
        source?.cancel()
        timer?.cancel()
    }

    // MARK: Polling

    private func startPolling() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + pollInterval, repeating: pollInterval, leeway: .milliseconds(250))
        timer.setEventHandler { [handler] in handler([], true) }
        timer.resume()
        self.timer = timer
    }

    // MARK: inotify

    #if os(Linux)
    private static let modify: UInt32 = 0x2, attrib: UInt32 = 0x4, closeWrite: UInt32 = 0x8
    private static let movedFrom: UInt32 = 0x40, movedTo: UInt32 = 0x80, create: UInt32 = 0x100
    private static let delete: UInt32 = 0x200, deleteSelf: UInt32 = 0x400, moveSelf: UInt32 = 0x800
    private static let overflow: UInt32 = 0x4000, ignored: UInt32 = 0x8000
    private static let onlyDirectory: UInt32 = 0x0100_0000, isDirectory: UInt32 = 0x4000_0000
    private static let mask = modify | attrib | closeWrite | movedFrom | movedTo | create | delete
        | deleteSelf | moveSelf | onlyDirectory

    private func startInotify() -> Bool {
        let fd = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard fd >= 0 else { return false }
        self.fd = fd
        guard addWatches(under: root) else {
            close(fd)
            self.fd = -1
            return false
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.drain() }
        source.setCancelHandler { close(fd) }
        source.resume()
        self.source = source
        return true
    }

    /// Watches `directory` and every non-hidden directory under it. False when the root
    /// itself cannot be watched (or the watch limit is reached).
    @discardableResult
    private func addWatches(under directory: String) -> Bool {
        var stack = [directory]
        while let path = stack.popLast() {
            let wd = inotify_add_watch(fd, path, Self.mask)
            guard wd >= 0 else {
                if errno == ENOSPC || path == root { return false }
                continue
            }
            directories[wd] = path
            stack.append(contentsOf: FileSystem.subdirectories(of: path))
        }
        return true
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.load(fromByteOffset: offset, as: Int32.self),
                     raw.load(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.load(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + header)..<min(offset + header + length, count)]
                let name = String(decoding: nameBytes.prefix(while: { $0 != 0 }), as: UTF8.self)
                handle(wd: wd, mask: mask, name: name)
                offset += header + length
            }
        }
        schedule()
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & Self.overflow != 0 { pendingEverything = true; return }
        guard let directory = directories[wd] else { return }
        if mask & Self.ignored != 0 { directories[wd] = nil; return }
        if mask & (Self.deleteSelf | Self.moveSelf) != 0 {
            if directory == root { pendingEverything = true }
            return
        }
        guard !name.isEmpty, !name.hasPrefix(".") else { return }
        let path = directory + "/" + name
        if mask & Self.isDirectory != 0 {
            if mask & (Self.create | Self.movedTo) != 0 { addWatches(under: path) }
            if mask & Self.movedFrom != 0 { forgetWatches(under: path) }
            pending.insert(path)
        } else if FileSystem.isManifestName(Substring(name)) {
            pending.insert(path)
        }
    }

    /// A directory moved away keeps its watches under the old name: drop them.
    private func forgetWatches(under path: String) {
        let prefix = path + "/"
        for (wd, directory) in directories where directory == path || directory.hasPrefix(prefix) {
            inotify_rm_watch(fd, wd)
            directories[wd] = nil
        }
    }
    #endif

    // MARK: Debounce

    private func schedule() {
        guard !pending.isEmpty || pendingEverything else { return }
        generation += 1
        let current = generation
        let since = pendingSince ?? .now()
        pendingSince = since
        queue.asyncAfter(deadline: .now() + .milliseconds(200)) { [weak self] in
            guard let self else { return }
            let waited = DispatchTime.now().uptimeNanoseconds - since.uptimeNanoseconds
            if current == self.generation || waited >= 1_000_000_000 { self.flush() }
        }
    }

    private func flush() {
        guard !pending.isEmpty || pendingEverything else { return }
        let paths = pending, everything = pendingEverything
        pending = []
        pendingEverything = false
        pendingSince = nil
        handler(paths, everything)
    }
}
