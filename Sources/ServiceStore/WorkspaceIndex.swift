import ServiceModel

/// The in-memory index of a workspace: one record per file, and lookups built from them.
/// Pure data: reading files and publishing events happen in `WorkspaceBackend`.
struct WorkspaceIndex: Sendable {
    /// What a put or a removal touched, so the backend can say what changed.
    struct Change: Sendable {
        var keys: Set<ServiceKey> = []
        var workloadsChanged = false
        var namespacesChanged = false

        var isEmpty: Bool { keys.isEmpty && !workloadsChanged && !namespacesChanged }

        mutating func formUnion(_ other: Change) {
            keys.formUnion(other.keys)
            workloadsChanged = workloadsChanged || other.workloadsChanged
            namespacesChanged = namespacesChanged || other.namespacesChanged
        }
    }

    private(set) var files: [String: FileRecord] = [:]
    /// The files that hold each service, in path order. When two files define the same
    /// service, the first path wins; the other copy is left alone.
    private var locations: [ServiceKey: [String]] = [:]
    private var versions: [String: ServiceKey] = [:]
    private var rowsCache: [ServiceSummary]?
    private var matcherCache: WorkloadMatcher?
    private var namespacesCache: Set<String>?

    // MARK: Changing

    mutating func put(_ record: FileRecord) -> Change {
        var record = record
        let old = files[record.path]
        if record.problem != nil, let old {
            record.lostServices = old.lostServices.union(old.services.map(\.key))
        }
        var change = remove(record.path)
        change.workloadsChanged = (old?.workloads ?? []) != record.workloads
        change.namespacesChanged = (old?.namespaces ?? []) != record.namespaces
        files[record.path] = record
        for service in record.services {
            let key = service.key
            var paths = locations[key] ?? []
            if !paths.contains(record.path) {
                paths.insert(record.path, at: paths.firstIndex(where: { $0 > record.path }) ?? paths.endIndex)
            }
            locations[key] = paths
            versions[service.version] = key
            change.keys.insert(key)
        }
        invalidate(change)
        return change
    }

    @discardableResult
    mutating func remove(_ path: String) -> Change {
        guard let old = files.removeValue(forKey: path) else { return Change() }
        var change = Change()
        for service in old.services {
            let key = service.key
            if var paths = locations[key] {
                paths.removeAll { $0 == path }
                locations[key] = paths.isEmpty ? nil : paths
            }
            if versions[service.version] == key { versions[service.version] = nil }
            change.keys.insert(key)
        }
        change.workloadsChanged = !old.workloads.isEmpty
        change.namespacesChanged = !old.namespaces.isEmpty
        invalidate(change)
        return change
    }

    /// Puts a record whose only change is its stamp (same bytes): nothing to invalidate.
    mutating func restamp(_ path: String, _ stamp: FileStamp) {
        files[path]?.stamp = stamp
    }

    private mutating func invalidate(_ change: Change) {
        if !change.keys.isEmpty || change.workloadsChanged { rowsCache = nil }
        if change.workloadsChanged { matcherCache = nil }
        if change.namespacesChanged { namespacesCache = nil }
    }

    // MARK: Reading

    /// The file and record of a service.
    func location(of key: ServiceKey) -> (path: String, record: ServiceRecord)? {
        guard let path = locations[key]?.first,
              let record = files[path]?.services.first(where: { $0.key == key }) else { return nil }
        return (path, record)
    }

    /// The parse error of the file that held `key` before it stopped parsing.
    func problem(hiding key: ServiceKey) -> ManifestParseError? {
        files.values.first { $0.problem != nil && $0.lostServices.contains(key) }?.problem
    }

    /// The service a version belongs to, if some indexed service has it.
    func key(forVersion version: String) -> ServiceKey? { versions[version] }

    /// Every indexed file inside `directory`.
    func paths(under directory: String) -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }
    }

    var problems: [ManifestParseError] {
        files.values.compactMap(\.problem).sorted { ($0.file ?? "") < ($1.file ?? "") }
    }

    mutating func namespaces() -> Set<String> {
        if let namespacesCache { return namespacesCache }
        var result = Set<String>()
        for record in files.values { result.formUnion(record.namespaces) }
        namespacesCache = result
        return result
    }

    /// Every service, sorted by namespace and name, with its backends counted.
    mutating func rows() -> [ServiceSummary] {
        if let rowsCache { return rowsCache }
        let matcher = self.matcher()
        var rows: [ServiceSummary] = []
        rows.reserveCapacity(locations.count)
        for (path, file) in files {
            var seen = Set<ServiceKey>()
            for service in file.services where locations[service.key]?.first == path {
                guard seen.insert(service.key).inserted else { continue }
                rows.append(Self.counted(service.summary, matcher))
            }
        }
        rows.sort { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        rowsCache = rows
        return rows
    }

    /// The row of one service, with its backends counted.
    mutating func row(of key: ServiceKey) -> ServiceSummary? {
        guard let (_, record) = location(of: key) else { return nil }
        return Self.counted(record.summary, matcher())
    }

    mutating func workloads(in namespace: String) -> [Workload] {
        matcher().workloads(in: namespace)
    }

    mutating func backends(of selector: [ServiceSummary.Pair], in namespace: String) -> [Workload] {
        matcher().matching(selector, in: namespace)
    }

    private mutating func matcher() -> WorkloadMatcher {
        if let matcherCache { return matcherCache }
        let matcher = WorkloadMatcher(files.values.lazy.flatMap(\.workloads))
        matcherCache = matcher
        return matcher
    }

    private static func counted(_ summary: ServiceSummary, _ matcher: WorkloadMatcher) -> ServiceSummary {
        var row = summary
        let count = matcher.matching(summary.selector, in: summary.namespace).count
        row.backends = .init(ready: count, total: count)
        return row
    }
}

/// Workloads by namespace, with a posting list per pod label, so matching a selector looks
/// only at the workloads that carry its rarest label instead of at every workload.
struct WorkloadMatcher: Sendable {
    private var workloads: [String: [Workload]] = [:]
    private var postings: [String: [String: [Int]]] = [:]

    init<S: Sequence>(_ all: S) where S.Element == Workload {
        var seen = Set<String>()
        for workload in all where seen.insert("\(workload.namespace)/\(workload.kind.rawValue)/\(workload.name)").inserted {
            workloads[workload.namespace, default: []].append(workload)
        }
        for (namespace, list) in workloads {
            let sorted = list.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
            workloads[namespace] = sorted
            var index: [String: [Int]] = [:]
            for (i, workload) in sorted.enumerated() {
                for label in workload.podLabels { index[Self.term(label.key, label.value), default: []].append(i) }
            }
            postings[namespace] = index
        }
    }

    func workloads(in namespace: String) -> [Workload] { workloads[namespace] ?? [] }

    /// The workloads whose pod labels include every pair of `selector`; none for an empty one.
    func matching(_ selector: [ServiceSummary.Pair], in namespace: String) -> [Workload] {
        guard !selector.isEmpty, let list = workloads[namespace], let index = postings[namespace] else { return [] }
        var rarest: [Int]?
        for pair in selector {
            guard let posting = index[Self.term(pair.key, pair.value)] else { return [] }
            if rarest == nil || posting.count < rarest!.count { rarest = posting }
        }
        let pairs = selector.map { (key: $0.key, value: $0.value) }
        return (rarest ?? []).map { list[$0] }.filter { $0.matches(selector: pairs) }
    }

    private static func term(_ key: String, _ value: String) -> String { key + "\u{0}" + value }
}
