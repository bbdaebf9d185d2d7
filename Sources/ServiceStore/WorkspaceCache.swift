#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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
struct WorkspaceCache: Sendable {
    /// Bump when the encoding, `ServiceSummary(manifest:)` or `Workload(manifest:)` change.
    static let format = 2
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
    /// one by one as they are decoded, so that no array of every record exists at once and
    /// the peak memory stays low.
    func loadIndex() -> WorkspaceIndex? {
        guard let bytes = try? FileSystem.read(path) else { return nil }
        return loadIndex(from: bytes)
    }

    /// The same from the cache file's bytes (the fuzz target's entry: any bytes at all).
    func loadIndex(from bytes: [UInt8]) -> WorkspaceIndex? {
        var index = WorkspaceIndex()
        let complete = load(bytes, count: { index.reserve(files: $0) }) { _ = index.put($0) }
        return complete ? index : nil
    }

    /// Calls `count` with the number of records, then `body` with each; false when the cache
    /// is damaged or foreign (the records already passed on must then be dropped).
    private func load(_ bytes: [UInt8], count: (Int) -> Void, _ body: (FileRecord) -> Void) -> Bool {
        var reader = BinaryReader(bytes)
        do throws(BinaryReader.Malformed) {
            guard Array(try reader.raw(Self.magic.count)) == Self.magic, try reader.int() == Self.format,
                  try reader.string() == root else { return false }
            let savedSeconds = try reader.int()
            let records = try reader.count()
            count(records)
            for _ in 0..<records {
                var record = try Self.readRecord(&reader)
                // Racily clean: modified too close to the save to trust size and time.
                if record.stamp.modifiedSeconds >= savedSeconds - 1 { record.stamp = .unknown }
                body(record)
            }
            return reader.isAtEnd
        } catch {
            return false
        }
    }

    // MARK: Writing

    /// Writes the records that parsed, atomically. Failure only costs the next start time.
    func save(_ records: [FileRecord], at seconds: Int = Int(Date().timeIntervalSince1970)) {
        var writer = BinaryWriter(capacity: records.count * 512)
        writer.raw(Self.magic)
        writer.int(Self.format)
        writer.string(root)
        writer.int(seconds)
        let kept = records.filter { $0.problem == nil }
        writer.int(kept.count)
        for record in kept { Self.write(record, to: &writer) }
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

    private static func write(_ s: ServiceSummary, to writer: inout BinaryWriter) {
        writer.string(s.namespace)
        writer.string(s.name)
        writer.optionalString(s.alias)
        writer.string(s.kind.rawValue)
        writer.string(s.access.rawValue)
        writer.optionalString(s.clusterIP)
        writer.optionalString(s.externalName)
        writer.strings(s.externalIPs)
        writer.strings(s.ingress)
        writer.int(s.ports.count)
        for port in s.ports {
            writer.optionalString(port.name)
            writer.optionalInt(port.port)
            writer.string(port.protocol)
            writer.optionalString(port.targetPort)
            writer.optionalInt(port.nodePort)
            writer.optionalString(port.appProtocol)
        }
        writePairs(s.selector.map { ($0.key, $0.value) }, to: &writer)
        writePairs(s.labels.map { ($0.key, $0.value) }, to: &writer)
        writer.bool(s.created != nil)
        if let created = s.created { writer.uint64(created.timeIntervalSince1970.bitPattern) }
    }

    private static func readSummary(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> ServiceSummary {
        let namespace = try reader.string(), name = try reader.string(), alias = try reader.optionalString()
        guard let kind = ServiceKind(rawValue: try reader.string()),
              let access = ExternalAccess(rawValue: try reader.string()) else { throw BinaryReader.Malformed() }
        let clusterIP = try reader.optionalString(), externalName = try reader.optionalString()
        let externalIPs = try reader.strings(), ingress = try reader.strings()
        var ports: [ServiceSummary.Port] = []
        for _ in 0..<(try reader.count()) {
            ports.append(ServiceSummary.Port(name: try reader.optionalString(), port: try reader.optionalInt(),
                                             protocol: try reader.string(), targetPort: try reader.optionalString(),
                                             nodePort: try reader.optionalInt(), appProtocol: try reader.optionalString()))
        }
        let selector = try readPairs(&reader).map { ServiceSummary.Pair(key: $0.key, value: $0.value) }
        let labels = try readPairs(&reader).map { ServiceSummary.Pair(key: $0.key, value: $0.value) }
        let created = try reader.bool() ? Date(timeIntervalSince1970: Double(bitPattern: try reader.uint64())) : nil
        return ServiceSummary(namespace: namespace, name: name, alias: alias, kind: kind, access: access,
                              clusterIP: clusterIP, externalName: externalName, externalIPs: externalIPs,
                              ingress: ingress, ports: ports, selector: selector, labels: labels,
                              created: created, backends: nil)
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
