/// What the create/edit wizard edits: every field of its four steps, kept as the user typed
/// it. Read one from a manifest with `init(manifest:)`, write it back with `apply(to:)`,
/// which touches only the paths the form owns (see FIELDS.md).
///
/// The service kind and its external access are not stored: they are derived from `type`
/// and `clusterIP` (`kind`, `externalAccess`), and their setters change those fields.
package struct ServiceDraft: Sendable, Hashable {
    /// `spec.sessionAffinity`.
    package enum SessionAffinity: String, Sendable, Hashable, CaseIterable {
        case none = "None"
        case clientIP = "ClientIP"
    }

    /// The timeout the wizard proposes when session affinity becomes ClientIP (Kubernetes'
    /// own default, three hours).
    package static let defaultSessionAffinityTimeout = 10800

    // MARK: Step 1: basic info

    /// `metadata.name`. Setting it directly proposes nothing; `setName(_:)` also keeps the
    /// proposed `app=<name>` label in step.
    package var name: String
    /// `metadata.annotations["kubesphere.io/alias-name"]`; empty when absent.
    package var alias: String
    /// `metadata.annotations["kubesphere.io/description"]`; empty when absent.
    package var description: String
    /// `metadata.namespace`; empty when absent.
    package var namespace: String

    // MARK: Step 2: service settings

    /// `spec.type` as written, empty when absent. Prefer `kind` and `externalAccess`.
    package var type: String
    /// `spec.clusterIP` as written: empty when absent, `None` for a headless service.
    package var clusterIP: String
    /// `spec.externalName`, used by the headless (external name) kind.
    package var externalName: String
    /// `spec.selector`. Kept while the kind is ExternalName, which does not write it.
    package var selector: [KeyValueRow]
    /// `spec.ports`, one row per item, in order: row `i` is written as `spec.ports[i]`.
    package var ports: [PortRow]
    /// `spec.sessionAffinity`; absent reads as None. Becoming ClientIP fills in the default
    /// timeout when none was typed.
    package var sessionAffinity: SessionAffinity {
        didSet {
            if sessionAffinity == .clientIP, sessionAffinityTimeout.isEmpty {
                sessionAffinityTimeout = String(Self.defaultSessionAffinityTimeout)
            }
        }
    }
    /// `spec.sessionAffinityConfig.clientIP.timeoutSeconds`; written for ClientIP only.
    package var sessionAffinityTimeout: String

    // MARK: Step 3: labels and annotations

    /// `metadata.labels`.
    package var labels: [KeyValueRow]
    /// `metadata.annotations`, without the keys step 1 owns (alias, description) and, for a
    /// LoadBalancer, without the provider preset's keys (those are `loadBalancerAnnotations`).
    package var annotations: [KeyValueRow]

    // MARK: Step 4: external access

    /// The LoadBalancer's annotations (a provider preset's rows or custom rows), written
    /// only while the external access is LoadBalancer and removed when leaving it.
    package var loadBalancerAnnotations: [KeyValueRow]
    /// `spec.externalTrafficPolicy` (Cluster or Local); written for NodePort and LoadBalancer.
    package var externalTrafficPolicy: String
    /// `spec.loadBalancerSourceRanges`, one CIDR per row; written for LoadBalancer only.
    package var loadBalancerSourceRanges: [String]

    // MARK: Advanced (steps 2 and 4)

    /// Newer and rarer spec fields (`AdvancedSettings`).
    package var advanced: AdvancedSettings

    // MARK: Workload picker

    /// The workloads last picked for the selector; their container ports are offered as
    /// target ports. Not written to the manifest.
    package var pickedWorkloads: [Workload]

    /// Reads every field the wizard shows from a Service manifest. Absent fields read as
    /// empty text, so that `apply(to:)` can tell what the user changed.
    package init(manifest: ManifestNode) {
        let metadata = manifest["metadata"]
        let spec = manifest["spec"]
        name = metadata?["name"]?.scalarText ?? ""
        namespace = metadata?["namespace"]?.scalarText ?? ""
        let allAnnotations = [KeyValueRow](mapping: metadata?["annotations"])
        alias = allAnnotations.value(of: ServiceAnnotations.alias) ?? ""
        description = allAnnotations.value(of: ServiceAnnotations.description) ?? ""
        type = spec?["type"]?.scalarText ?? ""
        clusterIP = spec?["clusterIP"]?.scalarText ?? ""
        externalName = spec?["externalName"]?.scalarText ?? ""
        selector = [KeyValueRow](mapping: spec?["selector"])
        ports = (spec?["ports"]?.items ?? []).enumerated().map { PortRow(node: $0.element, index: $0.offset) }
        sessionAffinity = spec?["sessionAffinity"]?.scalarText == SessionAffinity.clientIP.rawValue ? .clientIP : .none
        sessionAffinityTimeout = spec?["sessionAffinityConfig"]?["clientIP"]?["timeoutSeconds"]?.scalarText ?? ""
        labels = [KeyValueRow](mapping: metadata?["labels"])
        let isLoadBalancer = ServiceKind(spec: spec) == .virtualIP && ExternalAccess(spec: spec) == .loadBalancer
        let stepOneKeys: Set<String> = [ServiceAnnotations.alias, ServiceAnnotations.description]
        let isPresetKey = { (row: KeyValueRow) in isLoadBalancer && LoadBalancerProvider.allPresetKeys.contains(row.key) }
        annotations = allAnnotations.filter { !stepOneKeys.contains($0.key) && !isPresetKey($0) }
        loadBalancerAnnotations = allAnnotations.filter(isPresetKey)
        externalTrafficPolicy = spec?["externalTrafficPolicy"]?.scalarText ?? ""
        loadBalancerSourceRanges = (spec?["loadBalancerSourceRanges"]?.items ?? []).map { $0.scalarText ?? "" }
        advanced = AdvancedSettings(spec: spec)
        pickedWorkloads = []
    }

    /// A draft for a new service in `namespace`: VirtualIP, no external access, one TCP port
    /// row to fill in. Write it with `makeManifest()`.
    package static func empty(namespace: String) -> ServiceDraft {
        var draft = ServiceDraft(manifest: newManifest)
        draft.namespace = namespace
        draft.type = ExternalAccess.none.specType
        draft.ports = [PortRow()]
        return draft
    }

    /// The manifest a new service starts from: `apiVersion`, `kind`, `metadata`, `spec`, in
    /// kubectl's order. `apply(to:)` fills in the rest, keys in kubectl's (alphabetical) order.
    package static let newManifest = ManifestNode.mapping([
        "apiVersion": .string("v1"),
        "kind": .string("Service"),
        "metadata": .mapping(),
        "spec": .mapping(),
    ])

    /// The manifest of a new service: the draft applied to `newManifest`.
    package func makeManifest() -> ManifestNode {
        apply(to: Self.newManifest)
    }
}
