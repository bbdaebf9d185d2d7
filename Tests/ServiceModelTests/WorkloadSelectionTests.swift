import Testing
import ServiceModel

/// Several workloads picked for one selector: the labels they share, and what else those select.
struct WorkloadSelectionTests {
    static func workload(_ kind: Workload.Kind, _ name: String, _ labels: KeyValuePairs<String, String>,
                         namespace: String = "shop", ports: [Workload.ContainerPort] = []) -> Workload {
        Workload(kind: kind, name: name, namespace: namespace, podLabels: labels.map { (key: $0.key, value: $0.value) },
                 replicas: kind == .daemonSet ? nil : 1, containerPorts: ports)
    }

    static let web = workload(.deployment, "web", ["app": "shop", "tier": "web", "track": "stable"],
                              ports: [.init(name: "http", port: 8080, protocol: "TCP")])
    static let cache = workload(.statefulSet, "cache", ["tier": "web", "app": "shop", "role": "cache"],
                                ports: [.init(name: "redis", port: 6379, protocol: "TCP"), .init(name: "http", port: 8080, protocol: "TCP")])
    static let agent = workload(.daemonSet, "agent", ["app": "shop", "role": "agent"])
    static let elsewhere = workload(.deployment, "web", ["app": "shop", "tier": "web"], namespace: "other")

    @Test func sharedLabelsAreThoseEveryPickedWorkloadHasWithTheSameValueInTheFirstOnesOrder() {
        let selection = WorkloadSelection(picking: [Self.web, Self.cache], among: [Self.web, Self.cache])
        #expect(selection.sharedLabels == [KeyValueRow(key: "app", value: "shop"), KeyValueRow(key: "tier", value: "web")])
        #expect(selection.alsoSelected.isEmpty)
    }

    @Test func mixedKindsWithNoCommonLabelShareNothing() {
        let other = Self.workload(.statefulSet, "db", ["app": "db", "tier": "data"])
        #expect(WorkloadSelection.sharedLabels(of: [Self.web, other]).isEmpty)
        let sameKeyOtherValue = Self.workload(.daemonSet, "logs", ["app": "logs", "tier": "web"])
        #expect(WorkloadSelection(picking: [Self.agent, sameKeyOtherValue], among: []).sharedLabels.isEmpty)
    }

    @Test func otherWorkloadsOfTheNamespaceTheSharedLabelsSelectAreListed() {
        let all = [Self.web, Self.cache, Self.agent, Self.elsewhere]
        let selection = WorkloadSelection(picking: [Self.cache, Self.agent], among: all)
        #expect(selection.sharedLabels == [KeyValueRow(key: "app", value: "shop")])
        #expect(selection.alsoSelected == [Self.web], "not the picked ones, not another namespace's")
    }

    @Test func pickingSetsTheSharedLabelsAndOffersEveryPickedWorkloadsPortsOnce() {
        var draft = ServiceDraft.empty(namespace: "shop")
        let change = draft.pick([Self.web, Self.cache, Self.agent])
        #expect(draft.selector == [KeyValueRow(key: "app", value: "shop")])
        #expect(change.current == draft.selector)
        #expect(draft.targetPortSuggestions.map(\.port) == [8080, 6379])
        #expect(draft.makeManifest().node(at: "spec.selector")?.keys == ["app"])
    }
}
