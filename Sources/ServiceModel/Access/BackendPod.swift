/// One thing that serves (or is meant to serve) a service: a pod from its endpoints, a pod
/// the selector matches that is not an endpoint yet (Pending, no IP), or a manual endpoint
/// of a service without a selector.
///
/// The conditions follow discovery/v1's `EndpointConditions`: `ready` unknown is ready,
/// `serving` unknown follows `ready`, `terminating` unknown is not terminating. A pod that is
/// not an endpoint is neither ready nor serving: it receives no traffic.
package struct BackendPod: Sendable, Hashable {
    /// The pod's name; nil for a manual endpoint.
    package var podName: String?
    /// The endpoint or pod IP; nil while the pod has none.
    package var address: String?
    /// The first port of the endpoint's slice or subset (the resolved target port).
    package var port: Int?
    package var nodeName: String?
    /// The endpoint's `hostname` (a pod with `hostname` and `subdomain` set to the service's
    /// name): it has a DNS name of its own under a headless service.
    package var hostname: String?
    package var ready: Bool
    package var serving: Bool
    package var terminating: Bool
    /// `status.phase` when the pod itself was read (`Pending`, `Running`, ...).
    package var phase: String?
    /// True when the pod is in the service's EndpointSlices or Endpoints.
    package var isEndpoint: Bool

    package init(podName: String?, address: String?, port: Int? = nil, nodeName: String?, hostname: String? = nil,
                ready: Bool, serving: Bool? = nil, terminating: Bool = false, phase: String? = nil, isEndpoint: Bool = true) {
        self.podName = podName
        self.address = address
        self.port = port
        self.nodeName = nodeName
        self.hostname = hostname
        self.ready = ready
        self.serving = serving ?? ready
        self.terminating = terminating
        self.phase = phase
        self.isEndpoint = isEndpoint
    }
}
