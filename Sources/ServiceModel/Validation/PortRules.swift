/// A target port: a number or the name of a container port (Kubernetes' IntOrString).
package enum TargetPort: Sendable, Hashable, CustomStringConvertible {
    case number(Int)
    case name(String)

    /// Reads what a user typed: digits only is a number, anything else a name.
    package init(text: String) {
        if !text.isEmpty, text.utf8.allSatisfy(NameRules.isDigit), let value = Int(text) {
            self = .number(value)
        } else {
            self = .name(text)
        }
    }

    package var description: String {
        switch self {
        case .number(let n): return "\(n)"
        case .name(let s): return s
        }
    }
}

/// Port rules: the service port, target port, node port and session affinity timeout.
package enum PortRules {
    /// The ports a Service port may use.
    package static let validPorts = 1...65535
    /// The API server's default node port range (`--service-node-port-range`).
    package static let defaultNodePortRange = 30000...32767
    /// The ClientIP session affinity timeout, in seconds.
    package static let timeoutRange = 1...86400
    /// The protocols a Service port may use.
    package static let protocols = ["SCTP", "TCP", "UDP"]

    /// `spec.ports[i].port`: 1-65535.
    package static func port(_ value: Int, path: FieldPath) -> [FieldError] {
        validPorts.contains(value) ? [] : [range(.portRange, validPorts, value, path)]
    }

    /// `spec.ports[i].targetPort`: 1-65535 or a port name (IANA_SVC_NAME).
    package static func targetPort(_ value: TargetPort, path: FieldPath) -> [FieldError] {
        switch value {
        case .number(let n):
            return validPorts.contains(n) ? [] : [range(.targetPortRange, validPorts, n, path)]
        case .name(let name):
            return NameRules.isValidPortName(name).invalid(at: path, value: name)
        }
    }

    /// `spec.ports[i].nodePort` of a NodePort or LoadBalancer service: 0 (the cluster
    /// picks one) or inside the cluster's node port range.
    package static func nodePort(_ value: Int, path: FieldPath, range: ClosedRange<Int> = defaultNodePortRange) -> [FieldError] {
        value == 0 || range.contains(value) ? [] : [self.range(.nodePortRange, range, value, path)]
    }

    /// `spec.ports[i].name`: a DNS-1123 label (required by `ServiceValidator` when there
    /// are several ports).
    package static func portName(_ value: String, path: FieldPath) -> [FieldError] {
        NameRules.dns1123Label(value, path: path)
    }

    /// `spec.ports[i].protocol`: TCP, UDP or SCTP (upper case).
    package static func portProtocol(_ value: String, path: FieldPath) -> [FieldError] {
        notSupported(value, supported: protocols, path: path)
    }

    /// `spec.sessionAffinityConfig.clientIP.timeoutSeconds`: 1-86400.
    package static func timeout(_ value: Int, path: FieldPath = "spec.sessionAffinityConfig.clientIP.timeoutSeconds") -> [FieldError] {
        timeoutRange.contains(value) ? [] : [range(.timeoutRange, timeoutRange, value, path)]
    }

    static func range(_ key: MessageKey, _ range: ClosedRange<Int>, _ value: Int, _ path: FieldPath) -> FieldError {
        FieldError(path: path, kind: .invalid, key: key,
                   arguments: ["\(range.lowerBound)", "\(range.upperBound)"], badValue: "\(value)")
    }

    /// `field.NotSupported` when `value` is not one of `supported` (listed sorted, as
    /// Kubernetes lists them).
    static func notSupported(_ value: String, supported: [String], path: FieldPath) -> [FieldError] {
        supported.contains(value) ? [] : [FieldError(
            path: path, kind: .notSupported, key: .notSupported,
            arguments: [supported.sorted().joined(separator: ", ")], badValue: value)]
    }
}
