import ServiceModel

/// Which namespaces a list covers.
package enum NamespaceScope: Sendable, Hashable {
    case all
    case named(String)
}

/// A service as stored, with the version a later write must expect.
package struct StoredService: Sendable, Hashable {
    package var manifest: ManifestNode
    /// Workspace: a content hash of the service's document; cluster: `metadata.resourceVersion`.
    package var version: String
    /// Where it lives: the file path (workspace) or the API path (cluster), for messages.
    package var location: String
    /// The service's document as its file holds it, comments included (workspace; nil for
    /// an item of a List and on a cluster): the editor opens it and a save patches it.
    package var text: ManifestText?

    package init(manifest: ManifestNode, version: String, location: String, text: ManifestText? = nil) {
        self.manifest = manifest
        self.version = version
        self.location = location
        self.text = text
    }

    package var name: String { manifest["metadata"]?["name"]?.scalarText ?? "" }
    package var namespace: String { manifest["metadata"]?["namespace"]?.scalarText ?? "default" }
    package var id: ServiceID { ServiceID(manifest: manifest) }
}

/// What serves a service: endpoints and selected pods on a cluster, matching workloads in
/// a workspace.
package struct BackendStatus: Sendable, Hashable {
    package typealias Endpoint = BackendPod

    package var workloads: [Workload]
    /// The service's endpoints, then the pods its selector matches that are not endpoints
    /// (Pending, not yet listed); a service without a selector has its manual endpoints here.
    package var endpoints: [Endpoint]
    /// Resolved target port numbers by service port name (`""` unnamed), from the endpoints.
    package var targetPorts: [String: Int]

    package init(workloads: [Workload], endpoints: [Endpoint], targetPorts: [String: Int] = [:]) {
        self.workloads = workloads
        self.endpoints = endpoints
        self.targetPorts = targetPorts
    }

    /// Ready and total: pods and endpoints when the backend knows them, else matched
    /// workloads' replicas.
    package var count: ServiceSummary.BackendCount {
        if !endpoints.isEmpty {
            return .init(ready: endpoints.filter(\.ready).count, total: endpoints.count)
        }
        return .init(ready: workloads.count, total: workloads.count)
    }
}

/// A change seen by a backend's watch.
package enum StoreEvent: Sendable, Hashable {
    case upserted(ServiceSummary)
    case deleted(ServiceID)
    /// Everything may have changed (a relist): replace the rows.
    case reset([ServiceSummary])
    /// The first pages of a long first list, before its `.reset`: the rows so far in the
    /// API's order (namespace, then name), and the server's estimate of the whole list.
    case loading([ServiceSummary], expected: Int)
    /// The backend could not be read; the last rows stay on screen with this message.
    case failed(StoreError)
}

/// How a backend introduces itself in the title line.
package struct BackendInfo: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable { case workspace, cluster }
    package var kind: Kind
    /// The workspace path or the kubeconfig context.
    package var location: String
    /// A warning to keep visible while it holds (e.g. TLS verification is off).
    package var warning: String?

    package init(kind: Kind, location: String, warning: String? = nil) {
        self.kind = kind
        self.location = location
        self.warning = warning
    }
}

/// The one interface every screen and subcommand uses: a manifest directory on disk, or a
/// cluster through the Kubernetes API.
package protocol Backend: Sendable {
    var info: BackendInfo { get }
    func namespaces() async throws(StoreError) -> [String]
    func services(in scope: NamespaceScope) async throws(StoreError) -> [ServiceSummary]
    func service(_ id: ServiceID) async throws(StoreError) -> StoredService
    func workloads(in namespace: String) async throws(StoreError) -> [Workload]
    func backends(of service: StoredService) async throws(StoreError) -> BackendStatus
    /// Validates, then creates; with `dryRun` nothing is written.
    func create(_ manifest: ManifestNode, dryRun: Bool) async throws(StoreError) -> StoredService
    /// Validates, then replaces the service if its stored version is still `version`.
    func update(_ manifest: ManifestNode, expecting version: String) async throws(StoreError) -> StoredService
    /// Validates, then replaces the service with `text`, its document as the user will see
    /// it written (`manifest` is what the text reads as). A backend that stores objects
    /// rather than text stores `manifest`.
    func update(_ manifest: ManifestNode, writing text: ManifestText, expecting version: String) async throws(StoreError) -> StoredService
    func delete(_ id: ServiceID, expecting version: String?) async throws(StoreError)
    /// Changes as they happen, until the stream is dropped.
    func changes(in scope: NamespaceScope) -> AsyncStream<StoreEvent>
    /// Files that could not be read (a workspace reports them and skips them).
    func problems() async throws(StoreError) -> [ManifestParseError]
    /// The events about a service, oldest first (default: none).
    func events(for service: StoredService) async throws(StoreError) -> [ObjectEvent]
    /// Whether the user may `verb` (`create`, `update`, `delete`, ...) `resource` in
    /// `namespace`, so screens can hide what would be refused (default: true).
    func can(_ verb: String, resource: String, namespace: String) async -> Bool
    /// The cluster's nodes for node port addresses, or why they are not known (default:
    /// a workspace has none).
    func nodes() async -> NodeAddresses
}
