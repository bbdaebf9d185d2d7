import AsyncHTTPClient
import Foundation
import NIOCore
import ServiceModel
import ServiceStore

/// The cluster's nodes as the last list and the watch after it left them: one list and one
/// watch for the whole session, started by the first detail that asks.
actor NodeCache {
    private var nodes: [String: ClusterNode] = [:]
    private var state: NodeAddresses = .unknown(.loading)
    private var started = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// True the first time only: the caller then starts the watch.
    func claimStart() -> Bool {
        defer { started = true }
        return !started
    }

    var current: NodeAddresses { state }

    /// Waits until the first list (or refusal) answers, at most `timeout`.
    func waitForAnswer(timeout: Duration) async {
        guard state == .unknown(.loading) else { return }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.wakeWaiters()
        }
        await withCheckedContinuation { waiting.append($0) }
        timer.cancel()
    }

    func replace(_ listed: [ClusterNode]) {
        nodes = Dictionary(listed.map { ($0.name, $0) }) { _, last in last }
        publish()
    }

    func upsert(_ node: ClusterNode) {
        nodes[node.name] = node
        publish()
    }

    func remove(_ name: String) {
        nodes[name] = nil
        publish()
    }

    /// The nodes cannot be read: said only while none are known (known ones stay shown).
    func unknown(_ why: NodeAddresses.Unknown) {
        if case .known = state, why != .notAllowed { return }
        state = .unknown(why)
        wakeWaiters()
    }

    private func publish() {
        state = .known(nodes.values.sorted { $0.name < $1.name })
        wakeWaiters()
    }

    private func wakeWaiters() {
        let all = waiting
        waiting = []
        for continuation in all { continuation.resume() }
    }
}

extension ClusterBackend {
    /// The nodes for node port addresses: listed and then watched when RBAC allows both,
    /// else why not. The first call starts the watch and waits for its list (at most the
    /// backend's patience).
    package func nodes() async -> NodeAddresses {
        if await nodeCache.claimStart() {
            let cache = nodeCache
            Task { [weak self] in await Self.watchNodes(of: { [weak self] in self }, into: cache) }
        }
        await nodeCache.waitForAnswer(timeout: options.patience)
        return await nodeCache.current
    }

    /// List, then watch from the list's version, again after the watch ends, until the
    /// backend is gone (`backend` answers nil: it is held only while a round runs). A
    /// refusal stops it; failures retry with backoff.
    private static func watchNodes(of backend: @escaping @Sendable () -> ClusterBackend?, into cache: NodeCache) async {
        guard let options = backend()?.options, await allowed(backend) else {
            await cache.unknown(.notAllowed)
            return
        }
        let backoff = Backoff(base: options.retryDelay, cap: options.maxRetryDelay)
        var failures = 0
        while !Task.isCancelled, let backend = backend() {
            do throws(StoreError) {
                let (items, version) = try await backend.list(.nodes, namespace: nil)
                await cache.replace(items.map(ClusterNode.init(manifest:)))
                failures = 0
                try await backend.streamNodes(from: version, into: cache)
                try? await options.clock.sleep(options.retryDelay)
            } catch .forbidden {
                await cache.unknown(.notAllowed)
                return
            } catch {
                failures += 1
                await cache.unknown(.failed(error.message(in: .en)))
                try? await options.clock.sleep(backoff.delay(retry: failures, random: options.clock.random()))
            }
        }
    }

    /// Whether RBAC lets the user list and watch nodes (SelfSubjectAccessReview).
    private static func allowed(_ backend: @Sendable () -> ClusterBackend?) async -> Bool {
        guard let backend = backend() else { return false }
        guard await backend.can("list", resource: "nodes", namespace: "") else { return false }
        return await backend.can("watch", resource: "nodes", namespace: "")
    }

    /// Applies the node watch's events until it ends (timeout, drop or 410).
    private func streamNodes(from version: String, into cache: NodeCache) async throws(StoreError) {
        let query: [(name: String, value: String)] = [
            ("watch", "1"), ("resourceVersion", version), ("timeoutSeconds", String(options.watchTimeoutSeconds)),
        ]
        let response = try await transport.stream(.get(APIResource.nodes.path(), query))
        guard response.status.code == 200 else { return }
        var lines = WatchLineDecoder()
        do {
            for try await chunk in response.body {
                for line in lines.append(chunk) {
                    guard let event = try? ManifestReader.parse(bytes: line, format: .json).documents.first?.root,
                          let type = event["type"]?.string, let object = event["object"] else { continue }
                    switch type {
                    case "ADDED", "MODIFIED": await cache.upsert(ClusterNode(manifest: object))
                    case "DELETED": await cache.remove(object["metadata"]?["name"]?.scalarText ?? "")
                    case "ERROR": return
                    default: break
                    }
                }
            }
        } catch {
            // A dropped connection: the caller lists again.
        }
    }
}
