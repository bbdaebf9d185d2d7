#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore

/// The cluster backend: Services, their endpoints, workloads and events through the
/// Kubernetes REST API, with the user's kubeconfig.
///
/// Lists are paginated (`limit`/`continue`); creates go through `dryRun=All` when asked;
/// updates and deletes carry the resourceVersion that was read, so a concurrent change comes
/// back as `.conflict` with the current object and is never overwritten. API `Status`
/// errors become `StoreError`s, 422 causes become `FieldError`s with the server's paths.
package final class ClusterBackend: Backend, Sendable {
    package let info: BackendInfo
    /// The kubeconfig context in use.
    package let context: ClusterContext
    /// `-n`, else the context's namespace, else `default`.
    package let defaultNamespace: String
    /// The kubeconfig it came from, for `backend(forContext:)`.
    package let kubeconfig: Kubeconfig?
    let transport: APITransport
    let options: ClusterOptions
    /// The last backend counts a list saw, for rows the watch upserts.
    let countCache = CountCache()
    /// The nodes, listed and watched once a detail first asks (`nodes()`).
    let nodeCache = NodeCache()

    /// A backend for `context`. Fails when the kubeconfig entry cannot be used (bad server
    /// URL, unreadable certificate or key).
    package init(context: ClusterContext, namespace: String? = nil, kubeconfig: Kubeconfig? = nil,
                options: ClusterOptions = ClusterOptions()) throws(KubeconfigError) {
        self.context = context
        self.kubeconfig = kubeconfig
        self.options = options
        defaultNamespace = namespace ?? context.namespace ?? "default"
        transport = try APITransport(context: context, options: options)
        info = BackendInfo(
            kind: .cluster, location: "\(context.name) (\(context.cluster.server))",
            warning: transport.tls.verificationOff
                ? "TLS verification is off for \(context.clusterName) (insecure-skip-tls-verify): the server is not authenticated"
                : nil)
    }

    /// The backend of `context` (default: `current-context`) in `kubeconfig`.
    package convenience init(kubeconfig: Kubeconfig, context: String? = nil, namespace: String? = nil,
                            options: ClusterOptions = ClusterOptions()) throws(KubeconfigError) {
        try self.init(context: kubeconfig.resolve(context: context), namespace: namespace, kubeconfig: kubeconfig, options: options)
    }

    /// A backend for another context of the same kubeconfig (the TUI's `:ctx NAME`); it
    /// starts in that context's namespace.
    package func backend(forContext name: String) throws(KubeconfigError) -> ClusterBackend {
        guard let kubeconfig else { throw .unknownContext(name, known: [context.name]) }
        return try ClusterBackend(kubeconfig: kubeconfig, context: name, options: options)
    }

    /// How many times the exec credential plugin ran (it is cached until it expires).
    package var execPluginRuns: Int {
        get async { await transport.credentials.execRuns }
    }

    // MARK: Reading

    /// Every namespace; when the user may not list namespaces, the context's own.
    package func namespaces() async throws(StoreError) -> [String] {
        do {
            let items = try await list(.namespaces, namespace: nil).items
            return items.compactMap { $0["metadata"]?["name"]?.scalarText }.sorted()
        } catch .forbidden {
            return [defaultNamespace]
        }
    }

    package func services(in scope: NamespaceScope) async throws(StoreError) -> [ServiceSummary] {
        try await serviceList(in: scope).rows
    }

    package func service(_ id: ServiceID) async throws(StoreError) -> StoredService {
        let path = APIResource.services.path(namespace: id.namespace, name: id.name)
        let response = try await transport.send(.get(path))
        guard response.isSuccess, let object = response.json else {
            throw StoreError.from(response, APIOperation(verb: "get", resource: "services", id: id))
        }
        return Self.stored(object)
    }

    package func workloads(in namespace: String) async throws(StoreError) -> [Workload] {
        var result: [Workload] = []
        for resource in [APIResource.deployments, .statefulSets, .daemonSets] {
            do {
                let items = try await list(resource, namespace: namespace).items
                result += items.compactMap { Workload(manifest: Self.typed($0, as: resource), defaultNamespace: namespace) }
            } catch .forbidden {
                continue
            }
        }
        return result
    }


    /// The events about a service, oldest first.
    package func events(for service: StoredService) async throws(StoreError) -> [ObjectEvent] {
        let selector = "involvedObject.kind=Service,involvedObject.name=\(service.name)"
        let items = try await list(.events, namespace: service.namespace, query: [("fieldSelector", selector)]).items
        return items.map(Self.event).sorted { ($0.lastSeen ?? .distantPast) < ($1.lastSeen ?? .distantPast) }
    }

    /// Asks the server (SelfSubjectAccessReview) whether the user may `verb` `resource` in
    /// `namespace`. When the server cannot say, the answer is true: the action stays
    /// visible and the server has the last word.
    /// A cluster reads no files, so it has none to report.
    package func problems() async throws(StoreError) -> [ManifestParseError] { [] }

    package func can(_ verb: String, resource: String, namespace: String) async -> Bool {
        let review = ManifestNode.mapping([
            "kind": .string("SelfSubjectAccessReview"),
            "apiVersion": .string("authorization.k8s.io/v1"),
            "spec": .mapping([
                "resourceAttributes": .mapping([
                    "namespace": .string(namespace), "verb": .string(verb),
                    "group": .string(APIResource.group(of: resource)), "resource": .string(resource),
                ]),
            ]),
        ])
        let request = APIRequest(method: .post, path: APIResource.selfSubjectAccessReviews.path(), body: review)
        guard let response = try? await transport.send(request), response.isSuccess,
              let allowed = response.json?["status"]?["allowed"]?.bool else { return true }
        return allowed
    }

    // MARK: Writing

    /// Creates the service; with `dryRun` the server checks, defaults and allocates
    /// (`?dryRun=All`) but stores nothing.
    package func create(_ manifest: ManifestNode, dryRun: Bool) async throws(StoreError) -> StoredService {
        let body = Self.typed(manifest, as: .services)
        let id = identity(of: body)
        let request = APIRequest(method: .post, path: APIResource.services.path(namespace: id.namespace),
                                 query: dryRun ? [("dryRun", "All")] : [], body: body)
        let response = try await transport.send(request)
        guard response.isSuccess, let object = response.json else {
            throw StoreError.from(response, APIOperation(verb: "create", resource: "services", id: id))
        }
        return Self.stored(object)
    }

    /// Replaces the service (PUT) if its resourceVersion is still `version`; otherwise
    /// `.conflict` with the current object. A service deleted since it was read is
    /// `.notFound`: it is looked up first, because a PUT would create it again.
    /// The API server stores objects, not text: the manifest the text reads as is sent.
    package func update(_ manifest: ManifestNode, writing text: ManifestText,
                       expecting version: String) async throws(StoreError) -> StoredService {
        try await update(manifest, expecting: version)
    }

    package func update(_ manifest: ManifestNode, expecting version: String) async throws(StoreError) -> StoredService {
        var body = Self.typed(manifest, as: .services)
        body.set("metadata.resourceVersion", to: .string(version))
        let id = identity(of: body)
        let current = try await service(id)
        guard current.version == version else { throw .conflict(id, current: current) }
        let request = APIRequest(method: .put, path: APIResource.services.path(namespace: id.namespace, name: id.name), body: body)
        let response = try await transport.send(request)
        guard response.isSuccess, let object = response.json else {
            throw await withCurrent(StoreError.from(response, APIOperation(verb: "update", resource: "services", id: id)))
        }
        return Self.stored(object)
    }

    /// Deletes the service; with `version`, only if it is still that version.
    package func delete(_ id: ServiceID, expecting version: String?) async throws(StoreError) {
        var options: [ManifestEntry] = [
            ManifestEntry(key: "kind", value: .string("DeleteOptions")),
            ManifestEntry(key: "apiVersion", value: .string("v1")),
        ]
        if let version {
            options.append(ManifestEntry(key: "preconditions", value: .mapping(["resourceVersion": .string(version)])))
        }
        let request = APIRequest(method: .delete, path: APIResource.services.path(namespace: id.namespace, name: id.name),
                                 body: .mapping(options))
        let response = try await transport.send(request)
        guard response.isSuccess else {
            throw await withCurrent(StoreError.from(response, APIOperation(verb: "delete", resource: "services", id: id)))
        }
    }

    // MARK: Watching

    /// The services of `scope`: first `.reset` with the list, then each change as the
    /// server reports it. A dropped watch resumes from the last resourceVersion; an expired
    /// one (410) lists again and sends `.reset`; while the server cannot be reached,
    /// `.failed` and retries with backoff. Ends only when the consumer stops.
    package func changes(in scope: NamespaceScope) -> AsyncStream<StoreEvent> {
        let (stream, continuation) = AsyncStream<StoreEvent>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let task = Task { await ServiceWatch(backend: self, scope: scope, continuation: continuation).run() }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    // MARK: Helpers

    /// All pages of a list, and the list's resourceVersion. A continue token that expired
    /// (410) starts the list over once.
    func list(_ resource: APIResource, namespace: String?, query: [(name: String, value: String)] = [],
              retrying: (@Sendable (StoreError) -> Void)? = nil) async throws(StoreError) -> (items: [ManifestNode], resourceVersion: String) {
        var items: [ManifestNode] = []
        let resourceVersion = try await pages(of: resource, namespace: namespace, query: query, retrying: retrying) { page in
            if page.first { items = [] }
            items += page.items
        }
        return (items, resourceVersion)
    }

    /// One page of a list.
    struct ListPage {
        var items: [ManifestNode]
        /// The first page of the list (again, after an expired continue token).
        var first: Bool
        /// The server's estimate of the items after this page; nil on the last page and
        /// when the server does not say.
        var remaining: Int?
    }

    /// Reads a list page by page, handing each to `receive` as it arrives, and returns the
    /// list's resourceVersion. The members `skipping` names are not decoded. A continue
    /// token that expired (410) starts the list over once: `receive` gets `first` again.
    func pages(of resource: APIResource, namespace: String?, query: [(name: String, value: String)] = [],
               skipping: JSONPrune? = nil, retrying: (@Sendable (StoreError) -> Void)? = nil,
               _ receive: (ListPage) -> Void) async throws(StoreError) -> String {
        var resourceVersion = ""
        var token: String?
        var restarted = false
        let transport = transport
        let path = resource.path(namespace: namespace)
        let limit = String(options.pageSize)
        let pageQuery = { (token: String?) in query + [("limit", limit)] + (token.map { [("continue", $0)] } ?? []) }
        // The next page is asked for while this one is decoded: the continue token is read
        // first, without the items, so the server's work and ours overlap.
        var prefetch: (token: String, answer: Task<Result<APIResponse, StoreError>, Never>)?
        defer { prefetch?.answer.cancel() }
        // Not `repeat … while token != nil`: its `continue` after a 410 would test the
        // cleared token and end the list after its first pages.
        while true {
            let ahead = prefetch
            prefetch = nil
            let response: APIResponse
            if let ahead, ahead.token == token {
                response = try await ahead.answer.value.get()
            } else {
                ahead?.answer.cancel()
                response = try await transport.send(.get(path, pageQuery(token)), retrying: retrying)
            }
            if response.status == 410, token != nil, !restarted {
                restarted = true
                token = nil
                continue
            }
            if response.isSuccess, let next = Self.continueToken(of: response) {
                let request = APIRequest.get(path, pageQuery(next))
                prefetch = (next, Task {
                    do throws(StoreError) { return .success(try await transport.send(request, retrying: retrying)) } catch { return .failure(error) }
                })
            }
            guard response.isSuccess, let page = Self.json(response, skipping: skipping) else {
                throw StoreError.from(response, APIOperation(verb: "list", resource: resource.plural, namespace: namespace))
            }
            let first = token == nil
            if first { resourceVersion = page["metadata"]?["resourceVersion"]?.scalarText ?? "" }
            token = page["metadata"]?["continue"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            receive(ListPage(items: page["items"]?.items ?? [], first: first,
                             remaining: token == nil ? nil : page["metadata"]?["remainingItemCount"]?.int))
            if token == nil { return resourceVersion }
        }
    }

    /// A list page's continue token, read with its items skipped; nil on the last page.
    static func continueToken(of response: APIResponse) -> String? {
        let head = try? ManifestReader.parseJSON(bytes: response.body, skipping: .members(["items": .skip]))
        return head?["metadata"]?["continue"]?.string.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func json(_ response: APIResponse, skipping: JSONPrune?) -> ManifestNode? {
        guard let skipping else { return response.json }
        return try? ManifestReader.parseJSON(bytes: response.body, skipping: skipping)
    }

    /// What a service list row never needs: the field managers and kubectl's copy of the
    /// applied manifest are most of a listed Service's bytes.
    package static let rowPrune = JSONPrune.members(["items": .members(["*": .members(["metadata": .members([
        "managedFields": .skip,
        "annotations": .members(["kubectl.kubernetes.io/last-applied-configuration": .skip]),
    ])])])])

    /// The services of `scope` as rows with their backend counts, and the list's version.
    /// Pages are made rows as they arrive; while more are to come, `progress` gets the rows
    /// so far (in the API's order: namespace, then name) and the server's estimate of the
    /// whole list's length.
    func serviceList(in scope: NamespaceScope, retrying: (@Sendable (StoreError) -> Void)? = nil,
                     progress: (([ServiceSummary], Int) -> Void)? = nil)
        async throws(StoreError) -> (rows: [ServiceSummary], resourceVersion: String) {
        let namespace = scope.namespace
        var rows: [ServiceSummary] = []
        let resourceVersion = try await pages(of: .services, namespace: namespace, skipping: Self.rowPrune,
                                              retrying: retrying) { page in
            if page.first { rows = [] }
            rows.reserveCapacity(rows.count + page.items.count + (page.remaining ?? 0))
            rows += page.items.map(Self.row)
            if let remaining = page.remaining { progress?(rows, rows.count + remaining) }
        }
        let counts = await backendCounts(in: namespace, services: rows)
        if let counts {
            await countCache.replace(counts)
            for index in rows.indices where rows[index].kind != .headlessExternalName {
                rows[index].backends = counts[rows[index].id] ?? ServiceSummary.BackendCount(ready: 0, total: 0)
            }
        }
        return (rows, resourceVersion)
    }

    /// A conflict with the object as it is now, when it can be read.
    private func withCurrent(_ error: StoreError) async -> StoreError {
        guard case let .conflict(id, nil) = error else { return error }
        return .conflict(id, current: try? await service(id))
    }

    /// The service a request body names; without a namespace, the backend's default.
    private func identity(of body: ManifestNode) -> ServiceID {
        ServiceID(namespace: body["metadata"]?["namespace"]?.scalarText ?? defaultNamespace,
                  name: body["metadata"]?["name"]?.scalarText ?? "")
    }

    /// API list items have no kind/apiVersion; objects handed on say what they are.
    static func typed(_ object: ManifestNode, as resource: APIResource) -> ManifestNode {
        guard object.isMapping else { return object }
        var entries = object.entries ?? []
        entries.removeAll { $0.key == "kind" || $0.key == "apiVersion" }
        entries.insert(ManifestEntry(key: "apiVersion", value: .string(resource.apiVersion)), at: 0)
        entries.insert(ManifestEntry(key: "kind", value: .string(resource.kind)), at: 0)
        return ManifestNode(.mapping(entries))
    }

    /// A list row of an API object, with the resourceVersion a delete from it expects.
    static func row(_ object: ManifestNode) -> ServiceSummary {
        var row = ServiceSummary(manifest: object)
        row.version = object["metadata"]?["resourceVersion"]?.scalarText
        return row
    }

    static func stored(_ object: ManifestNode) -> StoredService {
        let typed = typed(object, as: .services)
        let id = ServiceID(manifest: typed)
        let path = APIResource.services.path(namespace: id.namespace, name: id.name)
        return StoredService(manifest: typed, version: typed["metadata"]?["resourceVersion"]?.scalarText ?? "", location: path)
    }

    static func event(_ object: ManifestNode) -> ObjectEvent {
        func date(_ node: ManifestNode?) -> Date? { node?.string.flatMap(ServiceSummary.parseTimestamp) }
        let eventTime = date(object["eventTime"])
        return ObjectEvent(
            type: object["type"]?.scalarText ?? "Normal",
            reason: object["reason"]?.scalarText ?? "",
            message: object["message"]?.scalarText ?? "",
            count: object["count"]?.int ?? object["series"]?["count"]?.int ?? 1,
            firstSeen: date(object["firstTimestamp"]) ?? eventTime,
            lastSeen: date(object["lastTimestamp"]) ?? date(object["series"]?["lastObservedTime"]) ?? eventTime,
            source: object["source"]?["component"]?.scalarText ?? object["reportingComponent"]?.scalarText
                ?? object["reportingController"]?.scalarText ?? "")
    }
}

/// Backend counts shared between lists and the watch that follows them.
actor CountCache {
    private var counts: [ServiceID: ServiceSummary.BackendCount] = [:]

    func replace(_ new: [ServiceID: ServiceSummary.BackendCount]) { counts = new }
    func count(for id: ServiceID) -> ServiceSummary.BackendCount? { counts[id] }
}

extension NamespaceScope {
    /// The namespace of a named scope; nil for all namespaces.
    var namespace: String? {
        if case .named(let name) = self { return name }
        return nil
    }
}
