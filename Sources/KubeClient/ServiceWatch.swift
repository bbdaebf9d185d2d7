import AsyncHTTPClient
import Foundation
import NIOCore
import ServiceModel
import ServiceStore

/// One `changes(in:)` stream: list, then watch from the list's resourceVersion, forever.
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

    func run() async {
        var failures = 0
        var resourceVersion: String?
        while !Task.isCancelled {
            do throws(StoreError) {
                if resourceVersion == nil {
                    let (rows, version) = try await backend.serviceList(in: scope)
                    continuation.yield(.reset(rows))
                    resourceVersion = version
                }
                let ending = try await watch(from: resourceVersion ?? "") { resourceVersion = $0 }
                failures = 0
                if ending == .expired {
                    resourceVersion = nil
                } else {
                    // Not at once: a server that ends every watch at once is not hammered.
                    try? await Task.sleep(nanoseconds: UInt64(backend.options.retryDelay.nanoseconds))
                }
            } catch {
                if Task.isCancelled { break }
                failures += 1
                if failures == 1, resourceVersion != nil, case .unreachable = error {
                    // A watch that fails to reopen right after a drop is usually a pooled
                    // connection the server already closed: try once more before alarming anyone.
                    try? await Task.sleep(nanoseconds: 100_000_000)
                    continue
                }
                // Start again with a list: its `.reset` also tells the screen that the
                // failure is over.
                resourceVersion = nil
                continuation.yield(.failed(error))
                await pause(failures)
            }
        }
        continuation.finish()
    }

    /// Streams watch events from `resourceVersion` until the connection ends. Throws when
    /// the watch cannot be opened.
    private func watch(from resourceVersion: String, seen: (String) -> Void) async throws(StoreError) -> Ending {
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
            throw StoreError.from(answer, APIOperation(verb: "watch", resource: "services", namespace: scope.namespace))
        }
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
            var row = ServiceSummary(manifest: object)
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

    private func pause(_ failures: Int) async {
        let options = backend.options
        let delay = min(options.retryDelay.seconds * pow(2, Double(failures - 1)), options.maxRetryDelay.seconds)
        try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
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
