import Testing
@testable import ServiceModel

/// One row of the service table: a tweak of the valid service and the errors expected.
struct ServiceCase: Sendable, CustomTestStringConvertible {
    var name: String
    var tweak: @Sendable (inout ManifestNode) -> Void
    /// The expected (field, reason) pairs, in order.
    var causes: [String]

    init(_ name: String, _ causes: [String] = [], _ tweak: @escaping @Sendable (inout ManifestNode) -> Void) {
        self.name = name
        self.tweak = tweak
        self.causes = causes
    }

    var testDescription: String { name }
}

private func lb(_ m: inout ManifestNode) { m.set("spec.type", .string("LoadBalancer")) }
private func nodePort(_ m: inout ManifestNode) { m.set("spec.type", .string("NodePort")) }
private func headless(_ m: inout ManifestNode) { m.set("spec.clusterIP", .string("None")) }
private func externalName(_ m: inout ManifestNode, _ name: String = "foo.bar.example.com") {
    m.set("spec.type", .string("ExternalName"))
    m.set("spec.externalName", .string(name))
}
private func dualStack(_ m: inout ManifestNode) { m.set("spec.ipFamilyPolicy", .string("RequireDualStack")) }
private func clusterIPs(_ m: inout ManifestNode, _ first: String, _ all: [String]) {
    m.set("spec.clusterIP", .string(first))
    m.set("spec.clusterIPs", TestService.strings(all))
}

// The cases of TestValidateServiceCreate (pkg/apis/core/validation/validation_test.go) that a
// v1 manifest can express, after v1 defaulting. Expected causes are "field Reason".
let serviceCases: [ServiceCase] = [
    ServiceCase("valid 1") { _ in },
    ServiceCase("missing namespace is filled in by the backend") { $0.set("metadata.namespace", nil) },
    ServiceCase("invalid namespace", ["metadata.namespace FieldValueInvalid"]) { $0.set("metadata.namespace", .string("-123")) },
    ServiceCase("missing name", ["metadata.name FieldValueRequired"]) { $0.set("metadata.name", nil) },
    ServiceCase("invalid name", ["metadata.name FieldValueInvalid"]) { $0.set("metadata.name", .string("-123")) },
    ServiceCase("too long name", ["metadata.name FieldValueInvalid"]) { $0.set("metadata.name", .string(String(repeating: "a", count: 64))) },
    ServiceCase("generateName stands in for the name") {
        $0.set("metadata.name", nil)
        $0.set("metadata.generateName", .string("gen-"))
    },
    ServiceCase("invalid generateName", ["metadata.generateName FieldValueInvalid"]) { $0.set("metadata.generateName", .string("-123")) },
    ServiceCase("too long generateName", ["metadata.generateName FieldValueInvalid"]) {
        $0.set("metadata.generateName", .string(String(repeating: "a", count: 64)))
    },
    ServiceCase("invalid label", ["metadata.labels FieldValueInvalid"]) {
        $0.set("metadata.labels[NoUppercaseOrSpecialCharsLike=Equals]", .string("bar"))
    },
    ServiceCase("invalid annotation", ["metadata.annotations FieldValueInvalid"]) {
        $0.set("metadata.annotations[NoSpecialCharsLike=Equals]", .string("bar"))
    },
    ServiceCase("nil selector") { $0.set("spec.selector", nil) },
    ServiceCase("invalid selector", ["spec.selector FieldValueInvalid"]) { $0.set("spec.selector[NoSpecialCharsLike=Equals]", .string("bar")) },
    ServiceCase("missing session affinity is defaulted") { $0.set("spec.sessionAffinity", nil) },
    ServiceCase("missing type is defaulted") { $0.set("spec.type", nil) },
    ServiceCase("missing ports", ["spec.ports FieldValueRequired"]) { $0.set("spec.ports", nil) },
    ServiceCase("missing ports but headless") {
        $0.set("spec.ports", nil)
        headless(&$0)
    },
    ServiceCase("empty port[0] name") { $0.set("spec.ports[0].name", nil) },
    ServiceCase("empty port[1] name", ["spec.ports[1].name FieldValueRequired"]) { $0.appendPort(TestService.port(port: 12345, targetPort: 12345)) },
    ServiceCase("empty multi-port port[0] name", ["spec.ports[0].name FieldValueRequired"]) {
        $0.set("spec.ports[0].name", nil)
        $0.appendPort(TestService.port(name: "p2", port: 12345, targetPort: 12345))
    },
    ServiceCase("invalid port name", ["spec.ports[0].name FieldValueInvalid"]) { $0.set("spec.ports[0].name", .string("INVALID")) },
    ServiceCase("missing protocol is defaulted") { $0.set("spec.ports[0].protocol", nil) },
    ServiceCase("invalid protocol", ["spec.ports[0].protocol FieldValueNotSupported"]) { $0.set("spec.ports[0].protocol", .string("INVALID")) },
    ServiceCase("lowercase protocol", ["spec.ports[0].protocol FieldValueNotSupported"]) { $0.set("spec.ports[0].protocol", .string("tcp")) },
    ServiceCase("invalid cluster ip", ["spec.clusterIPs[0] FieldValueInvalid"]) { clusterIPs(&$0, "invalid", ["invalid"]) },
    ServiceCase("invalid cluster ip, clusterIPs filled from clusterIP", ["spec.clusterIPs[0] FieldValueInvalid"]) {
        $0.set("spec.clusterIP", .string("invalid"))
    },
    ServiceCase("missing port", ["spec.ports[0].port FieldValueInvalid"]) { $0.set("spec.ports[0].port", .int(0)) },
    ServiceCase("invalid port", ["spec.ports[0].port FieldValueInvalid"]) { $0.set("spec.ports[0].port", .int(65536)) },
    ServiceCase("invalid TargetPort int", ["spec.ports[0].targetPort FieldValueInvalid"]) { $0.set("spec.ports[0].targetPort", .int(65536)) },
    ServiceCase("missing targetPort is the port") { $0.set("spec.ports[0].targetPort", nil) },
    ServiceCase("targetPort 0 is the port") { $0.set("spec.ports[0].targetPort", .int(0)) },
    ServiceCase("missing port and targetPort", ["spec.ports[0].port FieldValueInvalid", "spec.ports[0].targetPort FieldValueInvalid"]) {
        $0.set("spec.ports[0].port", nil)
        $0.set("spec.ports[0].targetPort", nil)
    },
    ServiceCase("invalid TargetPort name", ["spec.ports[0].targetPort FieldValueInvalid"]) {
        $0.set("spec.ports[0].targetPort", .string("Bad_Port_Name"))
    },
    ServiceCase("quoted number TargetPort is a name without a letter", ["spec.ports[0].targetPort FieldValueInvalid"]) {
        $0.set("spec.ports[0].targetPort", .string("8080"))
    },
    ServiceCase("valid port headless") {
        $0.set("spec.ports[0].port", .int(11722))
        $0.set("spec.ports[0].targetPort", .int(11722))
        headless(&$0)
    },
    ServiceCase("invalid port headless 1 is tolerated in v1") {
        $0.set("spec.ports[0].targetPort", .int(11721))
        headless(&$0)
    },
    ServiceCase("invalid port headless 2 is tolerated in v1") {
        $0.set("spec.ports[0].targetPort", .string("target"))
        headless(&$0)
    },
    ServiceCase("invalid publicIPs localhost", ["spec.externalIPs[0] FieldValueInvalid"]) { $0.set("spec.externalIPs", TestService.strings(["127.0.0.1"])) },
    ServiceCase("invalid publicIPs unspecified", ["spec.externalIPs[0] FieldValueInvalid"]) { $0.set("spec.externalIPs", TestService.strings(["0.0.0.0"])) },
    ServiceCase("invalid publicIPs host", ["spec.externalIPs[0] FieldValueInvalid"]) { $0.set("spec.externalIPs", TestService.strings(["myhost.mydomain"])) },
    ServiceCase("valid publicIPs") { $0.set("spec.externalIPs", TestService.strings(["1.2.3.4"])) },
    ServiceCase("dup port name", ["spec.ports[1].name FieldValueDuplicate"]) { $0.appendPort(TestService.port(name: "p", port: 12345, targetPort: 12345)) },
    ServiceCase("valid load balancer protocol UDP 1") {
        lb(&$0)
        $0.set("spec.ports[0].protocol", .string("UDP"))
    },
    ServiceCase("load balancer with mix protocol") {
        lb(&$0)
        $0.appendPort(TestService.port(name: "q", port: 12345, protocol: "UDP", targetPort: 12345))
    },
    ServiceCase("valid 2") {
        $0.set("spec.ports[0].protocol", .string("UDP"))
        $0.set("spec.ports[0].targetPort", .int(12345))
    },
    ServiceCase("valid 3") { $0.set("spec.ports[0].targetPort", .string("http")) },
    ServiceCase("valid cluster ip - none") { headless(&$0) },
    ServiceCase("valid type - loadbalancer") { lb(&$0) },
    ServiceCase("valid type - loadbalancer with allocateLoadBalancerNodePorts=false") {
        lb(&$0)
        $0.set("spec.allocateLoadBalancerNodePorts", .bool(false))
    },
    ServiceCase("duplicate nodeports", ["spec.ports[2].nodePort FieldValueDuplicate"]) {
        nodePort(&$0)
        $0.appendPort(TestService.port(name: "q", port: 1, nodePort: 30001, targetPort: 1))
        $0.appendPort(TestService.port(name: "r", port: 2, nodePort: 30001, targetPort: 2))
    },
    ServiceCase("duplicate nodeports (different protocols)") {
        nodePort(&$0)
        $0.appendPort(TestService.port(name: "q", port: 1, nodePort: 30001, targetPort: 1))
        $0.appendPort(TestService.port(name: "r", port: 2, protocol: "UDP", nodePort: 30001, targetPort: 2))
        $0.appendPort(TestService.port(name: "s", port: 3, protocol: "SCTP", nodePort: 30001, targetPort: 3))
    },
    ServiceCase("invalid duplicate ports (with same protocol)", ["spec.ports[2] FieldValueDuplicate"]) {
        $0.appendPort(TestService.port(name: "q", port: 12345, targetPort: 8080))
        $0.appendPort(TestService.port(name: "r", port: 12345, targetPort: 80))
    },
    ServiceCase("valid duplicate ports (with different protocols)") {
        $0.appendPort(TestService.port(name: "q", port: 12345, targetPort: 8080))
        $0.appendPort(TestService.port(name: "r", port: 12345, protocol: "UDP", targetPort: 80))
        $0.appendPort(TestService.port(name: "s", port: 12345, protocol: "SCTP", targetPort: 8088))
    },
    ServiceCase("valid type - nodeport") { nodePort(&$0) },
    ServiceCase("valid type=NodePort service with NodePort") {
        nodePort(&$0)
        $0.appendPort(TestService.port(name: "q", port: 12345, nodePort: 30345, targetPort: 12345))
    },
    ServiceCase("nodePort outside the default range", ["spec.ports[1].nodePort FieldValueInvalid"]) {
        nodePort(&$0)
        $0.appendPort(TestService.port(name: "q", port: 12345, nodePort: 12345, targetPort: 12345))
    },
    ServiceCase("valid type loadbalancer with NodePort") {
        lb(&$0)
        $0.appendPort(TestService.port(name: "q", port: 12345, nodePort: 31345, targetPort: 12345))
    },
    ServiceCase("invalid cluster service with NodePort", ["spec.ports[1].nodePort FieldValueForbidden"]) {
        $0.appendPort(TestService.port(name: "q", port: 12345, nodePort: 12345, targetPort: 12345))
    },
    ServiceCase("valid port type=LoadBalancer 10250") {
        lb(&$0)
        $0.appendPort(TestService.port(name: "kubelet", port: 10250, targetPort: 12345))
    },
    ServiceCase("valid LoadBalancer source range annotation") {
        lb(&$0)
        $0.set("metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]", .string("1.2.3.0/24,  5.6.0.0/16"))
    },
    ServiceCase("valid empty LoadBalancer source range annotation") {
        lb(&$0)
        $0.set("metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]", .string(""))
    },
    ServiceCase("invalid LoadBalancer source range annotation (hostname)",
                ["metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges] FieldValueInvalid"]) {
        lb(&$0)
        $0.set("metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]", .string("foo.bar"))
    },
    ServiceCase("invalid LoadBalancer source range annotation for non LoadBalancer type service",
                ["metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges] FieldValueForbidden"]) {
        $0.set("metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]", .string("1.2.3.0/24"))
    },
    ServiceCase("valid LoadBalancer source range") {
        lb(&$0)
        $0.set("spec.loadBalancerSourceRanges", TestService.strings(["1.2.3.0/24", "5.6.0.0/16"]))
    },
    ServiceCase("valid LoadBalancer source range with whitespace") {
        lb(&$0)
        $0.set("spec.loadBalancerSourceRanges", TestService.strings(["1.2.3.0/24  ", " 5.6.0.0/16"]))
    },
    ServiceCase("invalid empty LoadBalancer source range", ["spec.loadBalancerSourceRanges FieldValueInvalid"]) {
        lb(&$0)
        $0.set("spec.loadBalancerSourceRanges", TestService.strings(["   "]))
    },
    ServiceCase("invalid LoadBalancer source range (invalid CIDR)", ["spec.loadBalancerSourceRanges FieldValueInvalid"]) {
        lb(&$0)
        $0.set("spec.loadBalancerSourceRanges", TestService.strings(["1.2.3.4/33"]))
    },
    ServiceCase("invalid source range for non LoadBalancer type service", ["spec.loadBalancerSourceRanges FieldValueForbidden"]) {
        $0.set("spec.loadBalancerSourceRanges", TestService.strings(["1.2.3.0/24", "5.6.0.0/16"]))
    },
    ServiceCase("invalid source range annotation ignored with valid source range field") {
        lb(&$0)
        $0.set("metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]", .string("foo.bar"))
        $0.set("spec.loadBalancerSourceRanges", TestService.strings(["1.2.3.0/24", "5.6.0.0/16"]))
    },
    ServiceCase("valid ExternalName") { externalName(&$0) },
    ServiceCase("valid ExternalName (trailing dot)") { externalName(&$0, "foo.bar.example.com.") },
    ServiceCase("valid ExternalName without ports") {
        externalName(&$0)
        $0.set("spec.ports", nil)
    },
    ServiceCase("invalid ExternalName clusterIP (valid IP)", ["spec.clusterIPs FieldValueForbidden"]) {
        externalName(&$0)
        clusterIPs(&$0, "1.2.3.4", ["1.2.3.4"])
    },
    ServiceCase("invalid ExternalName clusterIP (None)", ["spec.clusterIPs FieldValueForbidden"]) {
        externalName(&$0)
        headless(&$0)
    },
    ServiceCase("invalid ExternalName (not a DNS name)", ["spec.externalName FieldValueInvalid"]) { externalName(&$0, "-123") },
    ServiceCase("ExternalName without externalName", ["spec.externalName FieldValueRequired"]) { externalName(&$0, "") },
    ServiceCase("ExternalName with ipFamilies", ["spec.ipFamilies FieldValueForbidden", "spec.ipFamilyPolicy FieldValueForbidden"]) {
        externalName(&$0)
        $0.set("spec.ipFamilies", TestService.strings(["IPv4"]))
        $0.set("spec.ipFamilyPolicy", .string("SingleStack"))
    },
    ServiceCase("LoadBalancer type cannot have None ClusterIP", ["spec.clusterIPs[0] FieldValueInvalid"]) {
        headless(&$0)
        lb(&$0)
    },
    ServiceCase("invalid node port with clusterIP None", ["spec.clusterIPs[0] FieldValueInvalid"]) {
        nodePort(&$0)
        $0.appendPort(TestService.port(name: "q", port: 1, nodePort: 30001, targetPort: 1))
        headless(&$0)
    },
    ServiceCase("invalid externalTraffic field", ["spec.externalTrafficPolicy FieldValueInvalid"]) {
        lb(&$0)
        $0.set("spec.externalTrafficPolicy", .string("invalid"))
    },
    ServiceCase("externalTrafficPolicy on ClusterIP", ["spec.externalTrafficPolicy FieldValueInvalid"]) {
        $0.set("spec.externalTrafficPolicy", .string("Cluster"))
    },
    ServiceCase("internalTrafficPolicy field is set when type is ExternalName") {
        externalName(&$0)
        $0.set("spec.internalTrafficPolicy", .string("Cluster"))
    },
    ServiceCase("invalid internalTraffic field", ["spec.internalTrafficPolicy FieldValueNotSupported"]) {
        $0.set("spec.internalTrafficPolicy", .string("invalid"))
    },
    ServiceCase("internalTrafficPolicy field set to Local") { $0.set("spec.internalTrafficPolicy", .string("Local")) },
    ServiceCase("negative healthCheckNodePort field", ["spec.healthCheckNodePort FieldValueInvalid"]) {
        lb(&$0)
        $0.set("spec.externalTrafficPolicy", .string("Local"))
        $0.set("spec.healthCheckNodePort", .int(-1))
    },
    ServiceCase("valid healthCheckNodePort field") {
        lb(&$0)
        $0.set("spec.externalTrafficPolicy", .string("Local"))
        $0.set("spec.healthCheckNodePort", .int(31100))
    },
    ServiceCase("healthCheckNodePort without Local", ["spec.healthCheckNodePort FieldValueInvalid"]) {
        lb(&$0)
        $0.set("spec.healthCheckNodePort", .int(31100))
    },
    ServiceCase("invalid timeoutSeconds field", ["spec.sessionAffinityConfig.clientIP.timeoutSeconds FieldValueInvalid"]) {
        $0.set("spec.sessionAffinity", .string("ClientIP"))
        $0.set("spec.sessionAffinityConfig.clientIP.timeoutSeconds", .int(-1))
    },
    ServiceCase("timeoutSeconds 86400 is the maximum") {
        $0.set("spec.sessionAffinity", .string("ClientIP"))
        $0.set("spec.sessionAffinityConfig.clientIP.timeoutSeconds", .int(86400))
    },
    ServiceCase("ClientIP without a timeout gets the default") { $0.set("spec.sessionAffinity", .string("ClientIP")) },
    ServiceCase("sessionAffinityConfig with session affinity None is dropped by defaulting") {
        lb(&$0)
        $0.set("spec.sessionAffinityConfig.clientIP.timeoutSeconds", .int(90))
    },
    ServiceCase("invalid session affinity", ["spec.sessionAffinity FieldValueNotSupported"]) { $0.set("spec.sessionAffinity", .string("Sticky")) },
    ServiceCase("invalid type", ["spec.type FieldValueNotSupported"]) { $0.set("spec.type", .string("Clusterip")) },
    ServiceCase("allocateLoadBalancerNodePorts on ClusterIP", ["spec.allocateLoadBalancerNodePorts FieldValueForbidden"]) {
        $0.set("spec.allocateLoadBalancerNodePorts", .bool(true))
    },
    ServiceCase("loadBalancerClass on ClusterIP", ["spec.loadBalancerClass FieldValueForbidden"]) {
        $0.set("spec.loadBalancerClass", .string("example.com/lb"))
    },
    ServiceCase("invalid loadBalancerClass", ["spec.loadBalancerClass FieldValueInvalid"]) {
        lb(&$0)
        $0.set("spec.loadBalancerClass", .string("Bad/Class/Name"))
    },
    ServiceCase("valid appProtocol") { $0.set("spec.ports[0].appProtocol", .string("kubernetes.io/h2c")) },
    ServiceCase("invalid appProtocol", ["spec.ports[0].appProtocol FieldValueInvalid"]) { $0.set("spec.ports[0].appProtocol", .string("example.com/foo/bar")) },
    // ip families
    ServiceCase("invalid, service with invalid ipFamilies", ["spec.ipFamilies[0] FieldValueNotSupported"]) {
        $0.set("spec.ipFamilies", TestService.strings(["not-a-valid-ip-family"]))
    },
    ServiceCase("invalid, service with invalid ipFamilies (2nd)", ["spec.ipFamilies[1] FieldValueNotSupported"]) {
        dualStack(&$0)
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "not-a-valid-ip-family"]))
    },
    ServiceCase("IPFamilyPolicy(singleStack) is set for two families (allocator)", ["spec.ipFamilyPolicy FieldValueInvalid"]) {
        $0.set("spec.ipFamilyPolicy", .string("SingleStack"))
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
    },
    ServiceCase("invalid, service with 2+ ipFamilies", ["spec.ipFamilies[2] FieldValueDuplicate"]) {
        dualStack(&$0)
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6", "IPv4"]))
    },
    ServiceCase("invalid, service with same ip families", ["spec.ipFamilies[1] FieldValueDuplicate"]) {
        dualStack(&$0)
        $0.set("spec.ipFamilies", TestService.strings(["IPv6", "IPv6"]))
    },
    ServiceCase("invalid ipFamilyPolicy", ["spec.ipFamilyPolicy FieldValueNotSupported"]) { $0.set("spec.ipFamilyPolicy", .string("DualStack")) },
    ServiceCase("valid, service with valid ipFamilies(v6,v4)") {
        dualStack(&$0)
        $0.set("spec.ipFamilies", TestService.strings(["IPv6", "IPv4"]))
    },
    // cluster IPs
    ServiceCase("invalid, garbage ips", ["spec.clusterIPs[0] FieldValueInvalid", "spec.clusterIPs[1] FieldValueInvalid"]) {
        dualStack(&$0)
        clusterIPs(&$0, "garbage-ip", ["garbage-ip", "garbage-second-ip"])
    },
    ServiceCase("invalid, garbage second ip", ["spec.clusterIPs[1] FieldValueInvalid"]) {
        dualStack(&$0)
        clusterIPs(&$0, "2001::1", ["2001::1", "garbage-ip"])
    },
    ServiceCase("invalid, NONE + IP", ["spec.clusterIPs FieldValueInvalid"]) {
        dualStack(&$0)
        clusterIPs(&$0, "None", ["None", "2001::1"])
    },
    ServiceCase("invalid, IP + NONE", ["spec.clusterIPs[1] FieldValueInvalid"]) {
        dualStack(&$0)
        clusterIPs(&$0, "2001::1", ["2001::1", "None"])
    },
    ServiceCase("invalid, EMPTY STRING + IP", ["spec.clusterIPs FieldValueInvalid", "spec.clusterIPs[0] FieldValueInvalid"]) {
        dualStack(&$0)
        clusterIPs(&$0, "", ["", "2001::1"])
    },
    ServiceCase("invalid, first clusterIPs entry differs from clusterIP", ["spec.clusterIPs FieldValueInvalid"]) {
        clusterIPs(&$0, "10.0.0.1", ["10.0.0.2"])
    },
    ServiceCase("invalid, same ip family (v6)", ["spec.clusterIPs FieldValueInvalid", "spec.clusterIPs[0] FieldValueInvalid"]) {
        dualStack(&$0)
        clusterIPs(&$0, "2001::1", ["2001::1", "2001::4"])
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
    },
    ServiceCase("invalid, more than two ips", ["spec.clusterIPs FieldValueInvalid"]) {
        dualStack(&$0)
        clusterIPs(&$0, "10.0.0.1", ["10.0.0.1", "2001::1", "10.0.0.10"])
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
    },
    ServiceCase("invalid, families don't match (v4=>v6)", ["spec.clusterIPs[0] FieldValueInvalid"]) {
        clusterIPs(&$0, "10.0.0.1", ["10.0.0.1"])
        $0.set("spec.ipFamilies", TestService.strings(["IPv6"]))
    },
    ServiceCase("invalid, families don't match (v6=>v4)", ["spec.clusterIPs[0] FieldValueInvalid"]) {
        clusterIPs(&$0, "2001::1", ["2001::1"])
        $0.set("spec.ipFamilies", TestService.strings(["IPv4"]))
    },
    ServiceCase("valid, multi ips, multi ipfamilies (4,6)") {
        dualStack(&$0)
        clusterIPs(&$0, "10.0.0.1", ["10.0.0.1", "2001::1"])
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
    },
    ServiceCase("valid, headless-no-selector + multi family") {
        dualStack(&$0)
        headless(&$0)
        $0.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
        $0.set("spec.selector", nil)
    },
    ServiceCase("multi ip with SingleStack (allocator)", ["spec.ipFamilyPolicy FieldValueInvalid"]) {
        $0.set("spec.ipFamilyPolicy", .string("SingleStack"))
        clusterIPs(&$0, "10.0.0.1", ["10.0.0.1", "2001::1"])
    },
    // document and decoding
    ServiceCase("missing apiVersion", ["apiVersion FieldValueRequired"]) { $0.set("apiVersion", nil) },
    ServiceCase("wrong apiVersion", ["apiVersion FieldValueInvalid"]) { $0.set("apiVersion", .string("apps/v1")) },
    ServiceCase("wrong kind stops there", ["kind FieldValueInvalid"]) {
        $0.set("kind", .string("Pod"))
        $0.set("metadata.name", .string("Bad_Name"))
    },
    ServiceCase("quoted port", ["spec.ports[0].port FieldValueInvalid"]) { $0.set("spec.ports[0].port", .string("80")) },
    ServiceCase("type errors come alone", ["spec.selector FieldValueInvalid", "spec.ports[0].port FieldValueInvalid"]) {
        $0.set("spec.ports[0].port", .string("eighty"))
        $0.set("spec.selector", TestService.strings(["app=web"]))
        $0.set("metadata.name", .string("Bad_Name"))
    },
    ServiceCase("boolean label value", ["metadata.labels[enabled] FieldValueInvalid"]) { $0.set("metadata.labels[enabled]", .bool(true)) },
    ServiceCase("float nodePort", ["spec.ports[0].nodePort FieldValueInvalid"]) {
        $0.set("spec.ports[0].nodePort", ManifestNode(.scalar(Scalar(text: "30080.5", kind: .float))))
    },
    ServiceCase("port beyond int32", ["spec.ports[0].port FieldValueInvalid"]) { $0.set("spec.ports[0].port", .int(1 << 40)) },
    ServiceCase("targetPort as a boolean", ["spec.ports[0].targetPort FieldValueInvalid"]) { $0.set("spec.ports[0].targetPort", .bool(true)) },
    ServiceCase("ports as a mapping", ["spec.ports FieldValueInvalid"]) { $0.set("spec.ports", .mapping(["port": .int(80)])) },
    ServiceCase("name as a number", ["metadata.name FieldValueInvalid"]) { $0.set("metadata.name", .int(42)) },
    ServiceCase("null fields read as empty") {
        $0.set("spec.ports[0].protocol", .null)
        $0.set("spec.selector", .null)
        $0.set("metadata.labels", .null)
    },
    ServiceCase("unknown fields are dropped by v1.24, not errors") { $0.set("spec.portz", .string("whatever")) },
]

@Suite struct ServiceValidationTests {
    @Test(arguments: serviceCases)
    func kubernetesRules(_ testCase: ServiceCase) {
        var manifest = TestService.valid
        testCase.tweak(&manifest)
        let errors = ServiceValidator.validate(manifest)
        #expect(errors.map(\.cause.description) == testCase.causes, "\(errors)")
    }

    @Test(arguments: serviceCases)
    func everyErrorHasWordsInBothLanguages(_ testCase: ServiceCase) {
        var manifest = TestService.valid
        testCase.tweak(&manifest)
        for error in ServiceValidator.validate(manifest, rules: .wizard) {
            for language in Language.allCases {
                let template = Catalog.template(error.key, language: language)
                #expect(template != nil, "no \(language) text for \(error.key)")
                #expect(Catalog.placeholders(in: template ?? "").allSatisfy { error.arguments.indices.contains($0) },
                        "\(error.key) has fewer arguments than placeholders: \(error.arguments)")
            }
        }
    }

    @Test func causesComeInValidationOrder() {
        let manifest = TestService.valid
        var bad = manifest
        bad.set("metadata.name", .string("Bad_Name"))
        bad.set("spec.type", .string("Clusterip"))
        bad.set("spec.ports[0].port", .int(0))
        bad.set("spec.ports[0].targetPort", .int(8080))
        #expect(ServiceValidator.validate(bad).map(\.cause.description) == [
            "metadata.name FieldValueInvalid", "spec.ports[0].port FieldValueInvalid", "spec.type FieldValueNotSupported",
        ])
    }

    @Test func typeErrorSaysWhatToType() throws {
        var manifest = TestService.valid
        manifest.set("spec.ports[0].port", .string("80"))
        let error = try #require(ServiceValidator.validate(manifest).first)
        #expect(error.key == .typeInteger)
        #expect(error.arguments == ["80"])
        #expect(error.badValue == "80")
        #expect(error.message(in: .en) == "must be a number without quotes, e.g. 80")
        #expect(error.message(in: .zh) == "必须是不带引号的数字，例如 80")
    }

    @Test func labelKeyErrorsNameTheRow() throws {
        var manifest = TestService.valid
        manifest.set("spec.selector[app/x/y]", .string("web"))
        let error = try #require(ServiceValidator.validate(manifest).first)
        #expect(error.path == "spec.selector")
        #expect(error.element == .key("app/x/y"))
    }

    @Test func nodePortRangeCanBeTurnedOffOrChanged() {
        var manifest = TestService.valid
        manifest.set("spec.type", .string("NodePort"))
        manifest.set("spec.ports[0].nodePort", .int(80))
        #expect(ServiceValidator.validate(manifest).map(\.key) == [.nodePortRange])
        #expect(ServiceValidator.validate(manifest, rules: RuleSet.kubernetes.nodePortRange(nil)).isEmpty)
        #expect(ServiceValidator.validate(manifest, rules: RuleSet.kubernetes.nodePortRange(1...1024)).isEmpty)
    }

    @Test func wizardRulesAddToKubernetesRules() {
        var manifest = TestService.valid
        manifest.set("metadata.annotations[kubesphere.io/alias-name]", .string(" " + String(repeating: "服", count: 63)))
        manifest.set("metadata.annotations[kubesphere.io/description]", .string(String(repeating: "d", count: 257)))
        #expect(ServiceValidator.validate(manifest).isEmpty)
        #expect(ServiceValidator.validate(manifest, rules: .wizard).map(\.cause.description) == [
            "metadata.annotations[kubesphere.io/alias-name] FieldValueTooLong",
            "metadata.annotations[kubesphere.io/alias-name] FieldValueInvalid",
            "metadata.annotations[kubesphere.io/description] FieldValueTooLong",
        ])
    }

    @Test func wizardWantsASelectorAndPortsForHeadless() {
        var manifest = TestService.valid
        manifest.set("spec.clusterIP", .string("None"))
        manifest.set("spec.selector", nil)
        manifest.set("spec.ports", nil)
        #expect(ServiceValidator.validate(manifest).isEmpty)
        #expect(ServiceValidator.validate(manifest, rules: .wizard).map(\.cause.description) == [
            "spec.selector FieldValueRequired", "spec.ports FieldValueRequired",
        ])
    }

    @Test func wizardRefusesAKeyWrittenTwice() {
        var manifest = TestService.valid
        manifest.set("spec.selector", .mapping([
            ManifestEntry(key: "app", value: .string("a")), ManifestEntry(key: "app", value: .string("b")),
        ]))
        #expect(ServiceValidator.validate(manifest).isEmpty)
        let errors = ServiceValidator.validate(manifest, rules: .wizard)
        #expect(errors.map(\.cause.description) == ["spec.selector FieldValueDuplicate"])
        #expect(errors.first?.element == .key("app"))
    }

    @Test func wizardRefusesASelectorOnAnExternalName() {
        var manifest = TestService.valid
        manifest.set("spec.type", .string("ExternalName"))
        manifest.set("spec.externalName", .string("db.example.com"))
        #expect(ServiceValidator.validate(manifest).isEmpty)
        #expect(ServiceValidator.validate(manifest, rules: .wizard).map(\.cause.description) == ["spec.selector FieldValueForbidden"])
    }

    @Test func aManifestThatIsNotAMappingIsOneError() {
        #expect(ServiceValidator.validate(.sequence([])).map(\.cause.description) == [" FieldValueInvalid"])
    }
}
