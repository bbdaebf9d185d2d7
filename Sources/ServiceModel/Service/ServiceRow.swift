import Foundation

/// A service rendered as the list's cells: a plain function of the summary, like k9s's
/// renderers, so the command line's table and the terminal UI's list say the same thing.
public enum ServiceRow {
    public static func cell(_ column: ServiceColumn, of summary: ServiceSummary, language: Language, now: Date) -> String {
        switch column {
        case .namespace: return summary.namespace
        case .name: return name(summary)
        case .type: return typeLabel(summary, language: language)
        case .clusterIP: return clusterIP(summary)
        case .external: return external(summary)
        case .ports: return ports(summary)
        case .backends: return backends(summary)
        case .selector: return selector(summary)
        case .age: return summary.created.map { age(since: $0, now: now) } ?? "-"
        }
    }

    public static func name(_ s: ServiceSummary) -> String {
        guard let alias = s.alias else { return s.name }
        return "\(s.name) (\(alias))"
    }

    public static func typeLabel(_ s: ServiceSummary, language: Language) -> String {
        let base = ServiceTerms.kind(s.kind, language: language)
        switch s.access {
        case .none: return base
        case .nodePort, .loadBalancer: return base + "+" + ServiceTerms.access(s.access, language: language)
        }
    }

    public static func clusterIP(_ s: ServiceSummary) -> String {
        switch s.kind {
        case .headlessExternalName: return "-"
        case .headlessSelector: return "None"
        case .virtualIP: return s.clusterIP ?? "-"
        }
    }

    public static func external(_ s: ServiceSummary) -> String {
        var parts: [String] = []
        switch s.kind {
        case .headlessExternalName:
            parts.append(s.externalName ?? "-")
        case .headlessSelector:
            break
        case .virtualIP:
            switch s.access {
            case .none: break
            case .nodePort:
                let ports = s.ports.compactMap(\.nodePort).map { ":\($0)" }
                parts.append(ports.isEmpty ? ":auto" : ports.joined(separator: ","))
            case .loadBalancer:
                parts.append(s.ingress.isEmpty ? "<pending>" : s.ingress.joined(separator: ","))
            }
        }
        parts.append(contentsOf: s.externalIPs)
        return parts.isEmpty ? "-" : parts.joined(separator: ",")
    }

    /// `name:port/PROTO->target` per port, joined by commas.
    public static func ports(_ s: ServiceSummary) -> String {
        guard !s.ports.isEmpty else { return "-" }
        return s.ports.map(port).joined(separator: ",")
    }

    public static func port(_ p: ServiceSummary.Port) -> String {
        var text = ""
        if let name = p.name, !name.isEmpty { text += name + ":" }
        text += p.port.map(String.init) ?? "?"
        text += "/" + p.protocol
        if let target = p.targetPort, target != p.port.map(String.init) { text += "->" + target }
        return text
    }

    public static func backends(_ s: ServiceSummary) -> String {
        guard let count = s.backends, count.total > 0 else { return "-" }
        return "\(count.ready)/\(count.total)"
    }

    public static func selector(_ s: ServiceSummary) -> String {
        s.selector.isEmpty ? "-" : s.selector.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// kubectl's short ages: `45s`, `12m`, `5h`, `3d`, `2y`.
    public static func age(since date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<(120 * 60): return "\(seconds / 60)m"
        case ..<(48 * 3600): return "\(seconds / 3600)h"
        case ..<(365 * 2 * 86400): return "\(seconds / 86400)d"
        default: return "\(seconds / (365 * 86400))y"
        }
    }

    /// Sorts dotted IPv4 addresses numerically; anything else after them, by text.
    static func ipSortKey(_ ip: String?) -> String {
        guard let ip else { return "~" }
        let parts = ip.split(separator: ".")
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return "~" + ip }
        return parts.map { String(repeating: "0", count: 3 - $0.count) + $0 }.joined(separator: ".")
    }
}

/// The product's words for Kubernetes' concepts (VirtualIP, Headless, ...), in both languages.
public enum ServiceTerms {
    public static func kind(_ kind: ServiceKind, language: Language) -> String {
        switch (kind, language) {
        case (.virtualIP, .en): return "VirtualIP"
        case (.virtualIP, .zh): return "虚拟 IP"
        case (.headlessSelector, .en): return "Headless"
        case (.headlessSelector, .zh): return "Headless"
        case (.headlessExternalName, .en): return "ExternalName"
        case (.headlessExternalName, .zh): return "外部域名"
        }
    }

    public static func access(_ access: ExternalAccess, language: Language) -> String {
        switch (access, language) {
        case (.none, .en): return "None"
        case (.none, .zh): return "无"
        case (.nodePort, _): return "NodePort"
        case (.loadBalancer, _): return "LoadBalancer"
        }
    }
}
