// The service kind, the external access and the LoadBalancer provider are derived from the
// fields they write; their setters change those fields and nothing the user typed elsewhere.

extension ServiceDraft {
    /// VirtualIP, Headless (selector) or Headless (external name), derived from `type` and
    /// `clusterIP`.
    ///
    /// Switching keeps the selector and port rows: an ExternalName does not write its
    /// selector (the rows stay in the draft and come back when switching back), but it does
    /// write its ports, which Kubernetes allows. Both headless kinds drop external access, so
    /// node ports are cleared as when choosing None.
    package var kind: ServiceKind {
        get { ServiceKind(spec: .mapping(["type": .string(type), "clusterIP": .string(clusterIP)])) }
        set {
            guard newValue != kind else { return }
            switch newValue {
            case .virtualIP:
                if type == Self.externalNameType { type = ExternalAccess.none.specType }
                clusterIP = ""
            case .headlessSelector:
                externalAccess = .none
                type = ExternalAccess.none.specType
                clusterIP = Self.headlessClusterIP
            case .headlessExternalName:
                externalAccess = .none
                type = Self.externalNameType
                clusterIP = ""
            }
        }
    }

    /// None, NodePort or LoadBalancer for a VirtualIP service; always None for the headless
    /// kinds, where setting it does nothing.
    ///
    /// Choosing None removes every node port; leaving LoadBalancer keeps the LoadBalancer
    /// annotation rows in the draft, but `apply(to:)` no longer writes them.
    package var externalAccess: ExternalAccess {
        get { kind == .virtualIP ? ExternalAccess(spec: .mapping(["type": .string(type)])) : .none }
        set {
            guard kind == .virtualIP, newValue != externalAccess else { return }
            type = newValue.specType
            if newValue == .none {
                for index in ports.indices { ports[index].nodePort = "" }
            }
        }
    }

    /// The provider preset the LoadBalancer rows follow, derived from their keys.
    ///
    /// Choosing a preset puts its rows first (keeping values already typed for its keys, else
    /// the defaults), drops the other presets' keys and keeps the user's own rows; choosing
    /// custom drops every preset key.
    package var loadBalancerProvider: LoadBalancerProvider {
        get { LoadBalancerProvider(rows: loadBalancerAnnotations) }
        set {
            guard newValue != loadBalancerProvider else { return }
            let own = loadBalancerAnnotations.filter { !LoadBalancerProvider.allPresetKeys.contains($0.key) }
            let preset = newValue.presetRows.map { row in
                KeyValueRow(key: row.key, value: loadBalancerAnnotations.value(of: row.key) ?? row.value)
            }
            loadBalancerAnnotations = preset + own
        }
    }

    static let externalNameType = "ExternalName"
    static let headlessClusterIP = "None"
}
