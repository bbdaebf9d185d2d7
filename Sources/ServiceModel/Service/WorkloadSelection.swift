/// Workloads picked together for one selector (the seed guide: "可以选择多个部署"): the pod
/// template labels every one of them carries, and the other workloads of their namespace
/// that those labels would select as well.
package struct WorkloadSelection: Sendable, Hashable {
    /// The picked workloads, in the order they were listed.
    package var picked: [Workload]
    /// The labels all picked workloads have with the same value, in the first one's order.
    package var sharedLabels: [KeyValueRow]
    /// Workloads not picked, in the picked ones' namespace, that the shared labels select too.
    package var alsoSelected: [Workload]

    /// `among` is every workload the picker listed; only its namespace's count.
    package init(picking picked: [Workload], among all: [Workload]) {
        self.picked = picked
        let shared = Self.sharedLabels(of: picked)
        sharedLabels = shared.map { KeyValueRow(key: $0.key, value: $0.value) }
        let namespace = picked.first?.namespace
        alsoSelected = all.filter { workload in
            workload.namespace == namespace && !picked.contains(workload) && workload.matches(selector: shared)
        }
    }

    /// The pod labels every workload has with the same value (none for no workloads).
    package static func sharedLabels(of workloads: [Workload]) -> [(key: String, value: String)] {
        guard let first = workloads.first else { return [] }
        return first.podLabels.filter { pair in
            workloads.dropFirst().allSatisfy { other in other.podLabels.contains { $0 == pair } }
        }
    }
}
