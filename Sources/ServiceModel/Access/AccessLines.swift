/// A line of a service's access section: a path, or what stands where paths are missing.
package enum AccessLine: Sendable, Hashable {
    case path(AccessPath)
    /// `count` more paths of `via` from `origin` than the first few listed.
    case more(Int, via: AccessPath.Via, origin: AccessPath.Origin)
    /// Node ports are shown on `<node IP>`: why the nodes' addresses are not known.
    case nodesUnknown(NodeAddresses.Unknown)
    /// The cluster lists no node with an address.
    case noNodes
    /// A load balancer has no ingress address yet.
    case loadBalancerPending
    /// A headless service with no ready endpoint: its DNS name answers nothing yet.
    case noReadyEndpoints
}

/// Builds a service's access lines from the service, the cluster's nodes and the service's
/// backends: every path an operator can use, labelled by where it works from.
package enum AccessLines {
    /// How many node or endpoint addresses are listed per port before "and N more".
    package static let listed = 3

    /// - Parameters:
    ///   - service: the service's summary (kind, ports, cluster IP, ingress, external IPs).
    ///   - nodes: the cluster's nodes, or why they are not known.
    ///   - pods: the service's endpoints (a headless service's DNS answers with the ready ones).
    ///   - targetPorts: resolved target port numbers by service port name (`""` unnamed),
    ///     from the endpoints; a headless service is reached on them, not on `port`.
    ///   - domain: the cluster's DNS domain.
    package static func lines(for service: ServiceSummary, nodes: NodeAddresses, pods: [BackendPod] = [],
                              targetPorts: [String: Int] = [:], domain: String = "cluster.local") -> [AccessLine] {
        let dns = "\(service.name).\(service.namespace).svc.\(domain)"
        switch service.kind {
        case .headlessExternalName:
            var lines = dnsLines(dns, ports: service.ports)
            lines.append(.path(AccessPath(origin: .inCluster, via: .externalName, host: .known(service.externalName ?? ""),
                                          port: nil, transport: .tcp)))
            return lines
        case .headlessSelector:
            return headless(service, dns: dns, pods: pods, targetPorts: targetPorts, domain: domain)
        case .virtualIP:
            return virtualIP(service, dns: dns, nodes: nodes)
        }
    }

    private static func dnsLines(_ dns: String, ports: [ServiceSummary.Port]) -> [AccessLine] {
        guard !ports.isEmpty else { return [.path(AccessPath(origin: .inCluster, via: .dns, host: .known(dns), port: nil, transport: .tcp))] }
        return ports.map { .path(AccessPath(origin: .inCluster, via: .dns, host: .known(dns), port: $0.port, transport: AccessPath.transport(of: $0))) }
    }

    private static func virtualIP(_ s: ServiceSummary, dns: String, nodes: NodeAddresses) -> [AccessLine] {
        var lines = dnsLines(dns, ports: s.ports)
        let clusterIP: AccessPath.Host = s.clusterIP.map { .known($0) } ?? .assignedByCluster
        for port in s.ports {
            lines.append(.path(AccessPath(origin: .inCluster, via: .clusterIP, host: clusterIP, port: port.port,
                                          transport: AccessPath.transport(of: port))))
        }
        if s.access != .none {
            lines += nodePorts(s.ports, nodes: nodes)
        }
        if s.access == .loadBalancer {
            if s.ingress.isEmpty { lines.append(.loadBalancerPending) }
            for ingress in s.ingress {
                for port in s.ports {
                    lines.append(.path(AccessPath(origin: .fromOutside, via: .loadBalancer, host: .known(ingress), port: port.port,
                                                  transport: AccessPath.transport(of: port))))
                }
            }
        }
        for ip in s.externalIPs {
            for port in s.ports {
                lines.append(.path(AccessPath(origin: .fromOutside, via: .externalIP, host: .known(ip), port: port.port,
                                              transport: AccessPath.transport(of: port))))
            }
        }
        return lines
    }

    /// Per port: the first nodes' addresses (ready nodes first, then by name), then how many
    /// more; `<node IP>` with the reason when the nodes are not known.
    private static func nodePorts(_ ports: [ServiceSummary.Port], nodes: NodeAddresses) -> [AccessLine] {
        var lines: [AccessLine] = []
        switch nodes {
        case .unknown(let why):
            for port in ports {
                lines.append(.path(AccessPath(origin: .fromNode, via: .nodePort, host: .nodeIP, port: port.nodePort,
                                              portAssigned: port.nodePort != nil, transport: AccessPath.transport(of: port))))
            }
            lines.append(.nodesUnknown(why))
        case .known(let all):
            let ordered = all.filter { $0.nodePortAddress != nil }
                .sorted { ($0.ready ? 0 : 1, $0.name) < ($1.ready ? 0 : 1, $1.name) }
            guard !ordered.isEmpty else {
                for port in ports {
                    lines.append(.path(AccessPath(origin: .fromNode, via: .nodePort, host: .nodeIP, port: port.nodePort,
                                                  portAssigned: port.nodePort != nil, transport: AccessPath.transport(of: port))))
                }
                return lines + [.noNodes]
            }
            for port in ports {
                guard let nodePort = port.nodePort else {
                    lines.append(.path(AccessPath(origin: .fromNode, via: .nodePort, host: .nodeIP, port: nil, portAssigned: false,
                                                  transport: AccessPath.transport(of: port))))
                    continue
                }
                for node in ordered.prefix(listed) {
                    guard let (address, origin) = node.nodePortAddress else { continue }
                    lines.append(.path(AccessPath(origin: origin, via: .nodePort, host: .known(address), port: nodePort,
                                                  transport: AccessPath.transport(of: port))))
                }
                if ordered.count > listed {
                    lines.append(.more(ordered.count - listed, via: .nodePort, origin: .fromNode))
                }
            }
        }
        return lines
    }

    /// DNS names per port, then each ready endpoint: its own DNS name where it has a
    /// hostname, else its address, on the resolved target port.
    private static func headless(_ s: ServiceSummary, dns: String, pods: [BackendPod], targetPorts: [String: Int],
                                 domain: String) -> [AccessLine] {
        let ports = s.ports.map { port -> (ServiceSummary.Port, Int?) in
            (port, targetPorts[port.name ?? ""] ?? port.targetPort.flatMap { Int($0) } ?? port.port)
        }
        var lines: [AccessLine] = ports.isEmpty
            ? dnsLines(dns, ports: [])
            : ports.map { .path(AccessPath(origin: .inCluster, via: .dns, host: .known(dns), port: $0.1, transport: AccessPath.transport(of: $0.0))) }
        let ready = pods.filter { $0.isEndpoint && $0.ready && $0.address != nil }
        guard !ready.isEmpty else { return lines + [.noReadyEndpoints] }
        let hosts = ready.map { pod -> String in
            if let hostname = pod.hostname, !hostname.isEmpty { return "\(hostname).\(s.name).\(s.namespace).svc.\(domain)" }
            return pod.address ?? ""
        }
        for (port, number) in ports.isEmpty ? [(nil, nil)] : ports.map({ (Optional($0.0), $0.1) }) {
            let transport = port.map(AccessPath.transport(of:)) ?? .tcp
            for host in hosts.prefix(listed) {
                lines.append(.path(AccessPath(origin: .inCluster, via: .pod, host: .known(host), port: number, transport: transport)))
            }
            if hosts.count > listed { lines.append(.more(hosts.count - listed, via: .pod, origin: .inCluster)) }
        }
        return lines
    }
}
