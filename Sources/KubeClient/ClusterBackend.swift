import Foundation
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

    package func service(named name: String, in namespace: String) async throws(StoreError) -> StoredService {
        let path = APIResource.services.path(namespace: namespace, name: name)
        let response = try await transport.send(.get(path))
        guard response.isSuccess, let object = response.json else {
            throw StoreError.from(response, APIOperation(verb: "get", resource: "services", name: name, namespace: namespace))
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

    /// The service's endpoints (EndpointSlices, or Endpoints on clusters without them), each
    /// ready or not with its pod and node, and the workloads its selector matches.
    package func backends(of service: StoredService) async throws(StoreError) -> BackendStatus {
        let endpoints = try await endpoints(of: service.name, in: service.namespace)
        let selector = service.manifest["spec"]?["selector"]?.stringPairs ?? []
        var workloads: [Workload] = []
        if !selector.isEmpty {
            workloads = ((try? await self.workloads(in: service.namespace)) ?? []).filter { $0.matches(selector: selector) }
        }
        return BackendStatus(workloads: workloads, endpoints: endpoints)
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
        let name = body["metadata"]?["name"]?.scalarText ?? ""
        let namespace = body["metadata"]?["namespace"]?.scalarText ?? defaultNamespace
        let request = APIRequest(method: .post, path: APIResource.services.path(namespace: namespace),
                                 query: dryRun ? [("dryRun", "All")] : [], body: body)
        let response = try await transport.send(request)
        guard response.isSuccess, let object = response.json else {
            throw StoreError.from(response, APIOperation(verb: "create", resource: "services", name: name, namespace: namespace))
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
        let name = body["metadata"]?["name"]?.scalarText ?? ""
        let namespace = body["metadata"]?["namespace"]?.scalarText ?? defaultNamespace
        let current = try await service(named: name, in: namespace)
        guard current.version == version else { throw .conflict(name: name, namespace: namespace, current: current) }
        let request = APIRequest(method: .put, path: APIResource.services.path(namespace: namespace, name: name), body: body)
        let response = try await transport.send(request)
        guard response.isSuccess, let object = response.json else {
            throw await withCurrent(StoreError.from(response, APIOperation(verb: "update", resource: "services", name: name, namespace: namespace)))
        }
        return Self.stored(object)
    }

    /// Deletes the service; with `version`, only if it is still that version.
    package func delete(named name: String, in namespace: String, expecting version: String?) async throws(StoreError) {
        var options: [ManifestEntry] = [
            ManifestEntry(key: "kind", value: .string("DeleteOptions")),
            ManifestEntry(key: "apiVersion", value: .string("v1")),
        ]
        if let version {
            options.append(ManifestEntry(key: "preconditions", value: .mapping(["resourceVersion": .string(version)])))
        }
        let request = APIRequest(method: .delete, path: APIResource.services.path(namespace: namespace, name: name),
                                 body: .mapping(options))
        let response = try await transport.send(request)
        guard response.isSuccess else {
            throw await withCurrent(StoreError.from(response, APIOperation(verb: "delete", resource: "services", name: name, namespace: namespace)))
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
        repeat {
            var pageQuery = query + [("limit", String(options.pageSize))]
            if let token { pageQuery.append(("continue", token)) }
            let response = try await transport.send(.get(resource.path(namespace: namespace), pageQuery), retrying: retrying)
            if response.status == 410, token != nil, !restarted {
                restarted = true
                token = nil
                continue
            }
            guard response.isSuccess, let page = Self.json(response, skipping: skipping) else {
                throw StoreError.from(response, APIOperation(verb: "list", resource: resource.plural, namespace: namespace))
            }
            let first = token == nil
            if first { resourceVersion = page["metadata"]?["resourceVersion"]?.scalarText ?? "" }
            token = page["metadata"]?["continue"]?.string.flatMap { $0.isEmpty ? nil : $0 }
            receive(ListPage(items: page["items"]?.items ?? [], first: first,
                             remaining: token == nil ? nil : page["metadata"]?["remainingItemCount"]?.int))
        } while token != nil
        return resourceVersion
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
        let counts = await backendCounts(in: namespace)
        if let counts {
            await countCache.replace(counts)
            for index in rows.indices where rows[index].kind != .headlessExternalName {
                rows[index].backends = counts[rows[index].id] ?? ServiceSummary.BackendCount(ready: 0, total: 0)
            }
        }
        return (rows, resourceVersion)
    }

    /// Ready and total endpoints per service, from one EndpointSlice list (or one Endpoints
    /// list on clusters without slices); nil when neither can be read.
    func backendCounts(in namespace: String?) async -> [ServiceID: ServiceSummary.BackendCount]? {
        var readiness: [ServiceID: [String: Bool]] = [:]
        do {
            let slices = try await list(.endpointSlices, namespace: namespace).items
            for slice in slices {
                guard let service = slice["metadata"]?["labels"]?["kubernetes.io/service-name"]?.scalarText else { continue }
                let id = ServiceID(namespace: slice["metadata"]?["namespace"]?.scalarText ?? namespace ?? "default", name: service)
                for endpoint in slice["endpoints"]?.items ?? [] {
                    let address = endpoint["addresses"]?[0]?.scalarText ?? ""
                    let ready = endpoint["conditions"]?["ready"]?.bool ?? true
                    readiness[id, default: [:]][address] = (readiness[id]?[address] ?? false) || ready
                }
            }
        } catch .notFound {
            guard let endpoints = try? await list(.endpoints, namespace: namespace).items else { return nil }
            for object in endpoints {
                let id = ServiceID(namespace: object["metadata"]?["namespace"]?.scalarText ?? namespace ?? "default",
                                   name: object["metadata"]?["name"]?.scalarText ?? "")
                for subset in object["subsets"]?.items ?? [] {
                    for address in subset["notReadyAddresses"]?.items ?? [] {
                        readiness[id, default: [:]][address["ip"]?.scalarText ?? ""] = false
                    }
                    for address in subset["addresses"]?.items ?? [] {
                        readiness[id, default: [:]][address["ip"]?.scalarText ?? ""] = true
                    }
                }
            }
        } catch {
            return nil
        }
        return readiness.mapValues { .init(ready: $0.values.filter { $0 }.count, total: $0.count) }
    }

    private func endpoints(of service: String, in namespace: String) async throws(StoreError) -> [BackendStatus.Endpoint] {
        do {
            let slices = try await list(.endpointSlices, namespace: namespace,
                                        query: [("labelSelector", "kubernetes.io/service-name=\(service)")]).items
            var result: [BackendStatus.Endpoint] = []
            for slice in slices {
                let port = slice["ports"]?[0]?["port"]?.int
                for endpoint in slice["endpoints"]?.items ?? [] {
                    let targetRef = endpoint["targetRef"]
                    result.append(.init(
                        address: endpoint["addresses"]?[0]?.scalarText ?? "", port: port,
                        ready: endpoint["conditions"]?["ready"]?.bool ?? true,
                        podName: targetRef?["kind"]?.string == "Pod" ? targetRef?["name"]?.scalarText : nil,
                        nodeName: endpoint["nodeName"]?.scalarText))
                }
            }
            return result
        } catch .notFound {
            let path = APIResource.endpoints.path(namespace: namespace, name: service)
            let response = try await transport.send(.get(path))
            if response.status == 404 { return [] }
            guard response.isSuccess, let object = response.json else {
                throw StoreError.from(response, APIOperation(verb: "get", resource: "endpoints", name: service, namespace: namespace))
            }
            var result: [BackendStatus.Endpoint] = []
            for subset in object["subsets"]?.items ?? [] {
                let port = subset["ports"]?[0]?["port"]?.int
                for (key, ready) in [("addresses", true), ("notReadyAddresses", false)] {
                    for address in subset[key]?.items ?? [] {
                        let targetRef = address["targetRef"]
                        result.append(.init(
                            address: address["ip"]?.scalarText ?? "", port: port, ready: ready,
                            podName: targetRef?["kind"]?.string == "Pod" ? targetRef?["name"]?.scalarText : nil,
                            nodeName: address["nodeName"]?.scalarText))
                    }
                }
            }
            return result
        }
    }

    /// A conflict with the object as it is now, when it can be read.
    private func withCurrent(_ error: StoreError) async -> StoreError {
        guard case let .conflict(name, namespace, nil) = error else { return error }
        let current = try? await service(named: name, in: namespace)
        return .conflict(name: name, namespace: namespace, current: current)
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
        let metadata = typed["metadata"]
        let path = APIResource.services.path(namespace: metadata?["namespace"]?.scalarText ?? "default",
                                             name: metadata?["name"]?.scalarText ?? "")
        return StoredService(manifest: typed, version: metadata?["resourceVersion"]?.scalarText ?? "", location: path)
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
