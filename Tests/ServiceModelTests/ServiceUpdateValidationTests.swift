import Testing
@testable import ServiceModel

/// A stored service and a change to it, with the causes expected (ValidateServiceUpdate and
/// the registry's fix-ups before it).
struct UpdateCase: Sendable, CustomTestStringConvertible {
    var name: String
    var old: @Sendable (inout ManifestNode) -> Void
    var new: @Sendable (inout ManifestNode) -> Void
    var causes: [String]

    init(_ name: String, _ causes: [String] = [], old: @escaping @Sendable (inout ManifestNode) -> Void = { _ in },
         new: @escaping @Sendable (inout ManifestNode) -> Void) {
        self.name = name
        self.old = old
        self.new = new
        self.causes = causes
    }

    var testDescription: String { name }
}

/// The valid service as the server stores it: with its allocated cluster IP.
private func stored(_ m: inout ManifestNode) {
    m.set("metadata.uid", .string("6ff82c92"))
    m.set("spec.clusterIP", .string("10.96.0.10"))
    m.set("spec.clusterIPs", TestService.strings(["10.96.0.10"]))
    m.set("spec.ipFamilies", TestService.strings(["IPv4"]))
    m.set("spec.ipFamilyPolicy", .string("SingleStack"))
}

private func storedNodePort(_ m: inout ManifestNode) {
    stored(&m)
    m.set("spec.type", .string("NodePort"))
    m.set("spec.externalTrafficPolicy", .string("Cluster"))
    m.set("spec.ports[0].nodePort", .int(30080))
}

let updateCases: [UpdateCase] = [
    UpdateCase("unchanged", old: stored) { stored(&$0) },
    UpdateCase("clusterIP left out is kept", old: stored) { _ in },
    UpdateCase("clusterIP changed, clusterIPs as read (103)", ["spec.clusterIPs[0] FieldValueInvalid"], old: stored) {
        stored(&$0)
        $0.set("spec.clusterIP", .string("10.96.0.11"))
    },
    UpdateCase("clusterIP and clusterIPs changed (104)", ["spec.clusterIPs[0] FieldValueInvalid"], old: stored) {
        stored(&$0)
        $0.set("spec.clusterIP", .string("10.96.0.11"))
        $0.set("spec.clusterIPs", TestService.strings(["10.96.0.11"]))
    },
    UpdateCase("clusterIPs changed alone", ["spec.clusterIPs[0] FieldValueInvalid", "spec.clusterIPs FieldValueInvalid"], old: stored) {
        stored(&$0)
        $0.set("spec.clusterIPs", TestService.strings(["10.96.0.11"]))
    },
    UpdateCase("name changed", ["metadata.name FieldValueInvalid"], old: stored) {
        stored(&$0)
        $0.set("metadata.name", .string("other"))
    },
    UpdateCase("namespace changed", ["metadata.namespace FieldValueInvalid"], old: stored) {
        stored(&$0)
        $0.set("metadata.namespace", .string("other"))
    },
    UpdateCase("uid changed", ["metadata.uid FieldValueInvalid"], old: stored) {
        stored(&$0)
        $0.set("metadata.uid", .string("another"))
    },
    UpdateCase("primary ipFamily changed", ["spec.ipFamilies[0] FieldValueInvalid", "spec.clusterIPs[0] FieldValueInvalid"], old: stored) {
        $0.set("spec.ipFamilies", TestService.strings(["IPv6"]))
    },
    UpdateCase("secondary cluster IP added (upgrade)", old: stored) {
        stored(&$0)
        $0.set("spec.ipFamilyPolicy", .string("RequireDualStack"))
        $0.set("spec.clusterIPs", TestService.strings(["10.96.0.10", "fd00::10"]))
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
    },
    UpdateCase("secondary cluster IP removed without SingleStack",
               ["spec.clusterIPs[0] FieldValueInvalid", "spec.clusterIPs[0] FieldValueInvalid"], old: {
        stored(&$0)
        $0.set("spec.ipFamilyPolicy", .string("RequireDualStack"))
        $0.set("spec.clusterIPs", TestService.strings(["10.96.0.10", "fd00::10"]))
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
    }) {
        stored(&$0)
        $0.set("spec.ipFamilyPolicy", .string("RequireDualStack"))
    },
    UpdateCase("secondary cluster IP removed with SingleStack", old: {
        stored(&$0)
        $0.set("spec.ipFamilyPolicy", .string("RequireDualStack"))
        $0.set("spec.clusterIPs", TestService.strings(["10.96.0.10", "fd00::10"]))
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
    }) { stored(&$0) },
    UpdateCase("ClusterIP to ExternalName clears the cluster IPs (133)", old: stored) {
        stored(&$0)
        $0.set("spec.type", .string("ExternalName"))
        $0.set("spec.externalName", .string("db.example.com"))
    },
    UpdateCase("ExternalName with a new clusterIP", ["spec.clusterIPs FieldValueForbidden"], old: stored) {
        stored(&$0)
        $0.set("spec.type", .string("ExternalName"))
        $0.set("spec.externalName", .string("db.example.com"))
        $0.set("spec.clusterIP", .string("10.96.0.11"))
        $0.set("spec.clusterIPs", TestService.strings(["10.96.0.11"]))
    },
    UpdateCase("NodePort to ClusterIP drops the node port and traffic policy (130)", old: storedNodePort) {
        storedNodePort(&$0)
        $0.set("spec.type", .string("ClusterIP"))
    },
    UpdateCase("NodePort to ClusterIP with a changed node port", ["spec.ports[0].nodePort FieldValueForbidden"], old: storedNodePort) {
        storedNodePort(&$0)
        $0.set("spec.type", .string("ClusterIP"))
        $0.set("spec.externalTrafficPolicy", nil)
        $0.set("spec.ports[0].nodePort", .int(30081))
    },
    UpdateCase("NodePort left out keeps the allocated one", old: storedNodePort) {
        storedNodePort(&$0)
        $0.set("spec.ports[0].nodePort", nil)
    },
    UpdateCase("headless may not become a virtual IP", ["spec.clusterIPs[0] FieldValueInvalid"], old: {
        $0.set("spec.clusterIP", .string("None"))
        $0.set("spec.clusterIPs", TestService.strings(["None"]))
    }) {
        $0.set("spec.clusterIP", .string("10.96.0.12"))
        $0.set("spec.clusterIPs", TestService.strings(["10.96.0.12"]))
    },
    UpdateCase("loadBalancerClass may not change", ["spec.loadBalancerClass FieldValueInvalid"], old: {
        stored(&$0)
        $0.set("spec.type", .string("LoadBalancer"))
        $0.set("spec.loadBalancerClass", .string("example.com/a"))
    }) {
        stored(&$0)
        $0.set("spec.type", .string("LoadBalancer"))
        $0.set("spec.loadBalancerClass", .string("example.com/b"))
    },
    UpdateCase("update errors come before the service's own", ["spec.clusterIPs[0] FieldValueInvalid", "spec.ports[0].port FieldValueInvalid"],
               old: stored) {
        stored(&$0)
        $0.set("spec.clusterIP", .string("10.96.0.11"))
        $0.set("spec.ports[0].port", .int(0))
    },
]

@Suite struct ServiceUpdateValidationTests {
    @Test(arguments: updateCases)
    func immutableFieldsAndTypeChanges(_ testCase: UpdateCase) {
        var old = TestService.valid
        testCase.old(&old)
        var new = TestService.valid
        testCase.new(&new)
        let errors = ServiceValidator.validate(new, previous: old)
        #expect(errors.map(\.cause.description) == testCase.causes, "\(errors)")
    }

    @Test func theSameChangeIsFineOnCreate() {
        var new = TestService.valid
        stored(&new)
        new.set("spec.clusterIP", .string("10.96.0.11"))
        new.set("spec.clusterIPs", TestService.strings(["10.96.0.11"]))
        #expect(ServiceValidator.validate(new).isEmpty)
    }

    @Test func immutableErrorNamesTheValueToKeep() throws {
        var old = TestService.valid
        stored(&old)
        var new = old
        new.set("spec.clusterIP", .string("10.96.0.11"))
        let error = try #require(ServiceValidator.validate(new, previous: old).first)
        #expect(error.arguments == ["10.96.0.10"])
        #expect(error.message(in: .en) == "cannot be changed once set; keep 10.96.0.10")
    }
}
