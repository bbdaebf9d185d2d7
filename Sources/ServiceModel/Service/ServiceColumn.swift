import Foundation

/// The columns of the service list, in the order they are dropped from the right as the
/// terminal narrows (NAMESPACE first when every namespace is shown).
public enum ServiceColumn: String, Sendable, Hashable, CaseIterable {
    case namespace, name, type, clusterIP, external, ports, backends, selector, age

    /// The header text, as kubectl and the wireframes write it.
    public var header: String {
        switch self {
        case .namespace: return "NAMESPACE"
        case .name: return "NAME"
        case .type: return "TYPE"
        case .clusterIP: return "CLUSTER-IP"
        case .external: return "EXTERNAL"
        case .ports: return "PORTS"
        case .backends: return "BACKENDS"
        case .selector: return "SELECTOR"
        case .age: return "AGE"
        }
    }

    /// Orders two rows by this column; ties fall back to namespace and name so the order
    /// is stable and total.
    public func areInIncreasingOrder(_ a: ServiceSummary, _ b: ServiceSummary) -> Bool {
        switch self {
        case .namespace, .name: break
        case .type:
            let ka = a.kind.sortRank * 4 + a.access.sortRank, kb = b.kind.sortRank * 4 + b.access.sortRank
            if ka != kb { return ka < kb }
        case .clusterIP:
            let ka = ServiceRow.ipSortKey(a.clusterIP), kb = ServiceRow.ipSortKey(b.clusterIP)
            if ka != kb { return ka < kb }
        case .external:
            let ka = ServiceRow.external(a), kb = ServiceRow.external(b)
            if ka != kb { return ka < kb }
        case .ports:
            let ka = a.ports.first?.port ?? Int.max, kb = b.ports.first?.port ?? Int.max
            if ka != kb { return ka < kb }
        case .backends:
            let ka = a.backends?.ready ?? -1, kb = b.backends?.ready ?? -1
            if ka != kb { return ka < kb }
        case .selector:
            let ka = ServiceRow.selector(a), kb = ServiceRow.selector(b)
            if ka != kb { return ka < kb }
        case .age:
            // Youngest first reads like kubectl's AGE going up.
            let ka = a.created ?? .distantPast, kb = b.created ?? .distantPast
            if ka != kb { return ka > kb }
        }
        if self != .name, a.namespace != b.namespace { return a.namespace < b.namespace }
        if a.name != b.name { return a.name < b.name }
        return a.namespace < b.namespace
    }
}

extension ServiceKind {
    var sortRank: Int {
        switch self {
        case .virtualIP: return 0
        case .headlessSelector: return 1
        case .headlessExternalName: return 2
        }
    }
}

extension ExternalAccess {
    var sortRank: Int {
        switch self {
        case .none: return 0
        case .nodePort: return 1
        case .loadBalancer: return 2
        }
    }
}
