import ServiceModel

/// The files of a cold start that a line scan placed (`ManifestQuickScan`) and that still
/// wait for their full parse, in the order the lists need them.
///
/// Each file is ranked by the first row it can change in NAME order: its service first by
/// name (then namespace), or, for a file of workloads, before every name (they count the
/// backends of their namespace's services). Files that change no row come last. Ranking
/// by name across namespaces makes one order serve every scope: once the files before a
/// rank are parsed, the rows of any namespace named before that rank's name are final.
struct WorkspaceFirstPass: Sendable {
    struct File: Sendable {
        var item: FileLoader.Item
        var found: ManifestQuickScan.Found
    }

    /// Where a file first changes the rows: by name, then namespace.
    struct Rank: Comparable, Sendable {
        var name: String
        var namespace: String

        static func < (a: Rank, b: Rank) -> Bool { (a.name, a.namespace) < (b.name, b.namespace) }
    }

    /// Waiting files, ranked.
    private(set) var files: [File]
    private var ranks: [Rank?]
    /// Rows per namespace the index held when the pass began (files the scan could not
    /// answer, parsed at once, and files the disk cache held).
    private let indexed: [String: Int]

    init(files: [File], indexed rows: [ServiceSummary]) {
        let ranks = files.map { file -> Rank? in
            var first: Rank?
            for service in file.found.services {
                let rank = Rank(name: service.name, namespace: service.namespace)
                if first.map({ rank < $0 }) ?? true { first = rank }
            }
            for namespace in file.found.workloadNamespaces {
                let rank = Rank(name: "", namespace: namespace)
                if first.map({ rank < $0 }) ?? true { first = rank }
            }
            return first
        }
        // Sorted by the names' first 16 bytes, then the whole ranks where those are equal:
        // comparing whole strings (and copying files) on every step cost most of the sort.
        // The scan's names are ASCII, so their bytes' order is the strings' order.
        let prefixes = ranks.map(Prefix.init)
        let order = files.indices.sorted { a, b in
            let pa = prefixes[a], pb = prefixes[b]
            if pa != pb { return pa < pb }
            return Self.before(ranks[a], ranks[b])
        }
        self.files = order.map { files[$0] }
        self.ranks = order.map { ranks[$0] }
        var indexed: [String: Int] = [:]
        for row in rows { indexed[row.namespace, default: 0] += 1 }
        self.indexed = indexed
    }

    /// A rank's name's first 16 bytes as two big-endian numbers (shorter names padded with
    /// zeros), no rank after every name.
    private struct Prefix: Comparable {
        var missing: Bool
        var high: UInt64
        var low: UInt64

        init(_ rank: Rank?) {
            missing = rank == nil
            high = 0
            low = 0
            guard let name = rank?.name else { return }
            for (i, byte) in name.utf8.prefix(16).enumerated() {
                if i < 8 { high |= UInt64(byte) << (56 - 8 * i) } else { low |= UInt64(byte) << (56 - 8 * (i - 8)) }
            }
        }

        static func < (a: Prefix, b: Prefix) -> Bool {
            (!a.missing && b.missing) || (a.missing == b.missing && (a.high, a.low) < (b.high, b.low))
        }
    }

    /// The namespaces the waiting files hold services in.
    var serviceNamespaces: Set<String> {
        var namespaces = Set<String>()
        for file in files { for service in file.found.services { namespaces.insert(service.namespace) } }
        return namespaces
    }

    /// About how many rows `scope` will hold: those indexed when the pass began and the
    /// services the scan found (a file that then does not parse holds none).
    func expectedRows(in scope: NamespaceScope) -> Int {
        let waiting = files.reduce(0) { $0 + $1.found.services.count { Self.covers(scope, $0.namespace) } }
        return waiting + indexed.reduce(0) { $0 + (Self.covers(scope, $1.key) ? $1.value : 0) }
    }

    /// How many files from the front to parse so that at least `rows` services are among
    /// them (or every file that holds one).
    func filesHolding(rows: Int) -> Int {
        var count = 0
        for (i, file) in files.enumerated() {
            if count >= rows || ranks[i] == nil { return i }
            count += file.found.services.count
        }
        return files.count
    }

    /// The first row the files from `index` on may still change; nil when they change none.
    func firstOpenRow(from index: Int) -> Rank? {
        index < ranks.count ? ranks[index] : nil
    }

    /// The rows of `rows` (one scope's, sorted by namespace and name) that no file from
    /// `index` on can change.
    func finalRows(_ rows: [ServiceSummary], parsedUpTo index: Int, in scope: NamespaceScope) -> [ServiceSummary] {
        guard let open = firstOpenRow(from: index) else { return rows }
        if case .named(let namespace) = scope {
            return Array(rows[..<WorkspaceIndex.lowerBound(rows, ServiceID(namespace: namespace, name: open.name))])
        }
        return rows.filter { $0.name < open.name }
    }

    /// Nil ranks (no row) after every other.
    private static func before(_ a: Rank?, _ b: Rank?) -> Bool {
        guard let a else { return false }
        guard let b else { return true }
        return a < b
    }

    static func covers(_ scope: NamespaceScope, _ namespace: String) -> Bool {
        switch scope {
        case .all: return true
        case .named(let name): return name == namespace
        }
    }
}
