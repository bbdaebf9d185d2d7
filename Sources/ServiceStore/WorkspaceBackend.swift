#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch
import ServiceModel

/// The embedded default backend: a folder of manifests (`*.yaml`, `*.yml`, `*.json`, read
/// recursively, multi-document, `kind: List` expanded).
///
/// The folder is indexed once and then only the files whose `stat` changed are read again.
/// Writes rewrite only the service's own document, atomically, and only when the document is
/// still the version the caller read (else `.conflict`, like the API's 409). Files that do
/// not parse are reported by `problems()`, skipped, and never rewritten.
package actor WorkspaceBackend: Backend {
    package nonisolated let info: BackendInfo
    /// The workspace folder, absolute.
    package nonisolated let root: String
    /// The rules every write is checked by: those of the release the workspace targets.
    package nonisolated let rules: RuleSet

    private let writer: any FileWriting
    private let preferInotify: Bool
    private var index = WorkspaceIndex()
    private var scanned = false
    /// Namespaces whose folder a create made (kept while empty).
    private var createdFolders: Set<String> = []
    private var cache = ParsedFileCache()
    private var subscribers: [UInt64: Subscriber] = [:]
    private var watcher: WorkspaceWatcher?
    /// The index on disk; nil when not wanted (tests, or no cache folder).
    private let diskCache: WorkspaceCache?
    private var diskCacheRead = false
    /// The index differs from what the disk cache holds.
    private var indexDirty = false
    /// `startWatching()` was called: the watcher stays without subscribers.
    private var keepWatching = false
    /// The last full scan ran with inotify watching, so its events keep the index current.
    private var scannedWhileWatched = false
    /// A cold start's files that were scanned but not yet parsed; every read and write
    /// waits for them (`refresh`), so nothing answers from a partial index.
    private var firstPass: WorkspaceFirstPass?
    private var firstPassRunning = false
    /// How many of the first pass's files are parsed, in its order.
    private var firstPassParsed = 0
    private var firstPassWaiters: [CheckedContinuation<Void, Never>] = []
    /// Subscriptions waiting for the first pass: they are shown the rows final so far.
    private var loadingSubscribers: [UInt64: Subscriber] = [:]
    private var releasedAfterFirstScan = false
    /// A first scan with at least this many files to read scans their lines first, so the
    /// first screen can show before every file is parsed.
    static let firstPassMinimum = 1000
    /// The rows a subscriber gets before the rest is parsed: a screen's worth, and more.
    static let firstScreenRows = 200

    private struct Subscriber {
        var scope: NamespaceScope
        var continuation: AsyncStream<StoreEvent>.Continuation
    }

    /// Opens the workspace at `root` (relative paths are taken from the current directory).
    /// Nothing is read until the first call. With `cacheDirectory`, the index is kept there
    /// between runs (see `WorkspaceCache`), so files that did not change are not parsed again.
    package init(root: String, cacheDirectory: String? = nil, rules: RuleSet = .server(.newest)) throws(StoreError) {
        try self.init(root: root, writer: AtomicFileWriter(), cacheDirectory: cacheDirectory, rules: rules)
    }

    /// Where the command line keeps index caches: `$XDG_CACHE_HOME/svcwiz/index`, else
    /// `~/.cache/svcwiz/index`.
    package static var defaultCacheDirectory: String? { WorkspaceCache.directory() }

    init(root: String, writer: any FileWriting, preferInotify: Bool = true, cacheDirectory: String? = nil,
         rules: RuleSet = .server(.newest)) throws(StoreError) {
        self.rules = rules
        var path = URL(fileURLWithPath: root).standardizedFileURL.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard FileSystem.status(path)?.kind == .directory else {
            throw StoreError.io(path: path, message: "not a folder")
        }
        self.root = path
        index = WorkspaceIndex(root: path)
        self.info = BackendInfo(kind: .workspace, location: path)
        self.writer = writer
        self.preferInotify = preferInotify
        self.diskCache = cacheDirectory.map { WorkspaceCache(root: path, directory: $0) }
    }

    deinit {
        watcher?.stop()
    }

    // MARK: Reading

    package func namespaces() async throws(StoreError) -> [String] {
        try await refresh()
        return index.namespaces().union(createdFolders).sorted()
    }

    package func services(in scope: NamespaceScope) async throws(StoreError) -> [ServiceSummary] {
        try await refresh()
        return Self.rows(index.rows(), in: scope)
    }

    /// The namespaces that hold services, which is what choosing the namespace to open
    /// needs: on a cold start, from the first pass's line scan without waiting for every
    /// file's parse (the screen's subscription then shows the rows as they are parsed).
    package func serviceNamespaces() async throws(StoreError) -> Set<String> {
        if !scanned, firstPass == nil { try fullScan(firstPassAllowed: keepWatching) }
        if firstPass == nil { try await refresh() }
        var namespaces = Set(index.rows().map(\.namespace))
        if let firstPass { namespaces.formUnion(firstPass.serviceNamespaces) }
        releaseMemoryAfterFirstScan()
        return namespaces
    }

    package func service(_ id: ServiceID) async throws(StoreError) -> StoredService {
        try await refresh()
        return try locate(id, verifyBytes: false).stored
    }

    package func workloads(in namespace: String) async throws(StoreError) -> [Workload] {
        try await refresh()
        return index.workloads(in: namespace)
    }

    /// The workloads in the service's namespace whose pod template labels match its selector.
    package func backends(of service: StoredService) async throws(StoreError) -> BackendStatus {
        try await refresh()
        let selector = (service.manifest["spec"]?["selector"]?.stringPairs ?? []).map {
            ServiceSummary.Pair(key: $0.key, value: $0.value)
        }
        return BackendStatus(workloads: index.backends(of: selector, in: service.namespace), endpoints: [])
    }

    /// The files that do not parse (or cannot be read), by path, with line and column.
    package func problems() async throws(StoreError) -> [ManifestParseError] {
        try await refresh()
        return index.problems
    }

    // MARK: Writing

    /// Writes a new service to `<root>/<namespace>/<name>.service.yaml`.
    package func create(_ manifest: ManifestNode, dryRun: Bool) async throws(StoreError) -> StoredService {
        let key = ServiceID(manifest: manifest)
        try check(ServiceRules.validate(manifest, previous: nil, rules: rules), of: key)
        try await refresh()
        if index.location(of: key) != nil { throw StoreError.alreadyExists(key) }
        let folder = root + "/" + key.namespace
        let path = folder + "/" + key.name + ".service.yaml"
        if FileSystem.status(path) != nil {
            throw StoreError.io(path: path, message: "a file is already there and does not define this service")
        }
        let prepared = try prepare(Array(YAMLWriter.write(manifest).utf8), for: key, at: path)
        if dryRun { return prepared.stored }
        try writer.makeDirectory(folder)
        createdFolders.insert(key.namespace)
        return try commit(prepared)
    }

    /// Changes the service's own document (or List item) in place: only the bytes of changed
    /// values move, so comments, order and layout stay (`ManifestTextPatcher`); every other
    /// byte of its file stays. Nothing changed means nothing is written.
    package func update(_ manifest: ManifestNode, expecting version: String) async throws(StoreError) -> StoredService {
        try await update(manifest, text: nil, expecting: version)
    }

    /// Puts `text` (the document as the user will see it written) in the service's
    /// document's place; a List item, or a text in another format than the file's, is
    /// patched from `manifest` instead.
    package func update(_ manifest: ManifestNode, writing text: ManifestText,
                       expecting version: String) async throws(StoreError) -> StoredService {
        try await update(manifest, text: text, expecting: version)
    }

    private func update(_ manifest: ManifestNode, text: ManifestText?, expecting version: String) async throws(StoreError) -> StoredService {
        let key = ServiceID(manifest: manifest)
        try await refresh()
        if let owner = index.key(forVersion: version), owner != key {
            throw StoreError.invalid(owner, errors: ServiceRules.identityErrors(key, previous: owner))
        }
        let found = try locate(key, verifyBytes: true)
        guard found.stored.version == version else {
            throw StoreError.conflict(key, current: found.stored)
        }
        var wanted = manifest
        // `default` is what a document without a namespace means: it stays without one.
        if found.stored.manifest["metadata"]?["namespace"] == nil,
           wanted["metadata"]?["namespace"]?.scalarText == key.namespace {
            wanted.set("metadata.namespace", to: nil)
        }
        try check(ServiceRules.validate(wanted, previous: found.stored.manifest, rules: rules), of: key)
        let index = found.object.documentIndex
        let body = text.flatMap { DocumentSplicer.body(for: found.object, in: found.file, text: $0) }
            ?? DocumentSplicer.patching(found.object, in: found.file, with: wanted).body
        let range = found.file.documents[index].bodyRange
        if found.file.bytes[range].elementsEqual(body) { return found.stored }
        var bytes = found.file.bytes
        bytes.replaceSubrange(range, with: body)
        // Only the changed document is read again; a body that does not parse falls to the
        // whole file's reading, whose error names the file's line.
        let reread = (try? found.file.replacingBody(ofDocument: index, with: body)) ?? nil
        let prepared = try prepare(bytes, for: key, at: found.path, parsed: reread)
        if text != nil {
            // What is written is the user's text: it is what must be valid.
            try check(ServiceRules.validate(prepared.stored.manifest, previous: found.stored.manifest, rules: rules), of: key)
        }
        return try commit(prepared)
    }

    /// Removes the service's document (and its `---`), or its List item; the file goes when
    /// the service was its only document. With `version`, only if the service is still that.
    package func delete(_ key: ServiceID, expecting version: String?) async throws(StoreError) {
        try await refresh()
        let found = try locate(key, verifyBytes: true)
        if let version, found.stored.version != version {
            throw StoreError.conflict(key, current: found.stored)
        }
        if let bytes = DocumentSplicer.removing(found.object, from: found.file) {
            let (record, file) = FileRecord.read(path: found.path, bytes: bytes, stamp: FileStamp.unknown)
            guard let file else { throw StoreError.parse(record.problem ?? Self.lost(found.path)) }
            try writer.replace(found.path, with: bytes)
            remember(record, file)
        } else {
            try writer.remove(found.path)
            cache.remove(found.path)
            publish(index.remove(found.path))
        }
    }

    private struct Prepared {
        var record: FileRecord
        var file: ManifestFile
        var bytes: [UInt8]
        var stored: StoredService
    }

    /// Reads the new bytes back before anything is written: a rewrite that would not parse,
    /// or would lose the service, is refused.
    private func prepare(_ bytes: [UInt8], for key: ServiceID, at path: String,
                         parsed: ManifestFile? = nil) throws(StoreError) -> Prepared {
        let (record, file) = parsed.map { FileRecord.read(path: path, bytes: bytes, stamp: FileStamp.unknown, parsed: $0) }
            ?? FileRecord.read(path: path, bytes: bytes, stamp: FileStamp.unknown)
        guard let file else { throw StoreError.parse(record.problem ?? Self.lost(path)) }
        guard let found = Self.find(key, in: file, at: path) else { throw StoreError.parse(Self.lost(path)) }
        return Prepared(record: record, file: file, bytes: bytes, stored: found.stored)
    }

    private func commit(_ prepared: Prepared) throws(StoreError) -> StoredService {
        try writer.replace(prepared.record.path, with: prepared.bytes)
        remember(prepared.record, prepared.file)
        return prepared.stored
    }

    /// Indexes what was just written, with the stamp it now has on disk.
    private func remember(_ record: FileRecord, _ file: ManifestFile) {
        var record = record
        record.stamp = FileSystem.status(record.path)?.stamp ?? FileStamp.unknown
        cache.put(record.path, hash: record.hash, file: file)
        publish(index.put(record))
    }

    private static func lost(_ path: String) -> ManifestParseError {
        ManifestParseError(file: path, line: 1, column: 1, message: "the rewritten file no longer holds the service")
    }

    private func check(_ errors: [FieldError], of key: ServiceID) throws(StoreError) {
        if !errors.isEmpty { throw StoreError.invalid(key, errors: errors) }
    }

    // MARK: Locating

    private struct Found {
        var path: String
        var file: ManifestFile
        var object: ManifestObject
        var stored: StoredService
    }

    /// Finds a service in its file as the file is now. When the file changed so that the
    /// service is no longer there, the whole workspace is scanned again to find where it went.
    private func locate(_ key: ServiceID, verifyBytes: Bool) throws(StoreError) -> Found {
        for attempt in 0..<2 {
            if attempt == 1 { try fullScan() }
            guard let (path, _) = index.location(of: key) else { break }
            if let file = try parsed(path, verifyBytes: verifyBytes), let found = Self.find(key, in: file, at: path) {
                return Found(path: path, file: file, object: found.object, stored: found.stored)
            }
        }
        if let problem = index.problem(hiding: key) { throw StoreError.parse(problem) }
        throw StoreError.notFound(key)
    }

    private static func find(_ key: ServiceID, in file: ManifestFile,
                             at path: String) -> (object: ManifestObject, stored: StoredService)? {
        for object in file.objects where object.isService && ServiceID(manifest: object.node) == key {
            let version = FileRecord.version(of: object, in: file)
            return (object, StoredService(manifest: object.node, version: version, location: path,
                                          text: DocumentSplicer.text(of: object, in: file)))
        }
        return nil
    }

    /// The file parsed as it is on disk, its record brought up to date. Nil when it is gone.
    /// With `verifyBytes`, the bytes are read even when `stat` says nothing changed.
    private func parsed(_ path: String, verifyBytes: Bool) throws(StoreError) -> ManifestFile? {
        guard let status = FileSystem.status(path), status.kind == .file else {
            cache.remove(path)
            publish(index.remove(path))
            return nil
        }
        if !verifyBytes, let record = index.files[path], record.stamp == status.stamp,
           let file = cache.get(path, hash: record.hash) {
            return file
        }
        let bytes = try FileSystem.read(path, limit: InputLimits.maxFileBytes)
        let hash = ContentHash.of(bytes)
        if let file = cache.get(path, hash: hash), index.files[path]?.hash == hash {
            index.restamp(path, status.stamp)
            return file
        }
        let (record, file) = FileRecord.read(path: path, bytes: bytes, stamp: status.stamp, hash: hash)
        if index.files[path]?.hash != hash { publish(index.put(record)) } else { index.restamp(path, status.stamp) }
        guard let file else { throw StoreError.parse(record.problem ?? Self.lost(path)) }
        cache.put(path, hash: hash, file: file)
        return file
    }

    // MARK: Scanning

    /// Brings the index up to date: nothing to do while inotify reports changes, else a stat
    /// scan of the folder that reads only the files whose stamp moved.
    private func refresh() async throws(StoreError) {
        if firstPass == nil {
            if scanned, watcher?.mode == .inotify { return }
            // The screen's first reads may come before its subscription: a first pass lets
            // the subscription still show the first rows before every file is parsed.
            try fullScan(firstPassAllowed: keepWatching)
        }
        await finishFirstPass()
        saveDiskCache()
        releaseMemoryAfterFirstScan()
    }

    /// Once, when the first scan is complete: the listing and the parse freed memory that
    /// glibc's arenas would keep (`FileSystem.releaseFreedMemory`).
    private func releaseMemoryAfterFirstScan() {
        guard scanned, !releasedAfterFirstScan else { return }
        releasedAfterFirstScan = true
        FileSystem.releaseFreedMemory()
    }

    /// Every manifest file and its stamp. On the first scan the disk cache's records (with
    /// the stamps they were read at, so the scan reads only files whose stamp moved) are
    /// decoded meanwhile on another core: the walk waits on the kernel, the decoding on the
    /// CPU, so the two overlap.
    private func walkReadingDiskCache() -> FileSystem.Listing {
        // A first scan with nothing indexed reads every file: their stamps come from reading them.
        let stamps = scanned || !index.files.isEmpty
        guard !diskCacheRead, let diskCache else { return FileSystem.walk(root, stamps: stamps) }
        diskCacheRead = true
        guard FileSystem.status(diskCache.path) != nil else {
            StaleTemporaries.remove(in: diskCache.directory)
            return FileSystem.walk(root, stamps: stamps)
        }
        final class Results: @unchecked Sendable {
            var listing = FileSystem.Listing()
            var index: WorkspaceIndex?
        }
        let results = Results()
        let root = self.root
        DispatchQueue.concurrentPerform(iterations: 2) { task in
            if task == 0 {
                results.listing = FileSystem.walk(root)
            } else {
                results.index = diskCache.loadIndex()
                StaleTemporaries.remove(in: diskCache.directory)
            }
        }
        // The first scan starts from an empty index; the cache's records are of this root.
        if let cached = results.index, index.files.isEmpty { index = cached }
        return results.listing
    }

    /// Writes the index to the disk cache when a scan changed it. Synchronous: a command
    /// that exits right after must not leave half a cache behind.
    private func saveDiskCache() {
        guard indexDirty, let diskCache else { return }
        indexDirty = false
        diskCache.save(index.files.values)
    }

    /// With `firstPassAllowed`, a first scan with many files to read leaves them to
    /// `parseFirstPass` after a line scan (`firstPass`). Only a screen gains from it (a
    /// subscription, or `startWatching`): a command that lists everything would only pay
    /// for the scan.
    private func fullScan(firstPassAllowed: Bool = false) throws(StoreError) {
        guard FileSystem.status(root)?.kind == .directory else {
            let error = StoreError.io(path: root, message: "the workspace folder is gone")
            for subscriber in subscribers.values { subscriber.continuation.yield(.failed(error)) }
            throw error
        }
        scannedWhileWatched = watcher?.mode == .inotify
        let listing = walkReadingDiskCache()
        if !scanned { StaleTemporaries.remove(listing.temporaries) }
        var change = WorkspaceIndex.Change()
        var seen = Set<String>(minimumCapacity: listing.files.count)
        for file in listing.files { seen.insert(file.path) }
        // Only the paths that are gone are kept as strings.
        let gone = Array(index.files.keys.filter { !seen.contains($0) })
        for path in gone {
            cache.remove(path)
            change.formUnion(index.remove(path))
            indexDirty = true
        }
        change.formUnion(ingest(listing.files, firstPassAllowed: firstPassAllowed && !scanned))
        scanned = firstPass == nil
        publish(change)
    }

    /// Reads the files of a listing whose stamp differs from the index. With
    /// `firstPassAllowed` and many of them, only the files a line scan cannot answer are
    /// parsed; the others wait in `firstPass`.
    private func ingest(_ files: [(path: String, stamp: FileStamp)], firstPassAllowed: Bool = false) -> WorkspaceIndex.Change {
        let stale = files.compactMap { file -> FileLoader.Item? in
            let known = index.files.withoutPath(file.path)
            return known?.stamp == file.stamp ? nil : FileLoader.Item(path: file.path, stamp: file.stamp, knownHash: known?.hash)
        }
        var change = WorkspaceIndex.Change()
        if !stale.isEmpty { indexDirty = true }
        guard firstPassAllowed, stale.count >= Self.firstPassMinimum else {
            for (item, outcome) in zip(stale, FileLoader.load(stale)) { change.formUnion(apply(outcome, of: item)) }
            return change
        }
        var waiting: [WorkspaceFirstPass.File] = []
        for (item, scanned) in zip(stale, FileLoader.scan(stale)) {
            switch scanned {
            case .outcome(let outcome):
                change.formUnion(apply(outcome, of: item))
            case let .found(found, stamp):
                // The record the disk cache had is of other bytes: it must not show meanwhile.
                cache.remove(item.path)
                change.formUnion(index.remove(item.path))
                var item = item
                item.knownHash = nil
                item.stamp = stamp
                waiting.append(WorkspaceFirstPass.File(item: item, found: found))
            }
        }
        if !waiting.isEmpty { firstPass = WorkspaceFirstPass(files: waiting, indexed: index.rows()) }
        return change
    }

    private func apply(_ outcome: FileLoader.Outcome, of item: FileLoader.Item) -> WorkspaceIndex.Change {
        switch outcome {
        case .unchanged:
            index.restamp(item.path, item.stamp)
            return WorkspaceIndex.Change()
        case .record(let record):
            cache.remove(item.path)
            return index.put(record)
        case .gone:
            cache.remove(item.path)
            return index.remove(item.path)
        }
    }

    // MARK: The first pass

    /// Waits until the files the first pass left are parsed, parsing them if no one is.
    private func finishFirstPass() async {
        guard firstPass != nil else { return }
        if firstPassRunning {
            await withCheckedContinuation { firstPassWaiters.append($0) }
        } else {
            await parseFirstPass()
        }
    }

    /// Parses the files the first pass left, in its order, off the actor: every read and
    /// write waits meanwhile (`refresh`), while subscriptions that came for it
    /// (`loadingSubscribers`) are told the rows that are final so far (`.loading`): after
    /// the first screen's files, then now and then (each time at least twice as many rows,
    /// at most every quarter second), not per file. Their complete rows follow in `subscribe`.
    private func parseFirstPass() async {
        guard let pass = firstPass, !firstPassRunning else { return }
        firstPassRunning = true
        var change = WorkspaceIndex.Change()
        var done = 0
        var end = pass.filesHolding(rows: Self.firstScreenRows)
        var shownAt: ContinuousClock.Instant?
        var shown = 0
        while done < pass.files.count {
            end = min(pass.files.count, max(end, done + 1))
            let items = pass.files[done..<end].map(\.item)
            let outcomes = await FileLoader.loadOffPool(items)
            for (item, outcome) in zip(items, outcomes) { change.formUnion(apply(outcome, of: item)) }
            done = end
            firstPassParsed = done
            end = done + Self.parseBatch
            guard done < pass.files.count, !loadingSubscribers.isEmpty else { continue }
            if let shownAt, done < 2 * shown || shownAt.duration(to: .now) < .milliseconds(250) { continue }
            shown = done
            shownAt = .now
            showLoading(pass, parsedUpTo: done)
        }
        firstPass = nil
        firstPassRunning = false
        firstPassParsed = 0
        scanned = true
        indexDirty = true
        publish(change)
        let waiters = firstPassWaiters
        firstPassWaiters = []
        for waiter in waiters { waiter.resume() }
        releaseMemoryAfterFirstScan()
    }

    /// Files parsed between two looks at whether to show more rows.
    static let parseBatch = 1000

    /// Tells each subscription waiting for the first pass the rows of its scope that no
    /// waiting file can change.
    private func showLoading(_ pass: WorkspaceFirstPass, parsedUpTo done: Int, to ids: [UInt64]? = nil) {
        let rows = index.rows()
        for id in ids ?? Array(loadingSubscribers.keys) {
            guard let subscriber = loadingSubscribers[id] else { continue }
            let final = pass.finalRows(Self.rows(rows, in: subscriber.scope), parsedUpTo: done, in: subscriber.scope)
            let event = StoreEvent.loading(final, expected: pass.expectedRows(in: subscriber.scope))
            if case .terminated = subscriber.continuation.yield(event) { loadingSubscribers[id] = nil }
        }
    }

    /// What the watcher saw: files and folders that changed, or everything.
    private func watcherReported(_ paths: Set<String>, everything: Bool) async {
        guard !subscribers.isEmpty || keepWatching else { return }
        // What changed during the first pass is read after it: its files are read as they are then.
        await finishFirstPass()
        if everything {
            try? fullScan()
            saveDiskCache()
            return
        }
        var change = WorkspaceIndex.Change()
        var listed: [(path: String, stamp: FileStamp)] = []
        for path in paths {
            switch FileSystem.status(path) {
            case let status? where status.kind == .file:
                if FileSystem.isManifestPath(path) { listed.append((path, status.stamp)) }
            case let status? where status.kind == .directory:
                let listing = FileSystem.walk(path)
                let present = Set(listing.files.map(\.path))
                for gone in index.paths(under: path) where !present.contains(gone) {
                    cache.remove(gone)
                    change.formUnion(index.remove(gone))
                }
                listed += listing.files
            default:
                for gone in [path] + index.paths(under: path) {
                    cache.remove(gone)
                    change.formUnion(index.remove(gone))
                }
            }
        }
        change.formUnion(ingest(listed))
        publish(change)
    }

    // MARK: Watching

    /// Changes to the workspace as they happen: first a `.reset` with the current rows, then
    /// `.upserted` and `.deleted` for services whose files changed (on disk or through this
    /// backend), and `.reset` again when workloads changed (backend counts move).
    package nonisolated func changes(in scope: NamespaceScope) -> AsyncStream<StoreEvent> {
        let (stream, continuation) = AsyncStream<StoreEvent>.makeStream()
        let id = UInt64.random(in: 0...UInt64.max)
        continuation.onTermination = { _ in
            Task { await self.unsubscribe(id) }
        }
        Task { await self.subscribe(id, scope: scope, continuation: continuation) }
        return stream
    }

    /// Starts watching the folder now rather than at the first subscription, and keeps
    /// watching without subscribers: the first scan then already counts as watched, and the
    /// subscription that follows needs no second scan (a `stat` of every file).
    package func startWatching() {
        keepWatching = true
        startWatcher()
    }

    private func startWatcher() {
        guard watcher == nil else { return }
        let watcher = WorkspaceWatcher(root: root) { [weak self] paths, everything in
            guard let self else { return }
            Task { await self.watcherReported(paths, everything: everything) }
        }
        watcher.start(preferInotify: preferInotify)
        self.watcher = watcher
    }

    private func subscribe(_ id: UInt64, scope: NamespaceScope, continuation: AsyncStream<StoreEvent>.Continuation) async {
        startWatcher()
        do {
            // After the watches are in place, so nothing between this scan and the first
            // event is missed; unless a scan already ran under inotify, whose events since
            // keep the index current. The new subscriber is added after it: what the scan
            // changed is in the reset below, not also in events before it.
            if firstPass == nil, !(scanned && scannedWhileWatched && watcher?.mode == .inotify) {
                try fullScan(firstPassAllowed: true)
            }
        } catch {
            // Stays subscribed: a later scan may find the folder again.
            subscribers[id] = Subscriber(scope: scope, continuation: continuation)
            continuation.yield(.failed(error))
            return
        }
        if firstPass != nil {
            // A cold start: the rows that are final show while the rest is parsed.
            loadingSubscribers[id] = Subscriber(scope: scope, continuation: continuation)
            if let firstPass, firstPassParsed > 0 { showLoading(firstPass, parsedUpTo: firstPassParsed, to: [id]) }
            await finishFirstPass()
            loadingSubscribers[id] = nil
        }
        subscribers[id] = Subscriber(scope: scope, continuation: continuation)
        if case .terminated = continuation.yield(.reset(Self.rows(index.rows(), in: scope))) { unsubscribe(id) }
        saveDiskCache()
    }

    private func unsubscribe(_ id: UInt64) {
        subscribers[id] = nil
        loadingSubscribers[id] = nil
        if subscribers.isEmpty, !keepWatching {
            watcher?.stop()
            watcher = nil
        }
    }

    /// Tells every subscriber what a change touched.
    private func publish(_ change: WorkspaceIndex.Change) {
        guard !subscribers.isEmpty, !change.keys.isEmpty || change.workloadsChanged else { return }
        var ended: [UInt64] = []
        if change.workloadsChanged || change.keys.count > 1000 {
            let rows = index.rows()
            for (id, subscriber) in subscribers {
                if case .terminated = subscriber.continuation.yield(.reset(Self.rows(rows, in: subscriber.scope))) {
                    ended.append(id)
                }
            }
        } else {
            for key in change.keys.sorted() {
                let event: StoreEvent = index.row(of: key).map { .upserted($0) }
                    ?? .deleted(key)
                for (id, subscriber) in subscribers where Self.covers(subscriber.scope, key.namespace) {
                    if case .terminated = subscriber.continuation.yield(event) { ended.append(id) }
                }
            }
        }
        ended.forEach(unsubscribe)
    }

    private static func covers(_ scope: NamespaceScope, _ namespace: String) -> Bool {
        switch scope {
        case .all: return true
        case .named(let name): return name == namespace
        }
    }

    /// The rows of a scope from rows sorted by namespace: a binary search, not a filter.
    private static func rows(_ rows: [ServiceSummary], in scope: NamespaceScope) -> [ServiceSummary] {
        guard case .named(let namespace) = scope else { return rows }
        var end = WorkspaceIndex.lowerBound(rows, ServiceID(namespace: namespace, name: ""))
        let start = end
        while end < rows.count, rows[end].withNamespaceBytes({ $0.elementsEqual(namespace.utf8) }) { end += 1 }
        // The whole index in one namespace (the usual case) shares the index's array.
        return start == 0 && end == rows.count ? rows : Array(rows[start..<end])
    }
}

extension FileStamp {
    /// A stamp no file has: the next scan reads the file again.
    static let unknown = FileStamp(size: -1, modifiedSeconds: 0, modifiedNanoseconds: 0, inode: 0)
}

/// The last few files parsed, so opening services of one large file does not parse it again.
struct ParsedFileCache: Sendable {
    private var entries: [(path: String, hash: UInt64, file: ManifestFile)] = []
    private let capacity = 4

    mutating func get(_ path: String, hash: UInt64) -> ManifestFile? {
        guard let i = entries.firstIndex(where: { $0.path == path && $0.hash == hash }) else { return nil }
        let entry = entries.remove(at: i)
        entries.append(entry)
        return entry.file
    }

    mutating func put(_ path: String, hash: UInt64, file: ManifestFile) {
        remove(path)
        entries.append((path, hash, file))
        if entries.count > capacity { entries.removeFirst() }
    }

    mutating func remove(_ path: String) {
        entries.removeAll { $0.path == path }
    }
}
