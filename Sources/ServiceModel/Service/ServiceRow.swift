import Foundation

/// A service rendered as the list's cells: a plain function of the summary, like k9s's
/// renderers, so the command line's table and the terminal UI's list say the same thing.
package enum ServiceRow {
    package static func cell(_ column: ServiceColumn, of summary: ServiceSummary, language: Language, now: Date) -> String {
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

    package static func name(_ s: ServiceSummary) -> String {
        guard let alias = s.alias else { return s.name }
        return "\(s.name) (\(alias))"
    }

    package static func typeLabel(_ s: ServiceSummary, language: Language) -> String {
        let base = ServiceTerms.kind(s.kind, language: language)
        switch s.access {
        case .none: return base
        case .nodePort, .loadBalancer: return base + "+" + ServiceTerms.access(s.access, language: language)
        }
    }

    package static func clusterIP(_ s: ServiceSummary) -> String {
        switch s.kind {
        case .headlessExternalName: return "-"
        case .headlessSelector: return "None"
        case .virtualIP: return s.clusterIP ?? "-"
        }
    }

    package static func external(_ s: ServiceSummary) -> String {
        var bytes: [UInt8] = []
        appendExternal(kind: s.kind, access: s.access, externalName: s.externalName, ports: s.ports,
                       ingress: s.ingress, externalIPs: s.externalIPs, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The EXTERNAL cell as UTF-8, written into `out`: sorting builds it for every row (from
    /// fields, not the summary: copying a summary per row costs more than the text).
    static func appendExternal(kind: ServiceKind, access: ExternalAccess, externalName: String?, ports: [ServiceSummary.Port],
                               ingress: [String], externalIPs: [String], to out: inout [UInt8]) {
        let start = out.count
        func separate() { if out.count > start { out.append(UInt8(ascii: ",")) } }
        switch kind {
        case .headlessExternalName:
            out.append(contentsOf: (externalName ?? "-").utf8)
        case .headlessSelector:
            break
        case .virtualIP:
            switch access {
            case .none: break
            case .nodePort:
                let nodePorts = ports.compactMap(\.nodePort)
                if nodePorts.isEmpty { out.append(contentsOf: ":auto".utf8) }
                for port in nodePorts {
                    separate()
                    out.append(UInt8(ascii: ":"))
                    out.append(contentsOf: String(port).utf8)
                }
            case .loadBalancer:
                if ingress.isEmpty { out.append(contentsOf: "<pending>".utf8) }
                for address in ingress {
                    separate()
                    out.append(contentsOf: address.utf8)
                }
            }
        }
        for ip in externalIPs {
            separate()
            out.append(contentsOf: ip.utf8)
        }
        if out.count == start { out.append(UInt8(ascii: "-")) }
    }

    /// `name:port/PROTO->target` per port, joined by commas.
    package static func ports(_ s: ServiceSummary) -> String {
        guard !s.ports.isEmpty else { return "-" }
        return s.ports.map(port).joined(separator: ",")
    }

    package static func port(_ p: ServiceSummary.Port) -> String {
        var text = ""
        if let name = p.name, !name.isEmpty { text += name + ":" }
        text += p.port.map(String.init) ?? "?"
        text += "/" + p.protocol
        if let target = p.targetPort, target != p.port.map(String.init) { text += "->" + target }
        return text
    }

    package static func backends(_ s: ServiceSummary) -> String {
        guard let count = s.backends, count.total > 0 else { return "-" }
        return "\(count.ready)/\(count.total)"
    }

    package static func selector(_ s: ServiceSummary) -> String {
        var bytes: [UInt8] = []
        appendSelector(s.selector, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The SELECTOR cell as UTF-8, written into `out`: sorting builds it for every row.
    static func appendSelector(_ selector: [ServiceSummary.Pair], to out: inout [UInt8]) {
        guard !selector.isEmpty else { return out.append(UInt8(ascii: "-")) }
        for (i, pair) in selector.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: pair.key.utf8)
            out.append(UInt8(ascii: "="))
            out.append(contentsOf: pair.value.utf8)
        }
    }

    /// kubectl's short ages: `45s`, `12m`, `5h`, `3d`, `2y`.
    package static func age(since date: Date, now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<(120 * 60): return "\(seconds / 60)m"
        case ..<(48 * 3600): return "\(seconds / 3600)h"
        case ..<(365 * 2 * 86400): return "\(seconds / 86400)d"
        default: return "\(seconds / (365 * 86400))y"
        }
    }

    /// `age(since:now:)` no finer than whole minutes (`<1m`, `1m`, then the same): the
    /// terminal UI redraws ages once a minute, and a second count would be wrong between.
    package static func minuteAge(since date: Date, now: Date) -> String {
        switch max(0, Int(now.timeIntervalSince(date))) {
        case ..<60: return "<1m"
        case ..<120: return "1m"
        default: return age(since: date, now: now)
        }
    }
}

/// The product's words for Kubernetes' concepts (VirtualIP, Headless, ...), in both languages.
package enum ServiceTerms {
    package static func kind(_ kind: ServiceKind, language: Language) -> String {
        switch (kind, language) {
        case (.virtualIP, .en): return "VirtualIP"
        case (.virtualIP, .zh): return "虚拟 IP"
        case (.headlessSelector, .en): return "Headless"
        case (.headlessSelector, .zh): return "Headless"
        case (.headlessExternalName, .en): return "ExternalName"
        case (.headlessExternalName, .zh): return "外部域名"
        }
    }

    package static func access(_ access: ExternalAccess, language: Language) -> String {
        switch (access, language) {
        case (.none, .en): return "None"
        case (.none, .zh): return "无"
        case (.nodePort, _): return "NodePort"
        case (.loadBalancer, _): return "LoadBalancer"
        }
    }
}
