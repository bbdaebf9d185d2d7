import ServiceModel

/// One service of a file, as the index keeps it: the slim summary and where it sits.
struct ServiceRecord: Sendable {
    /// Carries `version` too, so a list row says which version a delete from it expects.
    var summary: ServiceSummary
    /// 32 bits each (a list index of -1 for none): a record is kept for every service.
    private var document: Int32
    private var listItem: Int32
    var documentIndex: Int { Int(document) }
    var listIndex: Int? { listItem < 0 ? nil : Int(listItem) }
    /// The content hash behind `version`, for the index's lookup by version.
    var versionHash: UInt64
    var version: String { ContentHash.version(versionHash) }

    init(summary: ServiceSummary, documentIndex: Int, listIndex: Int?, versionHash: UInt64) {
        self.summary = summary
        document = Int32(clamping: documentIndex)
        listItem = listIndex.map { Int32(clamping: $0) } ?? -1
        self.versionHash = versionHash
        self.summary.version = ContentHash.version(versionHash)
    }

    var key: ServiceID { summary.id }
}

/// The services of one file: nearly always one, kept inline rather than in an array of its
/// own (a record is kept for every file).
struct ServiceRecords: RandomAccessCollection, Sendable {
    private var first: ServiceRecord?
    private var more: [ServiceRecord] = []

    init() {}

    var startIndex: Int { 0 }
    var endIndex: Int { first == nil ? 0 : 1 + more.count }

    subscript(position: Int) -> ServiceRecord {
        position == 0 ? first! : more[position - 1]
    }

    mutating func append(_ record: ServiceRecord) {
        if first == nil { first = record } else { more.append(record) }
    }

    mutating func reserveCapacity(_ count: Int) {
        if count > 1 { more.reserveCapacity(count - 1) }
    }
}

/// What the index remembers about one file. The parsed tree is not kept (100k services
/// would hold every node in memory): only rows, workloads and namespaces.
struct FileRecord: Sendable {
    var path: String
    var stamp: FileStamp
    var hash: UInt64
    var services = ServiceRecords()
    var workloads: [Workload] {
        get { extras?.workloads ?? [] }
        set { setExtras(workloads: newValue) }
    }
    /// Namespaces named by Namespace objects.
    var namespaceObjects: [String] {
        get { extras?.namespaceObjects ?? [] }
        set { setExtras(namespaceObjects: newValue) }
    }
    /// Namespaces named by Namespace objects and by the file's services and workloads.
    var namespaces: Set<String> {
        Set(services.map(\.summary.namespace) + workloads.map(\.namespace) + namespaceObjects)
    }
    /// Why the file was skipped, when it does not parse.
    var problem: ManifestParseError? {
        get { extras?.problem }
        set { setExtras(problem: .some(newValue)) }
    }
    /// The services the file held when it last parsed, while it does not: a write to one of
    /// them names the parse error instead of answering "not found".
    var lostServices: Set<ServiceID> {
        get { extras?.lost ?? [] }
        set { setExtras(lost: newValue) }
    }

    /// The fields most files do not use, in one optional box: a record is stored for every
    /// file (100,000 in a large workspace of one service per file), and inline they would
    /// make every record bigger for the few files that have them.
    private final class Extras: Sendable {
        let problem: ManifestParseError?
        let lost: Set<ServiceID>
        let workloads: [Workload]
        let namespaceObjects: [String]
        init(problem: ManifestParseError?, lost: Set<ServiceID>, workloads: [Workload], namespaceObjects: [String]) {
            self.problem = problem
            self.lost = lost
            self.workloads = workloads
            self.namespaceObjects = namespaceObjects
        }
    }

    private var extras: Extras?

    private mutating func setExtras(problem: ManifestParseError?? = nil, lost: Set<ServiceID>? = nil,
                                    workloads: [Workload]? = nil, namespaceObjects: [String]? = nil) {
        let problem = problem ?? self.problem, lost = lost ?? lostServices
        let workloads = workloads ?? self.workloads, namespaceObjects = namespaceObjects ?? self.namespaceObjects
        extras = problem == nil && lost.isEmpty && workloads.isEmpty && namespaceObjects.isEmpty
            ? nil : Extras(problem: problem, lost: lost, workloads: workloads, namespaceObjects: namespaceObjects)
    }

    init(path: String, stamp: FileStamp, hash: UInt64) {
        self.path = path
        self.stamp = stamp
        self.hash = hash
    }

    /// Parses `bytes` and extracts what the index keeps. A file that does not parse becomes
    /// a record with only its `problem`.
    static func read(path: String, bytes: [UInt8], stamp: FileStamp,
                     hash: UInt64? = nil) -> (record: FileRecord, file: ManifestFile?) {
        var record = FileRecord(path: path, stamp: stamp, hash: hash ?? ContentHash.of(bytes))
        let file: ManifestFile
        do {
            file = try ManifestReader.parse(bytes: bytes, path: path)
        } catch {
            record.problem = error
            return (record, nil)
        }
        record.fill(from: file)
        return (record, file)
    }

    /// The record of bytes already parsed (`file` was read from them).
    static func read(path: String, bytes: [UInt8], stamp: FileStamp, parsed file: ManifestFile) -> (record: FileRecord, file: ManifestFile?) {
        var record = FileRecord(path: path, stamp: stamp, hash: ContentHash.of(bytes))
        record.fill(from: file)
        return (record, file)
    }

    mutating func fill(from file: ManifestFile) {
        for object in file.objects {
            guard object.node.isMapping else { continue }
            switch object.kind {
            case "Service":
                let summary = ServiceSummary(manifest: object.node)
                guard !summary.name.isEmpty else { continue }
                services.append(ServiceRecord(summary: summary, documentIndex: object.documentIndex,
                                              listIndex: object.listIndex,
                                              versionHash: Self.versionHash(of: object, in: file)))
            case "Namespace":
                if let name = object.node["metadata"]?["name"]?.scalarText, !name.isEmpty { namespaceObjects.append(name) }
            case let kind? where Workload.Kind(rawValue: kind) != nil:
                var node = object.node
                if node["kind"] == nil { node["kind"] = .string(kind) }
                if let workload = Workload(manifest: node) {
                    workloads.append(workload)
                }
            default:
                continue
            }
        }
    }

    /// The version of a service: a hash of its path and its document's bytes; for an item of
    /// a List, of the item as written in YAML, so that editing a sibling is no conflict.
    static func version(of object: ManifestObject, in file: ManifestFile) -> String {
        ContentHash.version(versionHash(of: object, in: file))
    }

    static func versionHash(of object: ManifestObject, in file: ManifestFile) -> UInt64 {
        var hash = ContentHash()
        hash.combine(file.path ?? "")
        if object.listIndex != nil {
            hash.combine(YAMLWriter.write(object.node).utf8)
        } else {
            hash.combine(file.bytes[file.documents[object.documentIndex].bodyRange])
        }
        return hash.value
    }
}
