/// One way to reach a service: where it works from, through what, the address, and a
/// command that tries it. Values only; the detail screen words and draws them.
package struct AccessPath: Sendable, Hashable {
    /// Where a path works from.
    package enum Origin: Sendable, Hashable, CaseIterable {
        /// From a pod (and from the nodes, which route the service network too).
        case inCluster
        /// From the nodes' own network: a node port on a node's internal address.
        case fromNode
        /// From outside the cluster: external node addresses, load balancers, external IPs.
        case fromOutside
    }

    /// What the path goes through.
    package enum Via: Sendable, Hashable, CaseIterable {
        case dns, clusterIP, nodePort, loadBalancer, externalIP, externalName, pod
    }

    /// The host part: an address, or what stands in for one not known yet.
    package enum Host: Sendable, Hashable {
        case known(String)
        /// The cluster has not assigned it yet (a cluster IP in a manifest file).
        case assignedByCluster
        /// A node's address, not known here (see `NodeAddresses.Unknown`).
        case nodeIP
    }

    /// How a port is spoken to, which picks the command.
    package enum Transport: Sendable, Hashable {
        case http, https, tcp, udp, sctp
    }

    package var origin: Origin
    package var via: Via
    package var host: Host
    /// The port; nil for a path without one (a DNS name of a service without ports, the
    /// CNAME target), and for a node port not assigned yet (`portAssigned` false).
    package var port: Int?
    /// False when the port is the cluster's to assign (a node port left empty).
    package var portAssigned: Bool
    package var transport: Transport

    package init(origin: Origin, via: Via, host: Host, port: Int?, portAssigned: Bool = true, transport: Transport) {
        self.origin = origin
        self.via = via
        self.host = host
        self.port = port
        self.portAssigned = portAssigned
        self.transport = transport
    }

    /// `host:port` (IPv6 in brackets) when both are known; the host alone for a path
    /// without a port; nil while a part is unknown.
    package var address: String? {
        guard case .known(let host) = host, portAssigned else { return nil }
        guard let port else { return host }
        return Self.hostPort(host, port)
    }

    /// A command an operator can paste to try the path: `curl` for HTTP(S), `nc -vz` for
    /// TCP, `nc -vzu` for UDP; nil for SCTP (nc has none), without a port, or while a part
    /// of the address is unknown.
    package var command: String? {
        guard case .known(let host) = host, portAssigned, let port else { return nil }
        switch transport {
        case .http: return "curl http://\(Self.hostPort(host, port))/"
        case .https: return "curl https://\(Self.hostPort(host, port))/"
        case .tcp: return "nc -vz \(host) \(port)"
        case .udp: return "nc -vzu \(host) \(port)"
        case .sctp: return nil
        }
    }

    /// `10.0.0.1:80`, `[fd00::1]:80`, `web.shop.svc.cluster.local:80`.
    static func hostPort(_ host: String, _ port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// How a service port is spoken to. The protocol decides UDP and SCTP; for TCP the
    /// first that says: `appProtocol` (`http`, `https`, `kubernetes.io/h2c`, `kubernetes.io/ws`,
    /// `kubernetes.io/wss`), the port name's protocol part (Istio's `http-web`, `https`,
    /// `http2`, `grpc`), then the well-known numbers 443 and 8443 (HTTPS) and 80 and 8080
    /// (HTTP). Anything else is plain TCP.
    package static func transport(of port: ServiceSummary.Port) -> Transport {
        switch port.protocol.uppercased() {
        case "UDP": return .udp
        case "SCTP": return .sctp
        default: break
        }
        if let app = port.appProtocol?.lowercased(), !app.isEmpty {
            switch app {
            case "https", "kubernetes.io/wss", "wss": return .https
            case "http", "http2", "kubernetes.io/h2c", "h2c", "kubernetes.io/ws", "ws": return .http
            default: return .tcp
            }
        }
        if let name = port.name?.lowercased(), let prefix = name.split(separator: "-").first {
            switch prefix {
            case "https", "wss": return .https
            case "http", "http2", "h2c", "ws": return .http
            default: break
            }
        }
        switch port.port {
        case 443, 8443: return .https
        case 80, 8080: return .http
        default: return .tcp
        }
    }
}
