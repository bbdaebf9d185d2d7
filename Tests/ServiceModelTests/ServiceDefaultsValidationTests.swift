import Testing
@testable import ServiceModel

@Suite struct ServiceDefaultsValidationTests {
    private func minimal(_ spec: KeyValuePairs<String, ManifestNode>) -> ManifestNode {
        .mapping(["apiVersion": .string("v1"), "kind": .string("Service"), "metadata": .mapping(["name": .string("web")]),
                  "spec": .mapping(spec)])
    }

    @Test func aBareClusterIPServiceGetsTheServersDefaults() {
        let defaulted = ServiceDefaults.apply(to: minimal(["ports": .sequence([.mapping(["port": .int(80)])])]))
        let spec = defaulted["spec"]
        #expect(spec?["type"] == .string("ClusterIP"))
        #expect(spec?["sessionAffinity"] == .string("None"))
        #expect(spec?["internalTrafficPolicy"] == .string("Cluster"))
        #expect(spec?["externalTrafficPolicy"] == nil)
        #expect(spec?["allocateLoadBalancerNodePorts"] == nil)
        #expect(spec?["ports"]?[0]?["protocol"] == .string("TCP"))
        #expect(spec?["ports"]?[0]?["targetPort"] == .int(80))
    }

    @Test func existingFieldsKeepTheirPlaceSoPathsStayTheOriginals() {
        let original = minimal(["ports": .sequence([.mapping(["name": .string("http"), "port": .int(80)])]), "selector": .mapping(["app": .string("web")])])
        let defaulted = ServiceDefaults.apply(to: original)
        #expect(defaulted["spec"]?.keys.prefix(2) == ["ports", "selector"])
        #expect(defaulted["spec"]?["ports"]?[0]?.keys.prefix(2) == ["name", "port"])
        #expect(defaulted.node(at: "spec.ports[0].port") == .int(80))
    }

    @Test func nodePortAndLoadBalancerGetTrafficPolicies() {
        let nodePort = ServiceDefaults.apply(to: minimal(["type": .string("NodePort")]))["spec"]
        #expect(nodePort?["externalTrafficPolicy"] == .string("Cluster"))
        #expect(nodePort?["allocateLoadBalancerNodePorts"] == nil)
        let lb = ServiceDefaults.apply(to: minimal(["type": .string("LoadBalancer")]))["spec"]
        #expect(lb?["externalTrafficPolicy"] == .string("Cluster"))
        #expect(lb?["allocateLoadBalancerNodePorts"] == .bool(true))
        #expect(lb?["internalTrafficPolicy"] == .string("Cluster"))
    }

    @Test func externalNameGetsNoTrafficPolicies() {
        let spec = ServiceDefaults.apply(to: minimal(["type": .string("ExternalName"), "externalName": .string("db.example.com")]))["spec"]
        #expect(spec?["internalTrafficPolicy"] == nil)
        #expect(spec?["externalTrafficPolicy"] == nil)
        #expect(spec?["sessionAffinity"] == .string("None"))
    }

    @Test func clientIPGetsThreeHoursAndNoneLosesItsConfig() {
        let clientIP = ServiceDefaults.apply(to: minimal(["sessionAffinity": .string("ClientIP")]))
        #expect(clientIP.node(at: "spec.sessionAffinityConfig.clientIP.timeoutSeconds") == .int(10800))
        let kept = ServiceDefaults.apply(to: minimal([
            "sessionAffinity": .string("ClientIP"),
            "sessionAffinityConfig": .mapping(["clientIP": .mapping(["timeoutSeconds": .int(3600)])]),
        ]))
        #expect(kept.node(at: "spec.sessionAffinityConfig.clientIP.timeoutSeconds") == .int(3600))
        let none = ServiceDefaults.apply(to: minimal([
            "sessionAffinityConfig": .mapping(["clientIP": .mapping(["timeoutSeconds": .int(3600)])]),
        ]))
        #expect(none["spec"]?["sessionAffinityConfig"] == nil)
    }

    @Test func aNamedTargetPortStaysAndAnEmptyOneBecomesThePort() {
        let spec = ServiceDefaults.apply(to: minimal(["ports": .sequence([
            .mapping(["port": .int(80), "targetPort": .string("http")]),
            .mapping(["port": .int(81), "targetPort": .string("")]),
            .mapping(["port": .int(82), "targetPort": .int(0)]),
            .mapping(["port": .int(83), "targetPort": .null]),
        ])]))["spec"]
        #expect(spec?["ports"]?.items?.map { $0["targetPort"] } == [.string("http"), .int(81), .int(82), .int(83)])
    }

    @Test func valuesOfTheWrongTypeAreLeftForTheValidator() {
        let original = minimal(["type": .int(5), "ports": .sequence([.mapping(["port": .string("80")])])])
        let spec = ServiceDefaults.apply(to: original)["spec"]
        #expect(spec?["type"] == .int(5))
        #expect(spec?["ports"]?[0]?["targetPort"] == nil)
        #expect(ServiceDefaults.apply(to: .sequence([])) == .sequence([]))
        let listSpec = ManifestNode.mapping(["spec": .sequence([])])
        #expect(ServiceDefaults.apply(to: listSpec) == listSpec)
    }

    @Test func aMissingSpecIsCreated() {
        let defaulted = ServiceDefaults.apply(to: .mapping(["kind": .string("Service")]))
        #expect(defaulted["spec"]?["type"] == .string("ClusterIP"))
    }

    @Test func defaultingTwiceChangesNothing() {
        let once = ServiceDefaults.apply(to: minimal(["type": .string("LoadBalancer"), "sessionAffinity": .string("ClientIP"),
                                                       "ports": .sequence([.mapping(["port": .int(80)])])]))
        #expect(ServiceDefaults.apply(to: once) == once)
    }
}
