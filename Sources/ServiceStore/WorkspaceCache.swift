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
import ServiceModel

/// The workspace index on disk, so that opening a large workspace reads one file and
/// `stat`s the others instead of parsing all of their YAML (docs/performance.md).
///
/// One file per workspace folder under `$XDG_CACHE_HOME/svcwiz/index/` (else
/// `~/.cache/svcwiz/index/`). It holds what `FileRecord` keeps for each file that parsed
/// (rows, workloads, namespaces, versions) with the `stat` stamp it was read at. A file
/// whose stamp differs is read again; as in git's index, a file modified within a second
/// before the cache was written is read again too, since a second write in the same clock
/// tick can leave size and time unchanged. Files that do not parse are never cached, so
/// their problems are always current. Anything unreadable, damaged, of another format
/// version or of another folder is ignored and rewritten.
///
/// Layout: a magic line, then blocks of a 32-bit length and that many bytes: the header
/// (format, root, save time, number of records), then one block per file record, so that
/// the file is read a block at a time.
struct WorkspaceCache: Sendable {
    /// Bump when the encoding, the summary's packing (`ServiceSummary+Packed`),
    /// `ServiceSummary(manifest:)` or `Workload(manifest:)` change.
    static let format = 3
    private static let magic = Array("svcwiz-index\n".utf8)

    let path: String
    let root: String
    let directory: String

    /// The cache file of `root` under `directory` (one per workspace folder).
    init(root: String, directory: String) {
        var hash = ContentHash()
        hash.combine(root)
        self.directory = directory
        self.path = directory + "/" + hash.hex + ".index"
        self.root = root
    }

    /// The cache directory from the environment: `$XDG_CACHE_HOME/svcwiz/index`, else
    /// `$HOME/.cache/svcwiz/index`; nil when neither is set.
    static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/svcwiz/index" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/svcwiz/index" }
        return nil
    }

    // MARK: Reading

    /// A fresh index holding the cached records, or nil when there is no usable cache. Put
    /// one by one as they are decoded, and the file read a chunk at a time, so that neither
    /// an array of every record nor the whole file exists at once and the peak memory stays
    /// low.
    func loadIndex() -> WorkspaceIndex? {
        guard var chunks = CacheChunks(path: path) else { return nil }
        defer { chunks.close() }
        return loadIndex(from: &chunks)
    }

    /// The same from the cache file's bytes (the fuzz target's entry: any bytes at all).
    func loadIndex(from bytes: [UInt8]) -> WorkspaceIndex? {
        var chunks = CacheChunks(bytes: bytes)
        return loadIndex(from: &chunks)
    }

    private func loadIndex(from chunks: inout CacheChunks) -> WorkspaceIndex? {
        var index = WorkspaceIndex(root: root)
        let complete = load(&chunks, count: { index.reserve(files: $0) }) { _ = index.put($0) }
        return complete ? index : nil
    }

    /// Calls `count` with the number of records, then `body` with each; false when the cache
    /// is damaged or foreign (the records already passed on must then be dropped).
    private func load(_ chunks: inout CacheChunks, count: (Int) -> Void, _ body: (FileRecord) -> Void) -> Bool {
        do throws(BinaryReader.Malformed) {
            guard chunks.take(Self.magic.count).map(Array.init) == Self.magic else { return false }
            var header = BinaryReader(try chunks.block())
            guard try header.int() == Self.format, try header.string() == root else { return false }
            let savedSeconds = try header.int()
            let records = try header.int()
            // Each record takes at least its length and a few bytes.
            guard records >= 0, records <= chunks.size / 8, header.isAtEnd else { return false }
            count(records)
            for _ in 0..<records {
                var reader = BinaryReader(try chunks.block())
                var record = try Self.readRecord(&reader)
                guard reader.isAtEnd else { return false }
                // Racily clean: modified too close to the save to trust size and time.
                if record.stamp.modifiedSeconds >= savedSeconds - 1 { record.stamp = .unknown }
                body(record)
            }
            return chunks.isAtEnd
        } catch {
            return false
        }
    }

    // MARK: Writing

    /// Writes the records that parsed, atomically. Failure only costs the next start time.
    /// `records` may make each record as it is read (the index builds each path): they are
    /// read one at a time, twice, rather than all kept at once.
    func save<Records: Collection<FileRecord>>(_ records: Records, at seconds: Int = Int(Date().timeIntervalSince1970)) {
        var writer = BinaryWriter(capacity: records.count * 320)
        writer.raw(Self.magic)
        let kept = records.lazy.filter { $0.problem == nil }
        var header = BinaryWriter()
        header.int(Self.format)
        header.string(root)
        header.int(seconds)
        header.int(kept.count)
        writer.block(header.bytes)
        var record = BinaryWriter()
        for kept in kept {
            record.removeAll()
            Self.write(kept, to: &record)
            writer.block(record.bytes)
        }
        // The user's alone, like drafts: it lists the workspace's services and labels.
        let directory = PathText.parent(of: path)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? AtomicFileWriter(mode: 0o600).replace(path, with: writer.bytes)
    }

    // MARK: Records

    private static func write(_ record: FileRecord, to writer: inout BinaryWriter) {
        writer.string(record.path)
        writer.int(Int(record.stamp.size))
        writer.int(record.stamp.modifiedSeconds)
        writer.int(record.stamp.modifiedNanoseconds)
        writer.uint64(record.stamp.inode)
        writer.uint64(record.hash)
        writer.strings(record.namespaceObjects)
        writer.int(record.services.count)
        for service in record.services {
            writer.int(service.documentIndex)
            writer.optionalInt(service.listIndex)
            writer.uint64(service.versionHash)
            write(service.summary, to: &writer)
        }
        writer.int(record.workloads.count)
        for workload in record.workloads { write(workload, to: &writer) }
    }

    private static func readRecord(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> FileRecord {
        let path = try reader.string()
        let stamp = FileStamp(size: Int64(try reader.int()), modifiedSeconds: try reader.int(),
                              modifiedNanoseconds: try reader.int(), inode: try reader.uint64())
        var record = FileRecord(path: path, stamp: stamp, hash: try reader.uint64())
        record.namespaceObjects = try reader.strings()
        let services = try reader.count()
        record.services.reserveCapacity(services)
        for _ in 0..<services {
            let documentIndex = try reader.int()
            let listIndex = try reader.optionalInt()
            let version = try reader.uint64()
            record.services.append(ServiceRecord(summary: try readSummary(&reader), documentIndex: documentIndex,
                                                 listIndex: listIndex, versionHash: version))
        }
        let workloads = try reader.count()
        for _ in 0..<workloads { record.workloads.append(try readWorkload(&reader)) }
        return record
    }

    /// A row as the summary packs it: loading the cache copies these bytes, no decoding.
    private static func write(_ s: ServiceSummary, to writer: inout BinaryWriter) {
        s.withPackedBytes { bytes in
            writer.int(bytes.count)
            writer.raw(bytes)
        }
    }

    private static func readSummary(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> ServiceSummary {
        let bytes = try reader.raw(try reader.count())
        guard let summary = bytes.withUnsafeBufferPointer({ ServiceSummary(packedBytes: $0) }) else {
            throw BinaryReader.Malformed()
        }
        return summary
    }

    private static func write(_ w: Workload, to writer: inout BinaryWriter) {
        writer.string(w.kind.rawValue)
        writer.string(w.name)
        writer.string(w.namespace)
        writePairs(w.podLabels, to: &writer)
        writer.optionalInt(w.replicas)
        writer.int(w.containerPorts.count)
        for port in w.containerPorts {
            writer.optionalString(port.name)
            writer.int(port.port)
            writer.string(port.protocol)
        }
    }

    private static func readWorkload(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> Workload {
        guard let kind = Workload.Kind(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
        let name = try reader.string(), namespace = try reader.string()
        let labels = try readPairs(&reader)
        let replicas = try reader.optionalInt()
        var ports: [Workload.ContainerPort] = []
        for _ in 0..<(try reader.count()) {
            ports.append(Workload.ContainerPort(name: try reader.optionalString(), port: try reader.int(),
                                                protocol: try reader.string()))
        }
        return Workload(kind: kind, name: name, namespace: namespace, podLabels: labels, replicas: replicas,
                        containerPorts: ports)
    }

    private static func writePairs(_ pairs: [(key: String, value: String)], to writer: inout BinaryWriter) {
        writer.int(pairs.count)
        for pair in pairs {
            writer.string(pair.key)
            writer.string(pair.value)
        }
    }

    private static func readPairs(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> [(key: String, value: String)] {
        let count = try reader.count()
        var pairs: [(key: String, value: String)] = []
        pairs.reserveCapacity(count)
        for _ in 0..<count { pairs.append((try reader.string(), try reader.string())) }
        return pairs
    }
}

/// The cache file's blocks, read a chunk at a time (or from bytes given whole).
private struct CacheChunks {
    private static let chunk = 1 << 20
    private var fd: Int32 = -1
    private var buffer: [UInt8]
    private var offset = 0
    /// The file's size: no count in it can be larger.
    private(set) var size: Int

    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        size = fstat(fd, &info) == 0 ? Int(info.st_size) : 0
        buffer = []
    }

    init(bytes: [UInt8]) {
        buffer = bytes
        size = bytes.count
    }

    mutating func close() {
        if fd >= 0 { _ = systemClose(fd) }
        fd = -1
    }

    /// The next `count` bytes, nil when the file ends before them.
    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0 else { return nil }
        while buffer.count - offset < count, refill() {}
        guard buffer.count - offset >= count else { return nil }
        defer { offset += count }
        return buffer[offset..<offset + count]
    }

    /// A block: its 32-bit little-endian length, then its bytes.
    mutating func block() throws(BinaryReader.Malformed) -> ArraySlice<UInt8> {
        guard let length = take(4) else { throw BinaryReader.Malformed() }
        let count = length.enumerated().reduce(0) { $0 | Int($1.element) << ($1.offset * 8) }
        guard let bytes = take(count) else { throw BinaryReader.Malformed() }
        return bytes
    }

    var isAtEnd: Bool {
        mutating get { offset == buffer.count && !refill() }
    }

    /// Reads the next chunk, dropping the bytes already taken; false at the end of the file.
    private mutating func refill() -> Bool {
        guard fd >= 0 else { return false }
        buffer.removeSubrange(0..<offset)
        offset = 0
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunk))
        var got = 0
        repeat {
            got = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + start, Self.chunk) }
        } while got < 0 && errno == EINTR
        buffer.removeSubrange((start + max(got, 0))...)
        if got <= 0 { close() }
        return got > 0
    }
}

/// `close(2)`, named apart from `CacheChunks.close()`.
private func systemClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
