/// The JSON types of a v1 Service's fields, for the check the API server makes while
/// decoding (a wrong type is a 400 before any validation). Unknown fields are not errors:
/// v1.24 drops them silently. Null is the zero value everywhere.
indirect enum FieldShape: Sendable {
    case string
    /// A 32-bit integer; `example` goes into the message.
    case int32(example: String)
    case int64
    case bool
    /// IntOrString: a number or a name.
    case portOrName
    /// map[string]string; `example` is one `key: value` entry.
    case stringMap(example: String)
    case list(FieldShape, example: String)
    case object([String: FieldShape], example: String)
    /// Not checked (status, managed fields, owner references).
    case any

    static let service = FieldShape.object([
        "apiVersion": .string,
        "kind": .string,
        "metadata": .object([
            "name": .string, "generateName": .string, "namespace": .string, "uid": .string,
            "resourceVersion": .string, "selfLink": .string, "creationTimestamp": .string,
            "deletionTimestamp": .string, "generation": .int64, "deletionGracePeriodSeconds": .int64,
            "labels": .stringMap(example: "app: web"),
            "annotations": .stringMap(example: "kubesphere.io/description: web front end"),
            "finalizers": .list(.string, example: "- example.com/cleanup"),
            "ownerReferences": .list(.any, example: "- kind: Deployment"),
            "managedFields": .list(.any, example: "- manager: kubectl"),
        ], example: "name: web"),
        "spec": .object([
            "ports": .list(.object([
                "name": .string, "protocol": .string, "appProtocol": .string,
                "port": .int32(example: "80"), "targetPort": .portOrName, "nodePort": .int32(example: "30080"),
            ], example: "port: 80"), example: "- port: 80"),
            "selector": .stringMap(example: "app: web"),
            "clusterIP": .string,
            "clusterIPs": .list(.string, example: "- 10.96.0.10"),
            "type": .string,
            "externalIPs": .list(.string, example: "- 203.0.113.10"),
            "sessionAffinity": .string,
            "loadBalancerIP": .string,
            "loadBalancerSourceRanges": .list(.string, example: "- 10.0.0.0/24"),
            "externalName": .string,
            "externalTrafficPolicy": .string,
            "healthCheckNodePort": .int32(example: "30000"),
            "publishNotReadyAddresses": .bool,
            "sessionAffinityConfig": .object([
                "clientIP": .object(["timeoutSeconds": .int32(example: "10800")], example: "timeoutSeconds: 10800"),
            ], example: "clientIP:"),
            "ipFamilies": .list(.string, example: "- IPv4"),
            "ipFamilyPolicy": .string,
            "allocateLoadBalancerNodePorts": .bool,
            "loadBalancerClass": .string,
            "internalTrafficPolicy": .string,
            "trafficDistribution": .string,
        ], example: "ports:"),
        "status": .any,
    ], example: "apiVersion: v1")

    /// The type errors of `node` at `path`, depth first in written order.
    func typeErrors(of node: ManifestNode, at path: FieldPath) -> [FieldError] {
        if node.isNull { return [] }
        func error(_ key: MessageKey, _ arguments: [String] = []) -> [FieldError] {
            [FieldError(path: path, kind: .invalid, key: key, arguments: arguments, badValue: node.scalarText)]
        }
        switch self {
        case .any:
            return []
        case .string:
            guard let scalar = node.scalar else { return error(.typeString, ["text"]) }
            return scalar.kind == .string ? [] : error(.typeString, [scalar.text])
        case .bool:
            return node.bool != nil ? [] : error(.typeBoolean)
        case .int64:
            return node.int != nil ? [] : error(.typeInteger, ["1"])
        case .int32(let example):
            guard let value = node.int else {
                let written = node.string.flatMap { Int($0.trimmingASCIISpaces) }.map(String.init) ?? example
                return error(.typeInteger, [written])
            }
            return Int(Int32.min)...Int(Int32.max) ~= value
                ? [] : error(.typeIntegerRange, ["\(Int32.min)", "\(Int32.max)"])
        case .portOrName:
            if node.string != nil { return [] }
            guard let value = node.int else { return error(.typePortOrName) }
            return Int(Int32.min)...Int(Int32.max) ~= value
                ? [] : error(.typeIntegerRange, ["\(Int32.min)", "\(Int32.max)"])
        case .stringMap(let example):
            guard let entries = node.entries else { return error(.typeMapping, [example]) }
            return entries.flatMap { entry -> [FieldError] in
                guard let scalar = entry.value.scalar else {
                    return [FieldError(path: path.key(entry.key), kind: .invalid, key: .typeString, arguments: ["text"])]
                }
                guard scalar.kind != .string && scalar.kind != .null else { return [] }
                return [FieldError(path: path.key(entry.key), kind: .invalid, key: .typeString,
                                   arguments: [scalar.text], badValue: scalar.text)]
            }
        case .list(let item, let example):
            guard let items = node.items else { return error(.typeSequence, [example]) }
            return items.enumerated().flatMap { item.typeErrors(of: $1, at: path.index($0)) }
        case .object(let fields, let example):
            guard let entries = node.entries else { return error(.typeMapping, [example]) }
            return entries.flatMap { entry in
                fields[entry.key].map { $0.typeErrors(of: entry.value, at: path.child(entry.key)) } ?? []
            }
        }
    }
}
