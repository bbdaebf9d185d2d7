#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The columns of the service list, in the order they are dropped from the right as the
/// terminal narrows (NAMESPACE first when every namespace is shown).
package enum ServiceColumn: String, Sendable, Hashable, CaseIterable {
    case namespace, name, type, clusterIP, external, ports, backends, selector, age

    /// The header text, as kubectl and the wireframes write it.
    package var header: String {
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
