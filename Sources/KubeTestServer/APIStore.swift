import Foundation
import NIOConcurrencyHelpers
import ServiceModel

/// The state of the test API server and its REST semantics, without any networking: what
/// a v1.24 kube-apiserver does for the resources svcwiz uses, as the fixtures recorded it.
///
/// - One cluster-wide resourceVersion counter; every write takes the next value, no-op
///   updates and failed writes keep it.
/// - Services: defaulting, clusterIP (10.96.0.0/16) and nodePort (30000-32767) allocation,
///   dry-run placeholders, allocation errors alone before field validation (the shared
///   `ServiceValidator`), AlreadyExists, Conflict on a stale resourceVersion, create on PUT,
///   delete preconditions, allocations kept or released across type changes.
/// - Lists sorted by namespace and name, `limit`/`continue`, label and field selectors.
/// - Watches from a resourceVersion (history, then live), 410 once compacted.
/// - RBAC as recorded: `admin` may do everything; `viewer` and anonymous nothing; a user a
///   test limits (`allow(_:except:)`) everything but the resources named.
/// - Nodes (cluster-scoped) listed and watched like services.
package final class APIStore: @unchecked Sendable {
    private let lock = NIOLock()
    private var objects: [ObjectKey: ManifestNode] = [:]
    private var counter = 100
    private var history: [(version: Int, resource: String, namespace: String, event: ManifestNode)] = []
    /// Users RBAC lets do everything but these resources (admin may do everything).
    private var limitedUsers: [String: Set<String>] = [:]
    private var compactedVersion = 0
    private var watchers: [UInt64: Watcher] = [:]
    private var nextWatcher: UInt64 = 0
    private var disabledResources: Set<String> = []
    private var injected: [(code: Int, retryAfter: Int?)] = []

    /// Every request seen, in order: `METHOD path?query` (for assertions).
    private var log: [String] = []

    struct ObjectKey: Hashable, Comparable {
        var resource: String
        var namespace: String
        var name: String

        static func < (a: ObjectKey, b: ObjectKey) -> Bool {
            (a.namespace, a.name) < (b.namespace, b.name)
        }
    }

    struct Watcher {
        var resource: String
        var namespace: String?
        var bookmarks: Bool
        var send: @Sendable (ManifestNode) -> Void
        var close: @Sendable () -> Void
    }

    static let serviceNetwork: (base: UInt32, size: UInt32) = (0x0A60_0000, 1 << 16)  // 10.96.0.0/16
    static let nodePorts = 30000...32767

    /// The release this server is: its `/version`, and the rules, defaults and dropped
    /// fields of its Service writes (the shared validator with that profile).
    package let kubeVersion: KubeVersion
    /// A fresh single-stack IPv4 cluster of `kubeVersion`; node ports are checked by the
    /// allocator here, not by the validator.
    var rules: RuleSet { RuleSet.server(kubeVersion).nodePortRange(nil) }

    package init(namespaces: [String] = ["default", "kube-system", "kube-public"], kubeVersion: KubeVersion = .oldest) {
        self.kubeVersion = kubeVersion
        for namespace in namespaces { addNamespace(namespace) }
        // default/kubernetes holds 10.96.0.1, as on a real cluster.
        lock.withLock {
            counter += 1
            objects[ObjectKey(resource: "services", namespace: "default", name: "kubernetes")] = ManifestNode.mapping([
                "metadata": .mapping([
                    "name": .string("kubernetes"), "namespace": .string("default"), "uid": .string(UUID().uuidString.lowercased()),
                    "resourceVersion": .string(String(counter)), "creationTimestamp": .string(Self.now()),
                    "labels": .mapping(["component": .string("apiserver"), "provider": .string("kubernetes")]),
                ]),
                "spec": .mapping([
                    "ports": .sequence([.mapping(["name": .string("https"), "protocol": .string("TCP"), "port": .int(443), "targetPort": .int(6443)])]),
                    "clusterIP": .string("10.96.0.1"), "clusterIPs": .sequence([.string("10.96.0.1")]),
                    "type": .string("ClusterIP"), "sessionAffinity": .string("None"),
                    "ipFamilies": .sequence([.string("IPv4")]), "ipFamilyPolicy": .string("SingleStack"),
                    "internalTrafficPolicy": .string("Cluster"),
                ]),
                "status": .mapping(["loadBalancer": .mapping()]),
            ])
        }
    }

    // MARK: Test controls

    /// Adds a namespace (Active).
    package func addNamespace(_ name: String) {
        lock.withLock {
            counter += 1
            objects[ObjectKey(resource: "namespaces", namespace: "", name: name)] = ManifestNode.mapping([
                "metadata": .mapping([
                    "name": .string(name), "uid": .string(UUID().uuidString.lowercased()),
                    "resourceVersion": .string(String(counter)), "creationTimestamp": .string(Self.now()),
                    "labels": .mapping(["kubernetes.io/metadata.name": .string(name)]),
                ]),
                "spec": .mapping(["finalizers": .sequence([.string("kubernetes")])]),
                "status": .mapping(["phase": .string("Active")]),
            ])
        }
    }

    /// Stores any object as is (a Deployment, an EndpointSlice, an Event, a Service from a
    /// fixture): its kind says where. It gets a new resourceVersion and its namespace.
    package func seed(_ object: ManifestNode, namespace: String) {
        guard let kind = object["kind"]?.string, let resource = Self.resource(ofKind: kind) else { return }
        lock.withLock {
            counter += 1
            var stored = object
            stored["kind"] = nil
            stored["apiVersion"] = nil
            stored.set("metadata.namespace", to: .string(namespace))
            stored.set("metadata.resourceVersion", to: .string(String(counter)))
            let name = stored["metadata"]?["name"]?.scalarText ?? ""
            let key = ObjectKey(resource: resource, namespace: namespace, name: name)
            let type = objects[key] == nil ? "ADDED" : "MODIFIED"
            objects[key] = stored
            record(type, stored, namespace: namespace, resource: resource)
        }
    }

    /// Removes a seeded object (a Node, a Pod, ...), as a DELETED event to its watchers.
    package func remove(_ resource: String, namespace: String = "", name: String) {
        lock.withLock {
            guard let object = objects.removeValue(forKey: ObjectKey(resource: resource, namespace: namespace, name: name)) else { return }
            counter += 1
            var deleted = object
            deleted.set("metadata.resourceVersion", to: .string(String(counter)))
            record("DELETED", deleted, namespace: namespace, resource: resource)
        }
    }

    /// Lets `user` do everything except on `resources` (an RBAC role without, say, nodes).
    package func allow(_ user: String, except resources: Set<String>) {
        lock.withLock { limitedUsers[user] = resources }
    }

    /// Makes a resource answer 404 as if the cluster did not serve it (e.g. endpointslices).
    package func disable(_ resource: String) {
        lock.withLock { _ = disabledResources.insert(resource) }
    }

    /// Answers the next `times` calls with `code` (429, 503, ...) before doing anything;
    /// a 429 carries `details.retryAfterSeconds` and a `Retry-After` header.
    package func failNext(_ code: Int, times: Int = 1, retryAfter: Int? = nil) {
        lock.withLock { injected += Array(repeating: (code, retryAfter), count: times) }
    }

    /// Forgets the history: watches and continue tokens older than now get 410 Expired.
    package func compact() {
        lock.withLock {
            compactedVersion = counter
            history.removeAll()
        }
    }

    /// Closes every open watch mid-stream, as a dropped connection would.
    package func dropWatches() {
        let all = lock.withLock { () -> [Watcher] in
            let all = Array(watchers.values)
            watchers.removeAll()
            return all
        }
        for watcher in all { watcher.close() }
    }

    /// Sends a BOOKMARK with the current resourceVersion to watches that asked for them.
    package func sendBookmarks() {
        lock.withLock {
            let bookmark = Self.watchEvent("BOOKMARK", .mapping([
                "kind": .string("Service"), "apiVersion": .string("v1"),
                "metadata": .mapping(["resourceVersion": .string(String(counter)), "creationTimestamp": .null]),
                "spec": .mapping(), "status": .mapping(["loadBalancer": .mapping()]),
            ]))
            for watcher in watchers.values where watcher.bookmarks { watcher.send(bookmark) }
        }
    }

    /// The number of open watches.
    package var openWatches: Int { lock.withLock { watchers.count } }

    /// The current resourceVersion counter.
    package var resourceVersion: Int { lock.withLock { counter } }

    /// Every request seen so far, as `METHOD path` (query left out).
    package var requests: [String] { lock.withLock { log } }

    /// A stored object, for assertions (nil when absent).
    package func object(_ resource: String, namespace: String, name: String) -> ManifestNode? {
        lock.withLock { objects[ObjectKey(resource: resource, namespace: namespace, name: name)] }
    }

    func removeWatcher(_ id: UInt64) {
        lock.withLock { _ = watchers.removeValue(forKey: id) }
    }

    /// Registers a live watch; returns its id.
    func addWatcher(resource: String, namespace: String?, bookmarks: Bool, send: @escaping @Sendable (ManifestNode) -> Void,
                    close: @escaping @Sendable () -> Void, backlogFrom version: Int, backlog: ([ManifestNode]) -> Void) -> UInt64 {
        lock.withLock {
            nextWatcher += 1
            let events = history.filter {
                $0.version > version && $0.resource == resource && (namespace == nil || $0.namespace == namespace)
            }.map(\.event)
            backlog(events)
            watchers[nextWatcher] = Watcher(resource: resource, namespace: namespace, bookmarks: bookmarks, send: send, close: close)
            return nextWatcher
        }
    }

    // MARK: Handling

    /// Answers one authenticated call.
    package func handle(_ call: APICall) -> APIAnswer {
        lock.withLock {
            log.append("\(call.method) \(call.path)")
            if !injected.isEmpty {
                let failure = injected.removeFirst()
                let reason = failure.code == 429 ? "TooManyRequests" : "ServiceUnavailable"
                var details: ManifestNode?
                if let seconds = failure.retryAfter { details = .mapping(["retryAfterSeconds": .int(seconds)]) }
                return StatusBody.failure(failure.code, reason, failure.code == 429 ? "Too many requests, please try again later." : "the server is currently unable to handle the request", details: details)
            }
            return route(call)
        }
    }

    private func route(_ call: APICall) -> APIAnswer {
        if call.path == "/version" { return .json(status: 200, body: versionBody) }
        let parts = call.path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        var rest: ArraySlice<String>
        var group = ""
        if parts.starts(with: ["api", "v1"]) {
            rest = parts.dropFirst(2)
        } else if parts.count >= 3, parts[0] == "apis", parts[2] == "v1" {
            group = parts[1]
            rest = parts.dropFirst(3)
        } else {
            return StatusBody.failure(404, "NotFound", "the server could not find the requested resource")
        }
        var namespace: String?
        if rest.first == "namespaces", rest.count >= 3 {
            namespace = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
        }
        guard let resource = rest.first else { return StatusBody.failure(404, "NotFound", "the server could not find the requested resource") }
        let name = rest.count >= 2 ? rest[rest.startIndex + 1] : nil
        if rest.first == "namespaces", namespace == nil, rest.count == 2 {
            // /api/v1/namespaces/NAME
            return get("namespaces", group: "", namespace: nil, name: rest[rest.startIndex + 1], call: call)
        }
        guard Self.served[resource] == group, !disabledResources.contains(resource) else {
            return StatusBody.failure(404, "NotFound", "the server could not find the requested resource")
        }
        let verb = Self.verb(call, name: name)
        if resource == "selfsubjectaccessreviews" {
            guard call.method == "POST" else { return StatusBody.failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource") }
            return review(call)
        }
        guard allowed(call.user, verb: verb, resource: resource) else {
            return StatusBody.forbidden(user: call.user, verb: verb, resource: resource, group: group, namespace: namespace, name: name)
        }
        switch (call.method, name) {
        case ("GET", nil) where call.query["watch"] == "1" || call.query["watch"] == "true":
            return watch(resource, namespace: namespace, call: call)
        case ("GET", nil):
            return list(resource, group: group, namespace: namespace, call: call)
        case ("GET", let name?):
            return get(resource, group: group, namespace: namespace, name: name, call: call)
        case ("POST", nil) where resource == "services":
            return createService(namespace: namespace ?? "default", call: call, name: nil)
        case ("PUT", let name?) where resource == "services":
            return updateService(namespace: namespace ?? "default", name: name, call: call)
        case ("DELETE", let name?) where resource == "services":
            return deleteService(namespace: namespace ?? "default", name: name, call: call)
        default:
            return StatusBody.failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource")
        }
    }

    static let served: [String: String] = [
        "namespaces": "", "services": "", "endpoints": "", "events": "", "pods": "", "nodes": "",
        "endpointslices": "discovery.k8s.io", "deployments": "apps", "statefulsets": "apps", "daemonsets": "apps",
        "selfsubjectaccessreviews": "authorization.k8s.io",
    ]

    static let kinds: [String: (kind: String, apiVersion: String)] = [
        "namespaces": ("Namespace", "v1"), "services": ("Service", "v1"), "endpoints": ("Endpoints", "v1"),
        "events": ("Event", "v1"), "pods": ("Pod", "v1"), "nodes": ("Node", "v1"),
        "endpointslices": ("EndpointSlice", "discovery.k8s.io/v1"), "deployments": ("Deployment", "apps/v1"),
        "statefulsets": ("StatefulSet", "apps/v1"), "daemonsets": ("DaemonSet", "apps/v1"),
    ]

    static func resource(ofKind kind: String) -> String? {
        kinds.first { $0.value.kind == kind }?.key
    }

    static func verb(_ call: APICall, name: String?) -> String {
        switch call.method {
        case "GET": return name == nil ? (call.query["watch"] == "1" || call.query["watch"] == "true" ? "watch" : "list") : "get"
        case "POST": return "create"
        case "PUT": return "update"
        case "PATCH": return "patch"
        case "DELETE": return name == nil ? "deletecollection" : "delete"
        default: return call.method.lowercased()
        }
    }

    /// admin (system:masters): everything; anyone else (viewer, anonymous): nothing.
    static func allowed(_ user: String?, verb: String) -> Bool {
        user == "admin"
    }

    /// `allowed(_:verb:)`, and a limited user everything but its excluded resources.
    private func allowed(_ user: String?, verb: String, resource: String) -> Bool {
        if let user, let excluded = limitedUsers[user] { return !excluded.contains(resource) }
        return Self.allowed(user, verb: verb)
    }

    // MARK: Reads

    private func typed(_ object: ManifestNode, _ resource: String) -> ManifestNode {
        guard let kind = Self.kinds[resource] else { return object }
        return ManifestNode(.mapping([
            ManifestEntry(key: "kind", value: .string(kind.kind)),
            ManifestEntry(key: "apiVersion", value: .string(kind.apiVersion)),
        ] + (object.entries ?? [])))
    }

    private func get(_ resource: String, group: String, namespace: String?, name: String, call: APICall) -> APIAnswer {
        guard allowed(call.user, verb: "get", resource: resource) else {
            return StatusBody.forbidden(user: call.user, verb: "get", resource: resource, group: group, namespace: namespace, name: name)
        }
        guard let object = objects[ObjectKey(resource: resource, namespace: namespace ?? "", name: name)] else {
            return StatusBody.notFound(resource, group: group, name: name)
        }
        return .json(status: 200, body: typed(object, resource))
    }

    private func list(_ resource: String, group: String, namespace: String?, call: APICall) -> APIAnswer {
        var version = counter
        var start: String?
        if let token = call.query["continue"], !token.isEmpty {
            guard let decoded = Self.decodeContinue(token) else { return StatusBody.badRequest("continue key is not valid: illegal base64 data") }
            // Compaction keeps the revision it compacted at: a list of "now" continues.
            guard decoded.version >= compactedVersion else {
                return StatusBody.failure(410, "Expired",
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.")
            }
            version = decoded.version
            start = decoded.start
        }
        let labels = call.query["labelSelector"].map(Self.parseSelector) ?? []
        let fields = call.query["fieldSelector"].map(Self.parseSelector) ?? []
        var keys = objects.keys.filter { key in
            key.resource == resource && (namespace == nil || key.namespace == namespace) && (start.map { "\(key.namespace)/\(key.name)" > $0 } ?? true)
        }.sorted()
        keys = keys.filter { key in
            let object = objects[key]!
            return Self.matches(labels, object["metadata"]?["labels"]) && fields.allSatisfy { Self.field($0.key, of: object) == $0.value }
        }
        let limit = call.query["resourceVersion"] == "0" ? nil : call.query["limit"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        var page = keys
        var metadata: [ManifestEntry] = [ManifestEntry(key: "resourceVersion", value: .string(String(version)))]
        if let limit, keys.count > limit {
            page = Array(keys.prefix(limit))
            let last = page[page.count - 1]
            metadata.append(ManifestEntry(key: "continue", value: .string(Self.encodeContinue(version: version, start: "\(last.namespace)/\(last.name)"))))
            metadata.append(ManifestEntry(key: "remainingItemCount", value: .int(keys.count - limit)))
        }
        let kind = Self.kinds[resource] ?? ("Unknown", "v1")
        return .json(status: 200, body: .mapping([
            "kind": .string(kind.kind + "List"), "apiVersion": .string(kind.apiVersion),
            "metadata": .mapping(metadata), "items": .sequence(page.map { objects[$0]! }),
        ]))
    }

    private func watch(_ resource: String, namespace: String?, call: APICall) -> APIAnswer {
        guard resource == "services" || resource == "nodes" else {
            return StatusBody.failure(405, "MethodNotAllowed", "only services and nodes are watched here")
        }
        let requested = call.query["resourceVersion"].flatMap(Int.init) ?? 0
        let bookmarks = call.query["allowWatchBookmarks"] == "true"
        let timeout = call.query["timeoutSeconds"].flatMap(Int.init)
        if requested == 0 {
            let current = objects.keys.filter { $0.resource == resource && (namespace == nil || $0.namespace == namespace) }.sorted()
            return .watch(WatchStart(backlog: current.map { Self.watchEvent("ADDED", typed(objects[$0]!, resource)) },
                                     closeAfterBacklog: false, resource: resource, namespace: namespace, bookmarks: bookmarks,
                                     timeoutSeconds: timeout, resourceVersion: counter))
        }
        if requested < compactedVersion {
            let status = ManifestNode.mapping([
                "kind": .string("Status"), "apiVersion": .string("v1"), "metadata": .mapping(),
                "status": .string("Failure"), "message": .string("too old resource version: \(requested) (\(compactedVersion))"),
                "reason": .string("Expired"), "code": .int(410),
            ])
            return .watch(WatchStart(backlog: [Self.watchEvent("ERROR", status)], closeAfterBacklog: true, resource: resource, namespace: namespace,
                                     bookmarks: bookmarks, timeoutSeconds: timeout, resourceVersion: requested))
        }
        return .watch(WatchStart(backlog: [], closeAfterBacklog: false, resource: resource, namespace: namespace, bookmarks: bookmarks,
                                 timeoutSeconds: timeout, resourceVersion: requested))
    }

    private func review(_ call: APICall) -> APIAnswer {
        guard call.user != nil else {
            return StatusBody.forbidden(user: nil, verb: "create", resource: "selfsubjectaccessreviews", group: "authorization.k8s.io", namespace: nil, name: nil)
        }
        guard let body = Self.parse(call.body), let attributes = body["spec"]?["resourceAttributes"] else {
            return StatusBody.badRequest("the object provided is unrecognized (must be of type SelfSubjectAccessReview)")
        }
        let verb = attributes["verb"]?.scalarText ?? ""
        let allowed = allowed(call.user, verb: verb, resource: attributes["resource"]?.scalarText ?? "")
        var status: [ManifestEntry] = [ManifestEntry(key: "allowed", value: .bool(allowed))]
        if allowed { status.append(ManifestEntry(key: "reason", value: .string("RBAC: allowed by ClusterRoleBinding for user \"\(call.user ?? "")\""))) }
        return .json(status: 201, body: .mapping([
            "kind": .string("SelfSubjectAccessReview"), "apiVersion": .string("authorization.k8s.io/v1"),
            "metadata": .mapping(["creationTimestamp": .null]),
            "spec": body["spec"] ?? .mapping(), "status": .mapping(status),
        ]))
    }

    // MARK: Service writes

    private func createService(namespace: String, call: APICall, name urlName: String?) -> APIAnswer {
        guard let body = Self.parse(call.body) else {
            return StatusBody.badRequest("the object provided is unrecognized (must be of type Service): couldn't get version/kind; json parse error: unexpected end of JSON input")
        }
        if let problem = decodingProblem(body, namespace: namespace, urlName: urlName) { return problem }
        guard objects[ObjectKey(resource: "namespaces", namespace: "", name: namespace)] != nil else {
            return StatusBody.notFound("namespaces", name: namespace)
        }
        var manifest = body
        if manifest["metadata"]?["name"]?.scalarText == nil, let prefix = manifest["metadata"]?["generateName"]?.scalarText {
            let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
            manifest.set("metadata.name", to: .string(prefix + String((0..<5).map { _ in alphabet.randomElement()! })))
        }
        let name = manifest["metadata"]?["name"]?.scalarText ?? ""
        let dryRun = call.query["dryRun"] == "All"
        manifest = ServiceValidator.droppingUnservedFields(manifest, previous: nil, profile: rules.profile)
        var service = ServiceDefaults.apply(to: manifest, profile: rules.profile)
        let allocation = allocate(&service, previous: nil, dryRun: dryRun)
        if !allocation.isEmpty { return StatusBody.invalid(kind: "Service", name: name, causes: allocation) }
        let errors = ServiceValidator.validate(manifest, previous: nil, rules: rules)
        if !errors.isEmpty { return StatusBody.invalid(kind: "Service", name: name, causes: errors.map(Self.cause)) }
        let key = ObjectKey(resource: "services", namespace: namespace, name: name)
        if objects[key] != nil { return StatusBody.alreadyExists("services", name: name) }
        var metadata = service["metadata"] ?? .mapping()
        metadata["namespace"] = .string(namespace)
        metadata["uid"] = .string(UUID().uuidString.lowercased())
        if !dryRun {
            counter += 1
            metadata["resourceVersion"] = .string(String(counter))
        }
        metadata["creationTimestamp"] = .string(Self.now())
        metadata["managedFields"] = Self.managedFields(call)
        service["metadata"] = metadata
        let stored = Self.canonical(service)
        if !dryRun {
            objects[key] = stored
            record("ADDED", stored, namespace: namespace)
        }
        return .json(status: 201, body: typed(stored, "services"))
    }

    private func updateService(namespace: String, name: String, call: APICall) -> APIAnswer {
        guard let body = Self.parse(call.body) else {
            return StatusBody.badRequest("the object provided is unrecognized (must be of type Service): couldn't get version/kind; json parse error: unexpected end of JSON input")
        }
        if let problem = decodingProblem(body, namespace: namespace, urlName: name) { return problem }
        let key = ObjectKey(resource: "services", namespace: namespace, name: name)
        guard let existing = objects[key] else {
            // Services allow create on update (107), whatever resourceVersion was sent.
            var fresh = body
            fresh.set("metadata.resourceVersion", to: nil)
            return createService(namespace: namespace, call: APICall(method: "POST", path: call.path, query: call.query,
                                                                     body: Array(JSONWriter.compact(fresh).utf8), user: call.user,
                                                                     userAgent: call.userAgent), name: name)
        }
        let sent = body["metadata"]?["resourceVersion"]?.scalarText ?? ""
        if !sent.isEmpty, sent != existing["metadata"]?["resourceVersion"]?.scalarText {
            return StatusBody.conflict("services", name: name)
        }
        let errors = ServiceValidator.validate(body, previous: existing, rules: rules)
        if !errors.isEmpty { return StatusBody.invalid(kind: "Service", name: name, causes: errors.map(Self.cause)) }
        let served = ServiceValidator.droppingUnservedFields(body, previous: existing, profile: rules.profile)
        var service = ServiceDefaults.apply(to: served, profile: rules.profile)
        let allocation = allocate(&service, previous: existing, dryRun: call.query["dryRun"] == "All")
        if !allocation.isEmpty { return StatusBody.invalid(kind: "Service", name: name, causes: allocation) }
        var metadata = service["metadata"] ?? .mapping()
        for field in ["namespace", "uid", "creationTimestamp", "resourceVersion", "managedFields"] {
            metadata[field] = existing["metadata"]?[field]
        }
        service["metadata"] = metadata
        service["status"] = existing["status"]
        var updated = Self.canonical(service)
        if updated.sameData(as: existing) { return .json(status: 200, body: typed(existing, "services")) }
        if call.query["dryRun"] == "All" { return .json(status: 200, body: typed(updated, "services")) }
        counter += 1
        updated.set("metadata.resourceVersion", to: .string(String(counter)))
        updated.set("metadata.managedFields", to: Self.managedFields(call))
        objects[key] = updated
        record("MODIFIED", updated, namespace: namespace)
        return .json(status: 200, body: typed(updated, "services"))
    }

    private func deleteService(namespace: String, name: String, call: APICall) -> APIAnswer {
        let key = ObjectKey(resource: "services", namespace: namespace, name: name)
        guard let existing = objects[key] else { return StatusBody.notFound("services", name: name) }
        let options = Self.parse(call.body)
        let metadata = existing["metadata"]
        if let uid = options?["preconditions"]?["uid"]?.scalarText, uid != metadata?["uid"]?.scalarText {
            return StatusBody.failure(409, "Conflict",
                "Operation cannot be fulfilled on Service \"\(name)\": the UID in the precondition (\(uid)) does not match the UID in record (\(metadata?["uid"]?.scalarText ?? "")). The object might have been deleted and then recreated",
                details: StatusBody.details(name: name, kind: "Service"))
        }
        if let version = options?["preconditions"]?["resourceVersion"]?.scalarText, version != metadata?["resourceVersion"]?.scalarText {
            return StatusBody.failure(409, "Conflict",
                "Operation cannot be fulfilled on Service \"\(name)\": the ResourceVersion in the precondition (\(version)) does not match the ResourceVersion in record (\(metadata?["resourceVersion"]?.scalarText ?? "")). The object might have been modified",
                details: StatusBody.details(name: name, kind: "Service"))
        }
        if call.query["dryRun"] != "All" {
            objects[key] = nil
            counter += 1
            var gone = existing
            gone.set("metadata.resourceVersion", to: .string(String(counter)))
            record("DELETED", gone, namespace: namespace)
        }
        return .json(status: 200, body: typed(existing, "services"))
    }

    /// 400s the decoder gives before anything else: wrong kind, wrong JSON types, a namespace
    /// or name that differs from the URL.
    private func decodingProblem(_ body: ManifestNode, namespace: String, urlName: String?) -> APIAnswer? {
        let kind = body["kind"]?.scalarText ?? ""
        if !kind.isEmpty, kind != "Service" {
            return StatusBody.badRequest("\(kind) in version \"v1\" cannot be handled as a Service: converting (v1.\(kind)) to (core.Service): unknown conversion")
        }
        let typeErrors = ServiceValidator.validate(body, previous: nil, rules: rules).filter { $0.key.rawValue.hasPrefix("type.") }
        if let first = typeErrors.first {
            return StatusBody.badRequest("Service in version \"v1\" cannot be handled as a Service: json: cannot unmarshal \(first.badValue ?? "value") into Go struct field of \(first.path)")
        }
        if let given = body["metadata"]?["namespace"]?.scalarText, !given.isEmpty, given != namespace {
            return StatusBody.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        if let urlName, let given = body["metadata"]?["name"]?.scalarText, given != urlName {
            return StatusBody.badRequest("the name of the object (\(given)) does not match the name on the URL (\(urlName))")
        }
        return nil
    }

    // MARK: Allocation

    private var usedClusterIPs: Set<String> {
        Set(objects.filter { $0.key.resource == "services" }.compactMap { $0.value["spec"]?["clusterIP"]?.scalarText })
    }

    private var usedNodePorts: Set<Int> {
        var used: Set<Int> = []
        for (key, object) in objects where key.resource == "services" {
            for port in object["spec"]?["ports"]?.items ?? [] { if let value = port["nodePort"]?.int { used.insert(value) } }
            if let value = object["spec"]?["healthCheckNodePort"]?.int { used.insert(value) }
        }
        return used
    }

    /// Fills clusterIP(s), IP families and node ports as the registry does, keeping what the
    /// previous object had; returns the allocation errors (reported alone). One function
    /// because the registry allocates in this order and each step reads the last one's result.
    private func allocate(_ service: inout ManifestNode, previous: ManifestNode?, dryRun: Bool) -> [(reason: String, message: String, field: String)] {
        guard var spec = service["spec"], spec.isMapping else { return [] }
        let type = spec["type"]?.string ?? "ClusterIP"
        let old = previous?["spec"]
        var errors: [(reason: String, message: String, field: String)] = []
        var usedIPs = usedClusterIPs
        var usedPorts = usedNodePorts
        if let old {
            if let ip = old["clusterIP"]?.scalarText { usedIPs.remove(ip) }
            for port in old["ports"]?.items ?? [] { if let value = port["nodePort"]?.int { usedPorts.remove(value) } }
        }

        if type == "ExternalName" {
            for field in ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "internalTrafficPolicy"] { spec[field] = nil }
        } else {
            if Self.isEmpty(spec["clusterIP"]), let kept = old?["clusterIP"], old?["type"]?.string != "ExternalName" {
                spec["clusterIP"] = kept
                spec["clusterIPs"] = old?["clusterIPs"]
            }
            let requested = spec["clusterIP"]?.scalarText ?? ""
            if requested == "None" {
                spec["clusterIPs"] = .sequence([.string("None")])
            } else if requested.isEmpty {
                let ip = dryRun ? "10.96.0.0" : Self.randomIP(excluding: usedIPs)
                spec["clusterIP"] = .string(ip)
                spec["clusterIPs"] = .sequence([.string(ip)])
            } else if requested != old?["clusterIP"]?.scalarText {
                if let problem = Self.clusterIPProblem(requested, used: usedIPs) {
                    errors.append(("FieldValueInvalid", "Invalid value: []string{\"\(requested)\"}: failed to allocate IP \(requested): \(problem)", "spec.clusterIPs"))
                }
                if Self.isEmpty(spec["clusterIPs"]) { spec["clusterIPs"] = .sequence([.string(requested)]) }
            }
            let headlessWithoutSelector = requested == "None" && (spec["selector"]?.entries?.isEmpty ?? true)
            if Self.isEmpty(spec["ipFamilies"]) {
                spec["ipFamilies"] = old?["ipFamilies"] ?? .sequence(headlessWithoutSelector ? [.string("IPv4"), .string("IPv6")] : [.string("IPv4")])
            }
            if Self.isEmpty(spec["ipFamilyPolicy"]) {
                spec["ipFamilyPolicy"] = old?["ipFamilyPolicy"] ?? .string(headlessWithoutSelector ? "RequireDualStack" : "SingleStack")
            }
        }

        let needsNodePorts = type == "NodePort" || type == "LoadBalancer"
        if var ports = spec["ports"]?.items {
            for index in ports.indices {
                if !needsNodePorts {
                    if type != "ClusterIP" || old?["type"]?.string == "NodePort" || old?["type"]?.string == "LoadBalancer" {
                        ports[index]["nodePort"] = nil
                    }
                    continue
                }
                if let requested = ports[index]["nodePort"]?.int, requested != 0 {
                    let kept = (old?["ports"]?.items ?? []).contains { $0["nodePort"]?.int == requested }
                    if kept { continue }
                    if !Self.nodePorts.contains(requested) {
                        errors.append(("FieldValueInvalid", "Invalid value: \(requested): provided port is not in the valid range. The range of valid ports is 30000-32767", "spec.ports[\(index)].nodePort"))
                    } else if usedPorts.contains(requested) {
                        errors.append(("FieldValueInvalid", "Invalid value: \(requested): provided port is already allocated", "spec.ports[\(index)].nodePort"))
                    } else {
                        usedPorts.insert(requested)
                    }
                    continue
                }
                let match = (old?["ports"]?.items ?? []).first {
                    $0["port"]?.int == ports[index]["port"]?.int && $0["protocol"]?.scalarText == ports[index]["protocol"]?.scalarText
                }
                if let kept = match?["nodePort"] {
                    ports[index]["nodePort"] = kept
                } else {
                    let value = dryRun ? 32769 : Self.randomPort(excluding: usedPorts)
                    usedPorts.insert(value)
                    ports[index]["nodePort"] = .int(value)
                }
            }
            spec["ports"] = .sequence(ports)
        }
        let externallyAccessible = needsNodePorts
            || (rules.profile.externalIPsTakeTrafficPolicy && type == "ClusterIP" && !(spec["externalIPs"]?.items?.isEmpty ?? true))
        if !externallyAccessible {
            spec["externalTrafficPolicy"] = nil
            spec["healthCheckNodePort"] = nil
        } else if !needsNodePorts {
            spec["healthCheckNodePort"] = nil
        } else if type == "LoadBalancer", spec["externalTrafficPolicy"]?.string == "Local", Self.isEmpty(spec["healthCheckNodePort"]) {
            if let kept = old?["healthCheckNodePort"] {
                spec["healthCheckNodePort"] = kept
            } else {
                spec["healthCheckNodePort"] = .int(dryRun ? 32769 : Self.randomPort(excluding: usedPorts))
            }
        }
        service["spec"] = spec
        return errors
    }

    private static func isEmpty(_ node: ManifestNode?) -> Bool {
        node == nil || node?.isNull == true || node?.string == "" || node?.items?.isEmpty == true
    }

    private static func ipValue(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".").compactMap { UInt32($0) }
        guard parts.count == 4, parts.allSatisfy({ $0 < 256 }) else { return nil }
        return parts.reduce(0) { $0 << 8 | $1 }
    }

    private static func clusterIPProblem(_ text: String, used: Set<String>) -> String? {
        guard let value = ipValue(text) else { return nil }
        let (base, size) = serviceNetwork
        if value < base || value >= base + size {
            return "the provided IP (\(text)) is not in the valid range. The range of valid IPs is 10.96.0.0/16"
        }
        return used.contains(text) ? "provided IP is already allocated" : nil
    }

    private static func randomIP(excluding used: Set<String>) -> String {
        while true {
            let value = serviceNetwork.base + UInt32.random(in: 2..<(serviceNetwork.size - 1))
            let text = "\(value >> 24).\(value >> 16 & 255).\(value >> 8 & 255).\(value & 255)"
            if !used.contains(text) { return text }
        }
    }

    private static func randomPort(excluding used: Set<Int>) -> Int {
        while true {
            let port = Int.random(in: nodePorts)
            if !used.contains(port) { return port }
        }
    }

    // MARK: Shapes

    /// A validator error as an API cause, with the server's reason and a message in its style.
    static func cause(_ error: FieldError) -> (reason: String, message: String, field: String) {
        let text = error.message(in: .en)
        let bad = error.badValue.map { Int($0) != nil ? $0 : "\"\($0)\"" } ?? "\"\""
        let message: String
        switch error.kind {
        case .required: message = "Required value"
        case .invalid: message = "Invalid value: \(bad): \(text)"
        case .duplicate: message = "Duplicate value: \(bad)"
        case .notSupported: message = "Unsupported value: \(bad): \(text)"
        case .forbidden: message = "Forbidden: \(text)"
        case .tooLong: message = "Too long: \(text)"
        case .tooMany: message = "Too many: \(text)"
        case .internal: message = "Internal error: \(text)"
        }
        return (error.kind.apiReason, message, error.path.description)
    }

    static let specOrder = ["ports", "selector", "clusterIP", "clusterIPs", "type", "externalIPs", "sessionAffinity",
                            "loadBalancerIP", "loadBalancerSourceRanges", "externalName", "externalTrafficPolicy",
                            "healthCheckNodePort", "publishNotReadyAddresses", "sessionAffinityConfig", "ipFamilies",
                            "ipFamilyPolicy", "allocateLoadBalancerNodePorts", "loadBalancerClass", "internalTrafficPolicy",
                            "trafficDistribution"]
    static let portOrder = ["name", "protocol", "appProtocol", "port", "targetPort", "nodePort"]
    static let metadataOrder = ["name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
                                "deletionTimestamp", "labels", "annotations", "ownerReferences", "finalizers", "managedFields"]

    /// The object as the server stores it: Go's field order, maps sorted by key, unknown
    /// spec fields dropped, `status.loadBalancer` present.
    static func canonical(_ service: ManifestNode) -> ManifestNode {
        func ordered(_ node: ManifestNode?, _ order: [String]) -> ManifestNode {
            let entries = node?.entries ?? []
            return .mapping(order.compactMap { key in entries.first { $0.key == key } })
        }
        func sorted(_ node: ManifestNode?) -> ManifestNode? {
            guard let entries = node?.entries else { return node }
            return .mapping(entries.sorted { $0.key < $1.key })
        }
        var metadata = ordered(service["metadata"], metadataOrder)
        for field in ["labels", "annotations"] where metadata[field] != nil { metadata[field] = sorted(metadata[field]) }
        var spec = ordered(service["spec"], specOrder)
        if spec["selector"] != nil { spec["selector"] = sorted(spec["selector"]) }
        if let ports = spec["ports"]?.items { spec["ports"] = .sequence(ports.map { ordered($0, portOrder) }) }
        return .mapping(["metadata": metadata, "spec": spec, "status": service["status"] ?? .mapping(["loadBalancer": .mapping()])])
    }

    static func managedFields(_ call: APICall) -> ManifestNode {
        let manager = call.userAgent.split(separator: "/").first.map(String.init) ?? call.userAgent
        return .sequence([.mapping([
            "manager": .string(manager), "operation": .string("Update"), "apiVersion": .string("v1"),
            "time": .string(now()), "fieldsType": .string("FieldsV1"), "fieldsV1": .mapping(),
        ])])
    }

    static func watchEvent(_ type: String, _ object: ManifestNode) -> ManifestNode {
        .mapping(["type": .string(type), "object": object])
    }

    /// Records an event in the history and sends it to the live watches of its resource.
    private func record(_ type: String, _ object: ManifestNode, namespace: String, resource: String = "services") {
        let event = Self.watchEvent(type, typed(object, resource))
        history.append((counter, resource, namespace, event))
        for watcher in watchers.values where watcher.resource == resource && (watcher.namespace == nil || watcher.namespace == namespace) {
            watcher.send(event)
        }
    }

    static func parse(_ bytes: [UInt8]) -> ManifestNode? {
        guard !bytes.isEmpty, let root = try? ManifestReader.parse(bytes: bytes, format: .json).documents.first?.root,
              root.isMapping else { return nil }
        return root
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    // MARK: Selectors and tokens

    /// `a=b,c!=d,e` (equality, inequality and existence; `==` as `=`).
    static func parseSelector(_ text: String) -> [(key: String, value: String)] {
        text.split(separator: ",").map { part in
            let term = String(part).trimmingCharacters(in: .whitespaces)
            if let range = term.range(of: "!=") { return (String(term[..<range.lowerBound]), "!" + term[range.upperBound...]) }
            let pieces = term.replacingOccurrences(of: "==", with: "=").split(separator: "=", maxSplits: 1).map(String.init)
            return pieces.count == 2 ? (pieces[0], pieces[1]) : (pieces[0], "*")
        }
    }

    static func matches(_ selector: [(key: String, value: String)], _ labels: ManifestNode?) -> Bool {
        selector.allSatisfy { term in
            let value = labels?[term.key]?.scalarText
            if term.value == "*" { return value != nil }
            if term.value.hasPrefix("!") { return value != String(term.value.dropFirst()) }
            return value == term.value
        }
    }

    static func field(_ path: String, of object: ManifestNode) -> String? {
        var node: ManifestNode? = object
        for part in path.split(separator: ".") { node = node?[String(part)] }
        return node?.scalarText
    }

    static func encodeContinue(version: Int, start: String) -> String {
        let json = "{\"v\":\"meta.k8s.io/v1\",\"rv\":\(version),\"start\":\(JSONWriter.compact(.string(start)))}"
        return Data(json.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    static func decodeContinue(_ token: String) -> (version: Int, start: String)? {
        var text = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let node = parse(Array(data)),
              let version = node["rv"]?.int, let start = node["start"]?.string else { return nil }
        return (version, start)
    }
}
