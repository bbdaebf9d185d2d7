import ServiceModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file's `stat` says about its content: when any part differs, the file is read again.
struct FileStamp: Sendable, Hashable {
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var inode: UInt64
}

/// The few POSIX calls the workspace needs, with errors that name the path.
enum FileSystem {
    enum Kind { case file, directory, other }

    struct Status {
        var kind: Kind
        var stamp: FileStamp
        var permissions: mode_t
    }

    /// `stat` (following links); nil when the path does not exist or cannot be reached.
    static func status(_ path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return status(info)
    }

    /// `stat` of `name` inside an open directory: the kernel does not walk the whole path
    /// again for every file.
    static func status(_ name: String, in directory: Int32) -> Status? {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0 else { return nil }
        return status(info)
    }

    private static func status(_ info: stat) -> Status {
        let type = info.st_mode & S_IFMT
        let kind: Kind = type == S_IFREG ? .file : type == S_IFDIR ? .directory : .other
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        let stamp = FileStamp(size: Int64(info.st_size), modifiedSeconds: Int(time.tv_sec),
                              modifiedNanoseconds: Int(time.tv_nsec), inode: UInt64(info.st_ino))
        return Status(kind: kind, stamp: stamp, permissions: info.st_mode & 0o7777)
    }

    /// The system's words for `errno`.
    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The whole file; with `limit`, a file larger than that is refused (`.parse` with the
    /// limit named) without reading more than `limit` bytes of it. `size` is what a `stat`
    /// of the listing just said: no `fstat` then, and a read that returns less than asked
    /// is taken as the end (two of five system calls per file when a workspace is read).
    static func read(_ path: String, limit: Int? = nil, size: Int? = nil) throws(StoreError) -> [UInt8] {
        try read(path, limit: limit, size: size, stamp: nil)
    }

    /// The whole file and its stamp, from the open file (a listing without stamps).
    static func readStamped(_ path: String, limit: Int? = nil) throws(StoreError) -> (bytes: [UInt8], stamp: FileStamp) {
        var stamp = FileStamp.unknown
        let bytes = try read(path, limit: limit, size: nil, stamp: &stamp)
        return (bytes, stamp)
    }

    private static func read(_ path: String, limit: Int?, size: Int?, stamp: UnsafeMutablePointer<FileStamp>?) throws(StoreError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path: path, message: describe(errno)) }
        defer { close(fd) }
        var info = stat()
        let expected: Int
        if let size {
            expected = size
        } else if fstat(fd, &info) == 0 {
            expected = Int(info.st_size)
            stamp?.pointee = status(info).stamp
        } else {
            expected = 0
        }
        func tooLarge(_ size: Int) -> StoreError {
            .parse(ManifestParseError(file: path, line: 1, column: 1, limit: .tooLarge(bytes: size, limit: limit ?? size)))
        }
        if let limit, expected > limit { throw tooLarge(expected) }
        var bytes = [UInt8](repeating: 0, count: max(expected, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw StoreError.io(path: path, message: describe(errno))
            }
            if got == 0 { break }
            count += got
            // The file grew after fstat: stop at the limit rather than follow it.
            if let limit, count > limit { throw tooLarge(count) }
            if size != nil, count < bytes.count { break }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// True for the names the workspace reads: `*.yaml`, `*.yml`, `*.json`, not hidden.
    static func isManifestName(_ name: Substring) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        let lower = name.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json")
    }

    static func isManifestPath(_ path: String) -> Bool {
        isManifestName(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
    }

    struct Listing {
        var files: [(path: String, stamp: FileStamp)] = []
        var directories: [String] = []
        /// Hidden temp files of the atomic writer met on the way (see `StaleTemporaries`).
        var temporaries: [String] = []
    }

    /// Every manifest file under `root`, recursively. Hidden entries (`.git`, `.build`, editor
    /// and writer temp files) are skipped, and so are linked directories (no loops). Without
    /// `stamps`, regular files get `FileStamp.unknown` instead of a `stat` each: a first read
    /// of every file takes the stamp from the open file (`readStamped`).
    static func walk(_ root: String, stamps: Bool = true) -> Listing {
        var listing = Listing()
        var stack = [root]
        while let directory = stack.popLast() {
            guard let handle = opendir(directory) else { continue }
            listing.directories.append(directory)
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
                }
                let type = Int32(entry.pointee.d_type)
                guard !name.hasPrefix(".") else {
                    if type != Int32(DT_DIR), AtomicFileWriter.isTemporaryName(Substring(name)) {
                        listing.temporaries.append(directory + "/" + name)
                    }
                    continue
                }
                let path = directory + "/" + name
                if type == Int32(DT_DIR) {
                    stack.append(path)
                } else if !stamps, type == Int32(DT_REG), isManifestName(Substring(name)) {
                    listing.files.append((path, FileStamp.unknown))
                } else if isManifestName(Substring(name)), type == Int32(DT_REG) || type == Int32(DT_LNK) || type == Int32(DT_UNKNOWN) {
                    if let status = status(name, in: dirfd(handle)), status.kind == .file { listing.files.append((path, status.stamp)) }
                } else if type == Int32(DT_UNKNOWN), let status = status(name, in: dirfd(handle)), status.kind == .directory {
                    stack.append(path)
                }
            }
            closedir(handle)
        }
        return listing
    }
}

extension FileSystem {
    /// Gives the memory of freed allocations back to the system (glibc's `malloc_trim`).
    /// The first scan lists every file on another thread, whose malloc arena glibc keeps
    /// whole after the listing is freed: memory the process holds for nothing.
    static func releaseFreedMemory() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}

/// `read(2)`, named apart from `FileSystem.read(_:)`.
func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}

extension FileSystem {
    /// The non-hidden directories directly inside `directory` (links not followed).
    static func subdirectories(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var result: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let type = Int32(entry.pointee.d_type)
            let path = directory + "/" + name
            if type == Int32(DT_DIR) || (type == Int32(DT_UNKNOWN) && status(path)?.kind == .directory) {
                result.append(path)
            }
        }
        return result
    }
}
