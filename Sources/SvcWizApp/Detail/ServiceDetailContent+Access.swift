import ServiceModel
import ServiceStore

extension ServiceDetailContent {
    /// Every way to reach the service (`AccessLines`), labelled by where it works from,
    /// each with the command that tries it.
    static func access(_ s: ServiceSummary, nodes: NodeAddresses, backends: BackendStatus?, text: UIText) -> DetailSection {
        let lines = AccessLines.lines(for: s, nodes: nodes, pods: backends?.endpoints ?? [], targetPorts: backends?.targetPorts ?? [:])
        var pairs = lines.map { pair(for: $0, service: s, text: text) }
        if s.kind == .headlessSelector { pairs.append(DetailPair("", text(.accessHeadless), tone: .muted)) }
        return DetailSection(title: text(.sectionAccess), body: .lines(pairs))
    }

    static func pair(for line: AccessLine, service s: ServiceSummary, text: UIText) -> DetailPair {
        switch line {
        case .path(let path):
            return pair(for: path, service: s, text: text)
        case let .more(count, via, origin):
            return DetailPair(originText(origin, text: text), text(.accessMore, String(count)) + "  " + viaText(via, text: text),
                              tone: .muted)
        case .nodesUnknown(let why):
            return DetailPair("", nodesText(why, text: text), tone: .muted)
        case .noNodes:
            return DetailPair("", text(.noNodes), tone: .warning)
        case .loadBalancerPending:
            return DetailPair(text(.originFromOutside), text(.accessLoadBalancer) + "  " + text(.pending), tone: .warning)
        case .noReadyEndpoints:
            return DetailPair("", text(.noReadyEndpoints), tone: .warning)
        }
    }

    private static func pair(for path: AccessPath, service s: ServiceSummary, text: UIText) -> DetailPair {
        let label = originText(path.origin, text: text)
        if path.via == .externalName {
            let target = path.address ?? "-"
            let dns = "\(s.name).\(s.namespace).svc.cluster.local"
            return DetailPair(label, "\(dns) → \(target)  " + text(.accessExternalName), copy: target)
        }
        let host: String
        switch path.host {
        case .known(let name): host = name
        case .assignedByCluster: host = text(.assignedByCluster)
        case .nodeIP: host = text(.nodeIP)
        }
        var value: String
        if let port = path.port {
            value = host + ":" + String(port)
        } else if path.portAssigned {
            value = host
        } else {
            value = host + ":? (" + text(.assignedByCluster) + ")"
        }
        switch path.transport {
        case .udp: value += "/UDP"
        case .sctp: value += "/SCTP"
        case .http, .https, .tcp: break
        }
        value += "  " + viaText(path.via, text: text)
        let known = path.address != nil
        return DetailPair(label, value, tone: known ? .normal : .muted, command: path.command,
                          copy: .some(path.command ?? path.address))
    }

    static func originText(_ origin: AccessPath.Origin, text: UIText) -> String {
        switch origin {
        case .inCluster: return text(.accessInCluster)
        case .fromNode: return text(.originFromNode)
        case .fromOutside: return text(.originFromOutside)
        }
    }

    static func viaText(_ via: AccessPath.Via, text: UIText) -> String {
        switch via {
        case .dns: return text(.viaDNS)
        case .clusterIP: return text(.accessVirtualIP)
        case .nodePort: return text(.accessNodePort)
        case .loadBalancer: return text(.accessLoadBalancer)
        case .externalIP: return text(.viaExternalIP)
        case .externalName: return text(.accessExternalName)
        case .pod: return text(.viaPod)
        }
    }

    static func nodesText(_ why: NodeAddresses.Unknown, text: UIText) -> String {
        switch why {
        case .workspace: return text(.nodesFromCluster)
        case .notAllowed: return text(.nodesNotAllowed)
        case .failed(let message): return text(.nodesFailed, message)
        case .loading: return text(.nodesLoading)
        }
    }
}
