import Foundation
import ServiceModel

/// The bench's services as a real API server (v1.24, `../shared/fixtures/kube-api/`) stores
/// and lists them after `kubectl apply`: the fields the server sets (uid, creationTimestamp,
/// clusterIP(s), ipFamilies, ipFamilyPolicy, internalTrafficPolicy, node ports,
/// `status.loadBalancer`), the `kubectl.kubernetes.io/last-applied-configuration`
/// annotation holding the applied manifest, and `managedFields` naming every field each
/// manager set. About 3.5 KB of JSON per service, where the workspace's YAML is 570 bytes.
enum ClusterCorpus {
    static let lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

    /// Service `i` of `Corpus`, as the server returns it (without `resourceVersion`, which
    /// the test server's store assigns).
    static func object(_ i: Int, namespace: String) throws -> ManifestNode {
        guard let applied = try ManifestReader.parse(Corpus.yaml(i, namespace: namespace, clusterIP: false), format: .yaml)
            .documents.first?.root else { throw BenchError("service \(i) does not parse") }
        let metadata = applied["metadata"]
        let spec = applied["spec"]
        let type = spec?["type"]?.string ?? "ClusterIP"
        let headless = spec?["clusterIP"]?.scalarText == "None"
        let created = "2026-11-\(10 + i % 15)T\(Corpus.padded(i / 60 % 24, 2)):\(Corpus.padded(i % 60, 2)):13Z"

        var annotations = metadata?["annotations"]?.entries ?? []
        annotations.append(ManifestEntry(key: lastApplied, value: .string(JSONWriter.compact(applied) + "\n")))
        annotations.sort { $0.key < $1.key }

        var specEntries: [ManifestEntry] = []
        var ports: [ManifestNode] = []
        for (n, port) in (spec?["ports"]?.items ?? []).enumerated() {
            var entries = port.entries ?? []
            if type == "NodePort" || type == "LoadBalancer", port["nodePort"] == nil {
                entries.append(ManifestEntry(key: "nodePort", value: .int(30_000 + (i * 3 + n) % 2_768)))
            }
            ports.append(.mapping(entries))
        }
        if type != "ExternalName" {
            specEntries.append(ManifestEntry(key: "ports", value: .sequence(ports)))
            if let selector = spec?["selector"]?.entries {
                specEntries.append(ManifestEntry(key: "selector", value: .mapping(selector.sorted { $0.key < $1.key })))
            }
            let ip = headless ? "None" : "10.96.\(i / 250 % 256).\(i % 250 + 1)"
            specEntries.append(ManifestEntry(key: "clusterIP", value: .string(ip)))
            specEntries.append(ManifestEntry(key: "clusterIPs", value: .sequence([.string(ip)])))
        }
        specEntries.append(ManifestEntry(key: "type", value: .string(type)))
        if let externalName = spec?["externalName"] {
            specEntries.append(ManifestEntry(key: "externalName", value: externalName))
        }
        specEntries.append(ManifestEntry(key: "sessionAffinity", value: spec?["sessionAffinity"] ?? .string("None")))
        if type == "NodePort" || type == "LoadBalancer" {
            specEntries.append(ManifestEntry(key: "externalTrafficPolicy", value: .string("Cluster")))
        }
        if type != "ExternalName" {
            specEntries.append(ManifestEntry(key: "ipFamilies", value: .sequence([.string("IPv4")])))
            specEntries.append(ManifestEntry(key: "ipFamilyPolicy", value: .string("SingleStack")))
        }
        if type == "LoadBalancer" {
            specEntries.append(ManifestEntry(key: "allocateLoadBalancerNodePorts", value: .bool(true)))
        }
        if type != "ExternalName" {
            specEntries.append(ManifestEntry(key: "internalTrafficPolicy", value: .string("Cluster")))
        }

        var managers = [managed("kubectl-client-side-apply", time: created, fields: appliedFields(applied))]
        var status: ManifestNode = .mapping(["loadBalancer": .mapping()])
        if type == "LoadBalancer" {
            let ingress = "139.198.\(i / 250 % 256).\(i % 250 + 1)"
            status = .mapping(["loadBalancer": .mapping(["ingress": .sequence([.mapping(["ip": .string(ingress)])])])])
            managers.append(managed("cloud-controller-manager", time: created, subresource: "status", fields: .mapping([
                "f:status": .mapping(["f:loadBalancer": .mapping(["f:ingress": .mapping()])]),
            ])))
        }

        return .mapping([
            "kind": .string("Service"), "apiVersion": .string("v1"),
            "metadata": .mapping([
                "name": metadata?["name"] ?? .string(Corpus.name(i)),
                "namespace": .string(namespace),
                "uid": .string(uid(i)),
                "resourceVersion": .string("0"),
                "creationTimestamp": .string(created),
                "labels": .mapping((metadata?["labels"]?.entries ?? []).sorted { $0.key < $1.key }),
                "annotations": .mapping(annotations),
                "managedFields": .sequence(managers),
            ]),
            "spec": .mapping(specEntries),
            "status": status,
        ])
    }

    /// The `fieldsV1` of what `kubectl apply` set: every key it wrote, ports by their keys.
    private static func appliedFields(_ applied: ManifestNode) -> ManifestNode {
        func fields(of node: ManifestNode?) -> ManifestNode {
            var entries = [ManifestEntry(key: ".", value: .mapping())]
            for entry in node?.entries ?? [] { entries.append(ManifestEntry(key: "f:" + entry.key, value: .mapping())) }
            return .mapping(entries)
        }
        var annotations = fields(of: applied["metadata"]?["annotations"])
        annotations = .mapping((annotations.entries ?? []) + [ManifestEntry(key: "f:" + lastApplied, value: .mapping())])
        var spec: [ManifestEntry] = []
        for entry in applied["spec"]?.entries ?? [] {
            switch entry.key {
            case "ports":
                var ports = [ManifestEntry(key: ".", value: .mapping())]
                for port in entry.value.items ?? [] {
                    let key = "k:{\"port\":\(port["port"]?.int ?? 0),\"protocol\":\"\(port["protocol"]?.scalarText ?? "TCP")\"}"
                    ports.append(ManifestEntry(key: key, value: fields(of: port)))
                }
                spec.append(ManifestEntry(key: "f:ports", value: .mapping(ports)))
            case "selector": spec.append(ManifestEntry(key: "f:selector", value: .mapping()))
            default: spec.append(ManifestEntry(key: "f:" + entry.key, value: .mapping()))
            }
        }
        return .mapping([
            "f:metadata": .mapping(["f:annotations": annotations, "f:labels": fields(of: applied["metadata"]?["labels"])]),
            "f:spec": .mapping(spec),
        ])
    }

    private static func managed(_ manager: String, time: String, subresource: String? = nil, fields: ManifestNode) -> ManifestNode {
        var entries: [ManifestEntry] = [
            ManifestEntry(key: "manager", value: .string(manager)),
            ManifestEntry(key: "operation", value: .string("Update")),
            ManifestEntry(key: "apiVersion", value: .string("v1")),
            ManifestEntry(key: "time", value: .string(time)),
            ManifestEntry(key: "fieldsType", value: .string("FieldsV1")),
            ManifestEntry(key: "fieldsV1", value: fields),
        ]
        if let subresource { entries.append(ManifestEntry(key: "subresource", value: .string(subresource))) }
        return .mapping(entries)
    }

    private static func uid(_ i: Int) -> String {
        let hex = String(UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        let digits = String(repeating: "0", count: 16 - hex.count) + hex + "a938143cbccd4bf3"
        let chars = Array(digits)
        return String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-4" + String(chars[13..<16]) + "-8" + String(chars[17..<20])
            + "-" + String(chars[20..<32])
    }
}
