import ServiceModel

/// The in-memory index of a workspace: one record per file, and lookups built from them.
/// Pure data: reading files and publishing events happen in `WorkspaceBackend`.
///
/// The sorted rows are kept between calls and patched for what changed: a write to one
/// file of 100,000 touches a few rows, not all of them.
struct WorkspaceIndex: Sendable {
    /// What a put or a removal touched, so the backend can say what changed.
    struct Change: Sendable {
        var keys: Set<ServiceID> = []
        /// Namespaces whose workloads changed: their services' backend counts may move.
        var workloadNamespaces: Set<String> = []
        var namespacesChanged = false

        var workloadsChanged: Bool { !workloadNamespaces.isEmpty }
        var isEmpty: Bool { keys.isEmpty && workloadNamespaces.isEmpty && !namespacesChanged }

        mutating func formUnion(_ other: Change) {
            keys.formUnion(other.keys)
            workloadNamespaces.formUnion(other.workloadNamespaces)
            namespacesChanged = namespacesChanged || other.namespacesChanged
        }
    }

    private(set) var files: FileTable
    /// The position in `files` of the file that holds each service. When two files define
    /// the same service, the first path wins; the other copy is left alone.
    private var locations: [ServiceKey: Int32] = [:]
    /// Every file of each service that more than one file defines, in path order (rare:
    /// kept apart so that `locations` holds one small number per service).
    private var sharedLocations: [ServiceKey: [String]] = [:]
    /// Workloads by namespace, then by file.
    private var workloadFiles: [String: [String: [Workload]]] = [:]
    private var matchers: [String: WorkloadMatcher] = [:]
    private var namespacesCache: Set<String>?
    private var rowsCache: [ServiceSummary]?
    private var staleKeys: Set<ServiceID> = []
    private var staleNamespaces: Set<String> = []
    /// The files that do not parse: asking for problems must not visit every record.
    private var problemPaths: Set<String> = []

    /// `root`: the folder the files are in, which their paths are kept without.
    init(root: String = "") {
        files = FileTable(root: root)
    }

    // MARK: Changing

    /// Room for `count` files of one service each, before the disk cache fills an empty
    /// index, so that putting records one by one does not keep growing the dictionaries.
    mutating func reserve(files count: Int) {
        files.reserveCapacity(count)
        locations.reserveCapacity(count)
    }

    mutating func put(_ record: FileRecord) -> Change {
        var record = record
        let old = files.withoutPath(record.path)
        if record.problem != nil, let old {
            record.lostServices = old.lostServices.union(old.services.map(\.key))
        }
        var change = remove(record.path)
        if (old?.workloads ?? []) == record.workloads { change.workloadNamespaces = [] }
        if let old {
            change.namespacesChanged = old.namespaces != record.namespaces
        } else {
            // No sets built for a new file: the first scan adds every file.
            change.namespacesChanged = !record.services.isEmpty || !record.workloads.isEmpty || !record.namespaceObjects.isEmpty
        }
        let position = files.insert(record)
        if record.problem != nil { problemPaths.insert(record.path) }
        for service in record.services {
            let key = ServiceKey(service.summary)
            if let current = locations[key], current != position {
                var paths = sharedLocations[key] ?? [files[current].path]
                if !paths.contains(record.path) {
                    paths.insert(record.path, at: paths.firstIndex(where: { $0 > record.path }) ?? paths.endIndex)
                }
                sharedLocations[key] = paths
                locations[key] = files.position(of: paths[0])
            } else {
                locations[key] = position
            }
            change.keys.insert(service.key)
        }
        for workload in record.workloads {
            workloadFiles[workload.namespace, default: [:]][record.path, default: []].append(workload)
            if old?.workloads != record.workloads { change.workloadNamespaces.insert(workload.namespace) }
        }
        invalidate(change)
        return change
    }

    @discardableResult
    mutating func remove(_ path: String) -> Change {
        guard let (old, position, moved) = files.remove(path) else { return Change() }
        problemPaths.remove(path)
        var change = Change()
        for (i, service) in old.services.enumerated() {
            let key = ServiceKey(service.summary)
            change.keys.insert(service.key)
            // A file that names a service twice leaves its place once.
            guard !old.services[..<i].contains(where: { ServiceKey($0.summary) == key }) else { continue }
            if var paths = sharedLocations[key] {
                paths.removeAll { $0 == path }
                sharedLocations[key] = paths.count > 1 ? paths : nil
                locations[key] = paths.first.flatMap { files.position(of: $0) }
            } else if locations[key] == position {
                locations[key] = nil
            }
        }
        // The last record took the removed one's place.
        if let moved {
            for service in files[position].services where locations[ServiceKey(service.summary)] == moved {
                locations[ServiceKey(service.summary)] = position
            }
        }
        for namespace in Set(old.workloads.map(\.namespace)) {
            workloadFiles[namespace]?[path] = nil
            if workloadFiles[namespace]?.isEmpty == true { workloadFiles[namespace] = nil }
            change.workloadNamespaces.insert(namespace)
        }
        change.namespacesChanged = !old.services.isEmpty || !old.workloads.isEmpty || !old.namespaceObjects.isEmpty
        invalidate(change)
        return change
    }

    /// Records a new stamp for a file whose bytes did not change: nothing to invalidate.
    mutating func restamp(_ path: String, _ stamp: FileStamp) {
        files[path]?.stamp = stamp
    }

    private mutating func invalidate(_ change: Change) {
        for namespace in change.workloadNamespaces { matchers[namespace] = nil }
        if change.namespacesChanged { namespacesCache = nil }
        guard rowsCache != nil else { return }
        staleKeys.formUnion(change.keys)
        staleNamespaces.formUnion(change.workloadNamespaces)
    }

    // MARK: Reading

    /// The file and record of a service.
    func location(of key: ServiceID) -> (path: String, record: ServiceRecord)? {
        guard let position = locations[ServiceKey(key)] else { return nil }
        let file = files[position]
        guard let record = file.services.first(where: { $0.summary.hasID(key) }) else { return nil }
        return (file.path, record)
    }

    /// The parse error of the file that held `key` before it stopped parsing.
    func problem(hiding key: ServiceID) -> ManifestParseError? {
        files.withoutPaths.first { $0.problem != nil && $0.lostServices.contains(key) }?.problem
    }

    /// The service a version belongs to, if some indexed service has it. Asked once per
    /// write, so a look at every record costs less than a map kept for every service.
    func key(forVersion version: String) -> ServiceID? {
        guard let hash = ContentHash.hash(ofVersion: version) else { return nil }
        for record in files.withoutPaths {
            if let service = record.services.first(where: { $0.versionHash == hash }) { return service.key }
        }
        return nil
    }

    /// Every indexed file inside `directory`.
    func paths(under directory: String) -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return Array(files.keys.filter { $0.hasPrefix(prefix) })
    }

    var problems: [ManifestParseError] {
        problemPaths.compactMap { files[$0]?.problem }.sorted { ($0.file ?? "") < ($1.file ?? "") }
    }

    mutating func namespaces() -> Set<String> {
        if let namespacesCache { return namespacesCache }
        var result = Set<String>()
        for record in files.withoutPaths { result.formUnion(record.namespaces) }
        namespacesCache = result
        return result
    }

    /// Every service, sorted by namespace and name, with its backends counted.
    mutating func rows() -> [ServiceSummary] {
        if var rows = rowsCache, staleKeys.count + staleNamespaces.count * 64 < max(rows.count / 8, 64) {
            rowsCache = nil // keep the array uniquely referenced while it is patched
            patch(&rows)
            rowsCache = rows
            return rows
        }
        staleKeys = []
        staleNamespaces = []
        var rows: [ServiceSummary] = []
        rows.reserveCapacity(locations.count)
        for (position, file) in files.withoutPaths.enumerated() {
            for (i, service) in file.services.enumerated() where locations[ServiceKey(service.summary)] == Int32(position) {
                // A file that names a service twice shows it once.
                guard !file.services[..<i].contains(where: { $0.summary.compareID(service.summary) == 0 }) else { continue }
                rows.append(counted(service.summary))
            }
        }
        // Sorts positions, comparing the rows' bytes in place.
        let order = rows.indices.sorted { rows[$0].compareID(rows[$1]) < 0 }
        rows = order.map { rows[$0] }
        rowsCache = rows
        return rows
    }

    private mutating func patch(_ rows: inout [ServiceSummary]) {
        for key in staleKeys {
            let i = Self.lowerBound(rows, key)
            if i < rows.count, rows[i].hasID(key) { rows.remove(at: i) }
            if let (_, record) = location(of: key) { rows.insert(counted(record.summary), at: i) }
        }
        for namespace in staleNamespaces {
            var i = Self.lowerBound(rows, ServiceID(namespace: namespace, name: ""))
            while i < rows.count, rows[i].withNamespaceBytes({ $0.elementsEqual(namespace.utf8) }) {
                rows[i] = counted(rows[i])
                i += 1
            }
        }
        staleKeys = []
        staleNamespaces = []
    }

    /// The row of one service, with its backends counted.
    mutating func row(of key: ServiceID) -> ServiceSummary? {
        guard let (_, record) = location(of: key) else { return nil }
        return counted(record.summary)
    }

    mutating func workloads(in namespace: String) -> [Workload] {
        matcher(namespace).workloads
    }

    mutating func backends(of selector: [ServiceSummary.Pair], in namespace: String) -> [Workload] {
        matcher(namespace).matching(selector)
    }

    private mutating func matcher(_ namespace: String) -> WorkloadMatcher {
        if let matcher = matchers[namespace] { return matcher }
        let files = workloadFiles[namespace] ?? [:]
        let matcher = WorkloadMatcher(files.keys.sorted().flatMap { files[$0] ?? [] })
        matchers[namespace] = matcher
        return matcher
    }

    private mutating func counted(_ summary: ServiceSummary) -> ServiceSummary {
        var row = summary
        let count = matcher(summary.namespace).count(matching: summary.selector)
        row.backends = .init(ready: count, total: count)
        return row
    }

    /// The first row not before `id` (a name of "" is the start of its namespace).
    static func lowerBound(_ rows: [ServiceSummary], _ id: ServiceID) -> Int {
        var low = 0, high = rows.count
        while low < high {
            let mid = (low + high) / 2
            if rows[mid].compareID(id) < 0 {
                low = mid + 1
            } else {
                high = mid
            }
        }
        return low
    }
}

/// The workloads of one namespace, with a posting list per pod label, so matching a
/// selector looks only at the workloads that carry its rarest label.
struct WorkloadMatcher: Sendable {
    /// Sorted by kind and name; a workload defined twice counts once.
    private(set) var workloads: [Workload] = []
    private var postings: [Term: [Int]] = [:]

    /// A label as a posting key: hashing the two strings, not a joined copy of them.
    private struct Term: Hashable {
        var key: String
        var value: String
    }

    init(_ all: [Workload]) {
        var seen = Set<String>()
        workloads = all.filter { seen.insert("\($0.kind.rawValue)/\($0.name)").inserted }
            .sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
        for (i, workload) in workloads.enumerated() {
            for label in workload.podLabels { postings[Term(key: label.key, value: label.value), default: []].append(i) }
        }
    }

    /// The workloads whose pod labels include every pair of `selector`; none for an empty one.
    func matching(_ selector: [ServiceSummary.Pair]) -> [Workload] {
        let pairs = selector.map { (key: $0.key, value: $0.value) }
        return candidates(selector).map { workloads[$0] }.filter { $0.matches(selector: pairs) }
    }

    /// How many workloads `matching` would return, without copying them: every list row
    /// asks this (the BACKENDS column of a workspace).
    func count(matching selector: [ServiceSummary.Pair]) -> Int {
        let candidates = candidates(selector)
        guard selector.count > 1 else { return candidates.count }
        return candidates.count { index in
            selector.allSatisfy { pair in workloads[index].podLabels.contains { $0.key == pair.key && $0.value == pair.value } }
        }
    }

    /// The workloads that carry the selector's rarest label (a superset of the matches).
    private func candidates(_ selector: [ServiceSummary.Pair]) -> [Int] {
        guard !selector.isEmpty else { return [] }
        var rarest: [Int]?
        for pair in selector {
            guard let posting = postings[Term(key: pair.key, value: pair.value)] else { return [] }
            if rarest == nil || posting.count < rarest!.count { rarest = posting }
        }
        return rarest ?? []
    }
}
