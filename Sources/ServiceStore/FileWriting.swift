#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The seam through which the workspace changes files, so tests can make a write fail
/// (tests run as root, where permission bits stop nothing).
protocol FileWriting: Sendable {
    /// Replaces (or creates) the file at `path` so that a reader, or a crash, sees either the
    /// old bytes or the new ones, never a mix.
    func replace(_ path: String, with bytes: [UInt8]) throws(StoreError)
    func remove(_ path: String) throws(StoreError)
    /// Creates a directory and its missing parents.
    func makeDirectory(_ path: String) throws(StoreError)
}

/// Writes a temp file next to the target, fsyncs it, gives it the target's permissions and
/// renames it over the target, then fsyncs the directory.
struct AtomicFileWriter: FileWriting {
    /// The mode of every file written, whatever it had: drafts are the user's alone (0600).
    /// Nil keeps an existing file's mode and gives a new one the default.
    var mode: mode_t? = nil

    /// The temp file name for a target: hidden, so the workspace never reads it, and unique
    /// per process and call.
    static func temporaryPath(for path: String) -> String {
        let (directory, name) = split(path)
        let nonce = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        return "\(directory)/.\(name).svcwiz-\(getpid())-\(nonce).tmp"
    }

    /// True for the name of a temp file this writer makes (`.NAME.svcwiz-PID-NONCE.tmp`).
    static func isTemporaryName(_ name: Substring) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.contains(".svcwiz-")
    }

    /// The prefix every temp file for `path` starts with (for tests and cleanup).
    static func temporaryPrefix(for path: String) -> String {
        let (_, name) = split(path)
        return ".\(name).svcwiz-"
    }

    func replace(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let existing = FileSystem.status(path)
        let temp = Self.temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? existing?.permissions ?? 0o666)
        guard fd >= 0 else { throw Self.failure(path, "cannot create a temporary file in its folder", errno) }
        var closed = false
        do throws(StoreError) {
            try Self.writeAll(fd, bytes, path: path)
            if let wanted = mode ?? existing?.permissions {
                // open() applied the umask; the file gets exactly the mode it should have.
                _ = fchmod(fd, wanted)
            }
            guard fsync(fd) == 0 else { throw Self.failure(path, "fsync", errno) }
            closed = true
            guard close(fd) == 0 else { throw Self.failure(path, "close", errno) }
            guard rename(temp, path) == 0 else { throw Self.failure(path, "rename", errno) }
        } catch {
            if !closed { close(fd) }
            unlink(temp)
            throw error
        }
        Self.syncDirectory(of: path)
    }

    func remove(_ path: String) throws(StoreError) {
        guard unlink(path) == 0 else { throw Self.failure(path, "remove", errno) }
        Self.syncDirectory(of: path)
    }

    func makeDirectory(_ path: String) throws(StoreError) {
        if FileSystem.status(path)?.kind == .directory { return }
        let (parent, _) = Self.split(path)
        if !parent.isEmpty, parent != path { try makeDirectory(parent) }
        guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw Self.failure(path, "mkdir", errno) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write", errno)
            }
            offset += written
        }
    }

    /// Makes the rename itself durable; a failure here loses nothing already renamed.
    private static func syncDirectory(of path: String) {
        let fd = open(split(path).directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func failure(_ path: String, _ step: String, _ code: Int32) -> StoreError {
        .io(path: path, message: "\(step): \(FileSystem.describe(code))")
    }
}
