import AsyncHTTPClient
import Foundation
import NIOCore
import ServiceModel
import ServiceStore

/// One `changes(in:)` stream: list, then watch from the list's resourceVersion, forever.
///
/// The screen hears of a failure when a list or watch fails, or when it has not succeeded
/// within `patience` (while it keeps waiting or retrying): then with the reason of the last
/// failed try, else that there is no answer yet. A fault that a quick retry heals is not
/// shown. After a failure the screen hears that it is over only from a fresh list
/// (`.reset`), so a failure is never left on screen after the cluster answers again.
struct ServiceWatch: Sendable {
    let backend: ClusterBackend
    let scope: NamespaceScope
    let continuation: AsyncStream<StoreEvent>.Continuation

    /// How a watch connection ended.
    private enum Ending {
        /// The server closed it (timeout) or the connection dropped: watch again from here.
        case dropped
        /// The resourceVersion is too old (410): list again.
        case expired
    }

    /// What opening a watch got.
    private enum Opening {
        case opened(HTTPClientResponse)
        /// The resourceVersion is too old (410): list again.
        case expired
        /// An error status; `retryAfter` from a 429 or 503.
        case refused(StoreError, retryAfter: Duration?)
    }

    func run() async {
        let reporter = WatchReporter(continuation)
        let options = backend.options
        let backoff = Backoff(base: options.retryDelay, cap: options.maxRetryDelay)
        var failures = 0
        var resourceVersion: String?
        // Only the first list is shown page by page: a relist replaces rows already on screen.
        var listed = false
        while !Task.isCancelled {
            var retryAfter: Duration?
            let started = ContinuousClock.now
            do throws(StoreError) {
                if resourceVersion == nil {
                    let progress: (([ServiceSummary], Int) -> Void)? = listed ? nil : { reporter.loading($0, expected: $1) }
                    let (rows, version) = try await patiently(reporter) { gate async throws(StoreError) in
                        try await backend.serviceList(in: scope, retrying: { gate.note($0) }, progress: progress)
                    }
                    reporter.listed(rows)
                    listed = true
                    resourceVersion = version
                }
                switch try await patiently(reporter, { _ async throws(StoreError) in try await open(from: resourceVersion ?? "") }) {
                case .expired:
                    resourceVersion = nil
                case let .refused(error, after):
                    retryAfter = after
                    throw error
                case .opened(let response):
                    if reporter.isFailing {
                        // The screen shows a failure: a fresh list is what tells it that it is over.
                        resourceVersion = nil
                        continue
                    }
                    // Only a watch that opens ends the backoff: a server that lists but refuses
                    // watches is asked less and less often.
                    failures = 0
                    if try await stream(response, seen: { resourceVersion = $0 }) == .expired {
                        resourceVersion = nil
                    } else {
                        // Not at once: a server that ends every watch at once is not hammered.
                        try? await options.clock.sleep(options.retryDelay)
                    }
                }
            } catch {
                if Task.isCancelled { break }
                failures += 1
                if failures == 1, resourceVersion != nil, !reporter.isFailing, case .unreachable = error,
                   started.duration(to: .now) < .seconds(1) {
                    // A watch that fails to reopen at once right after a drop is usually a pooled
                    // connection the server already closed: one quick try more before alarming anyone.
                    try? await options.clock.sleep(.milliseconds(100))
                    continue
                }
                // Start again with a list: its `.reset` also tells the screen that the failure is over.
                resourceVersion = nil
                reporter.failed(error)
                try? await options.clock.sleep(backoff.delay(retry: failures, retryAfter: retryAfter, random: options.clock.random()))
            }
        }
        continuation.finish()
    }

    /// Runs `operation`; when it has not succeeded within `patience`, the screen is told why
    /// (the last retry's reason the operation notes in the gate, else no answer yet) while it
    /// goes on: a stalled server, a connection that never completes, a server that refuses.
    private func patiently<T>(_ reporter: WatchReporter,
                              _ operation: (NoticeGate) async throws(StoreError) -> T) async throws(StoreError) -> T {
        let options = backend.options
        let waiting = StoreError.unreachable(
            message: "\(backend.transport.endpoint): no answer for \(Int(options.patience.seconds.rounded(.up))) s, still waiting")
        let gate = NoticeGate(reporter, waiting: waiting)
        // Real time, not the retry clock: this is about what the user waits through.
        let notice = Task {
            try await Task.sleep(for: options.patience)
            gate.patienceOver()
        }
        defer {
            // Closed before anything after this reaches the screen: a late notice cannot
            // follow the list that ended the wait.
            gate.close()
            notice.cancel()
        }
        return try await operation(gate)
    }

    /// Opens a watch from `resourceVersion`. Throws when there is no answer.
    private func open(from resourceVersion: String) async throws(StoreError) -> Opening {
        let query: [(name: String, value: String)] = [
            ("watch", "1"), ("resourceVersion", resourceVersion), ("allowWatchBookmarks", "true"),
            ("timeoutSeconds", String(backend.options.watchTimeoutSeconds)),
        ]
        let response = try await backend.transport.stream(.get(APIResource.services.path(namespace: scope.namespace), query))
        guard response.status.code == 200 else {
            var body = (try? await response.body.collect(upTo: 1024 * 1024)) ?? ByteBuffer()
            let answer = APIResponse(status: Int(response.status.code), headers: response.headers,
                                     body: body.readBytes(length: body.readableBytes) ?? [])
            if answer.status == 410 { return .expired }
            return .refused(StoreError.from(answer, APIOperation(verb: "watch", resource: "services", namespace: scope.namespace)),
                            retryAfter: [429, 503].contains(answer.status) ? answer.retryAfter() : nil)
        }
        return .opened(response)
    }

    /// Streams watch events until the connection ends.
    private func stream(_ response: HTTPClientResponse, seen: (String) -> Void) async throws(StoreError) -> Ending {
        var lines = WatchLineDecoder()
        do {
            for try await chunk in response.body {
                for line in lines.append(chunk) {
                    if try await handle(line, seen: seen) == .expired { return .expired }
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            // A dropped connection: resume from the last resourceVersion seen.
        }
        return .dropped
    }

    private enum Outcome { case going, expired }

    private func handle(_ line: [UInt8], seen: (String) -> Void) async throws(StoreError) -> Outcome {
        guard let event = try? ManifestReader.parse(bytes: line, format: .json).documents.first?.root,
              let type = event["type"]?.string, let object = event["object"] else { return .going }
        if let version = object["metadata"]?["resourceVersion"]?.scalarText, type != "ERROR" { seen(version) }
        switch type {
        case "ADDED", "MODIFIED":
            var row = ClusterBackend.row(object)
            if row.kind != .headlessExternalName { row.backends = await backend.countCache.count(for: row.id) }
            continuation.yield(.upserted(row))
        case "DELETED":
            continuation.yield(.deleted(ServiceID(manifest: object)))
        case "ERROR":
            let status = APIStatus(object)
            if status?.code == 410 || status?.reason == "Expired" || status?.reason == "Gone" { return .expired }
            throw StoreError.server(code: status?.code ?? 500, reason: status?.reason ?? "InternalError",
                                    message: status?.message ?? "the watch failed")
        default:
            break
        }
        return .going
    }
}

/// Splits a chunked watch body into lines; a line may span chunks, a chunk may hold several.
struct WatchLineDecoder {
    private var pending: [UInt8] = []

    mutating func append(_ chunk: ByteBuffer) -> [[UInt8]] {
        pending += chunk.readableBytesView
        var lines: [[UInt8]] = []
        var start = 0
        while let newline = pending[start...].firstIndex(of: 0x0A) {
            let line = Array(pending[start..<newline])
            if !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { lines.append(line) }
            start = newline + 1
        }
        pending.removeFirst(start)
        return lines
    }
}

/// What the watch tells the screen about failures, in order, and whether one is showing.
final class WatchReporter: @unchecked Sendable {
    private let continuation: AsyncStream<StoreEvent>.Continuation
    private let lock = NSLock()
    private var failing = false

    init(_ continuation: AsyncStream<StoreEvent>.Continuation) {
        self.continuation = continuation
    }

    /// A failure the screen should show (the rows stay).
    func failed(_ error: StoreError) {
        lock.withLock {
            failing = true
            continuation.yield(.failed(error))
        }
    }

    /// A list arrived: the rows, and the end of any failure.
    func listed(_ rows: [ServiceSummary]) {
        lock.withLock {
            failing = false
            continuation.yield(.reset(rows))
        }
    }

    /// The first pages of the first list.
    func loading(_ rows: [ServiceSummary], expected: Int) {
        lock.withLock { _ = continuation.yield(.loading(rows, expected: expected)) }
    }

    var isFailing: Bool { lock.withLock { failing } }
}

/// One wait for the server: what it tells the screen once patience is over, and only while
/// the wait is still going on.
final class NoticeGate: @unchecked Sendable {
    private let reporter: WatchReporter
    private let waiting: StoreError
    private let lock = NSLock()
    private var open = true
    private var told = false
    private var lastFailure: StoreError?

    init(_ reporter: WatchReporter, waiting: StoreError) {
        self.reporter = reporter
        self.waiting = waiting
    }

    /// A try failed and is retried: said at once when patience is already over.
    func note(_ failure: StoreError) {
        lock.withLock {
            lastFailure = failure
            if open, told { reporter.failed(failure) }
        }
    }

    func patienceOver() {
        lock.withLock {
            guard open else { return }
            told = true
            reporter.failed(lastFailure ?? waiting)
        }
    }

    func close() {
        lock.withLock { open = false }
    }
}
