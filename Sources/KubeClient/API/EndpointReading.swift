import ServiceModel

/// Reads EndpointSlices (discovery/v1) and Endpoints (v1) into backends, with the
/// conditions' documented defaults: `ready` unknown is ready, `serving` unknown follows
/// `ready`, `terminating` unknown is not terminating. Endpoints' `addresses` are ready,
/// its `notReadyAddresses` not.
enum EndpointReading {
    /// The slice's endpoints (each with the slice's first port) and its ports by name.
    static func slice(_ slice: ManifestNode) -> (endpoints: [BackendPod], ports: [String: Int]) {
        let ports = portNumbers(slice["ports"])
        let first = slice["ports"]?[0]?["port"]?.int
        let endpoints = (slice["endpoints"]?.items ?? []).map { endpoint -> BackendPod in
            let conditions = endpoint["conditions"]
            let ready = conditions?["ready"]?.bool ?? true
            return BackendPod(
                podName: podName(endpoint["targetRef"]), address: endpoint["addresses"]?[0]?.scalarText, port: first,
                nodeName: endpoint["nodeName"]?.scalarText, hostname: endpoint["hostname"]?.scalarText, ready: ready,
                serving: conditions?["serving"]?.bool ?? ready, terminating: conditions?["terminating"]?.bool ?? false)
        }
        return (endpoints, ports)
    }

    /// An Endpoints object's addresses, ready ones first, and its ports by name.
    static func endpoints(_ object: ManifestNode) -> (endpoints: [BackendPod], ports: [String: Int]) {
        var endpoints: [BackendPod] = []
        var ports: [String: Int] = [:]
        for subset in object["subsets"]?.items ?? [] {
            ports.merge(portNumbers(subset["ports"])) { first, _ in first }
            let port = subset["ports"]?[0]?["port"]?.int
            for (key, ready) in [("addresses", true), ("notReadyAddresses", false)] {
                for address in subset[key]?.items ?? [] {
                    endpoints.append(BackendPod(
                        podName: podName(address["targetRef"]), address: address["ip"]?.scalarText, port: port,
                        nodeName: address["nodeName"]?.scalarText, hostname: address["hostname"]?.scalarText, ready: ready))
                }
            }
        }
        return (endpoints, ports)
    }

    private static func podName(_ targetRef: ManifestNode?) -> String? {
        targetRef?["kind"]?.string == "Pod" ? targetRef?["name"]?.scalarText : nil
    }

    /// `ports[].name` (the service port's name, `""` unnamed) to the resolved number.
    private static func portNumbers(_ ports: ManifestNode?) -> [String: Int] {
        var numbers: [String: Int] = [:]
        for port in ports?.items ?? [] {
            guard let number = port["port"]?.int else { continue }
            let name = port["name"]?.scalarText ?? ""
            if numbers[name] == nil { numbers[name] = number }
        }
        return numbers
    }
}

/// A pod reduced to what backends need: its labels, IP, node and phase.
struct PodRecord: Sendable {
    var name: String
    var namespace: String
    var labels: [String: String]
    var address: String?
    var nodeName: String?
    var phase: String
    var deleting: Bool

    init(_ object: ManifestNode) {
        let metadata = object["metadata"]
        name = metadata?["name"]?.scalarText ?? ""
        namespace = metadata?["namespace"]?.scalarText ?? ""
        labels = Dictionary((metadata?["labels"]?.stringPairs ?? []).map { ($0.key, $0.value) }) { first, _ in first }
        address = object["status"]?["podIP"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 }
        nodeName = object["spec"]?["nodeName"]?.scalarText
        phase = object["status"]?["phase"]?.scalarText ?? "Pending"
        deleting = metadata?["deletionTimestamp"] != nil
    }

    /// A pod that may still serve: not finished (Succeeded or Failed pods never return).
    var isLive: Bool { phase != "Succeeded" && phase != "Failed" }

    /// The pod as a backend that is not an endpoint: it receives no traffic yet.
    var waitingBackend: BackendPod {
        BackendPod(podName: name, address: address, nodeName: nodeName, ready: false, serving: false, terminating: deleting,
                   phase: phase, isEndpoint: false)
    }
}

/// Pods by namespace and label, so thousands of selectors match without a scan each.
struct PodIndex {
    private var byLabel: [String: [String: [Int]]] = [:]
    private let pods: [PodRecord]

    init(_ pods: [PodRecord]) {
        self.pods = pods
        for (i, pod) in pods.enumerated() {
            for (key, value) in pod.labels { byLabel[pod.namespace, default: [:]]["\(key)=\(value)", default: []].append(i) }
        }
    }

    /// The pods of `namespace` whose labels hold every pair of `selector` (not empty).
    func matching(_ selector: [(key: String, value: String)], in namespace: String) -> [PodRecord] {
        guard let labels = byLabel[namespace] else { return [] }
        let postings = selector.map { labels["\($0.key)=\($0.value)"] ?? [] }
        guard let shortest = postings.min(by: { $0.count < $1.count }) else { return [] }
        return shortest.map { pods[$0] }.filter { pod in selector.allSatisfy { pod.labels[$0.key] == $0.value } }
    }
}
