import ServiceModel
import ServiceStore

extension ServiceDetailContent {
    /// The matched workloads with their replicas, then (cluster) how many pods are ready
    /// of how many, as the list's BACKENDS says, and each pod or endpoint: name, IP, node
    /// and its ready, serving and terminating state.
    static func backendsSection(_ s: ServiceSummary, _ status: BackendStatus?, text: UIText) -> DetailSection {
        var lines: [DetailPair] = []
        if let status {
            for workload in status.workloads {
                let pods = workload.replicas.map { $0 == 1 ? text(.workloadPod) : text(.workloadPods, String($0)) } ?? text(.daemonPods)
                let ports = workload.containerPorts.map { p in p.name.map { "\($0):\(p.port)" } ?? String(p.port) }
                lines.append(DetailPair(text.workload(workload), ([pods] + ports).joined(separator: "  "), copy: workload.name))
            }
            if !status.endpoints.isEmpty {
                let count = status.count
                lines.append(DetailPair("", text(.podsReady, String(count.ready), String(count.total)),
                                        tone: count.ready == count.total ? .good : .warning, copy: .some(nil)))
            }
            for pod in status.endpoints { lines.append(podLine(pod, text: text)) }
        }
        if lines.isEmpty && s.kind != .headlessExternalName {
            let empty: UIKey = s.selector.isEmpty ? .noSelectorWarning : (status?.workloads.isEmpty == false ? .noPods : .noBackends)
            lines.append(DetailPair("", text(empty), tone: .warning))
        }
        return DetailSection(title: text(.sectionBackends), body: .lines(lines))
    }

    /// `Pod  web-ready  10.244.1.10:8080  node-1  ✓ ready`; a Pending pod says its phase and
    /// that it has no IP yet; a manual endpoint says so.
    static func podLine(_ pod: BackendPod, text: UIText) -> DetailPair {
        let address = pod.address.map { address in pod.port.map { "\(address):\($0)" } ?? address } ?? text(.podNoIP)
        var states: [String] = [pod.ready ? "✓ " + text(.endpointReady) : "✗ " + text(.endpointNotReady)]
        if pod.serving && !pod.ready { states.append(text(.endpointServing)) }
        if pod.terminating { states.append(text(.endpointTerminating)) }
        if !pod.isEndpoint, let phase = pod.phase { states.append(phase) }
        let value = ([pod.podName, address, pod.nodeName].compactMap { $0 } + [states.joined(separator: ", ")]).joined(separator: "  ")
        return DetailPair(pod.podName == nil ? text(.manualEndpoint) : text(.viaPod), value, tone: pod.ready ? .good : .bad, copy: .some(pod.address ?? pod.podName))
    }
}
