/// The API resources the backend uses, with their REST paths.
enum APIResource: String, Sendable, CaseIterable {
    case namespaces, services, endpoints, events, pods, nodes
    case endpointSlices = "endpointslices"
    case deployments, statefulSets = "statefulsets", daemonSets = "daemonsets"
    case selfSubjectAccessReviews = "selfsubjectaccessreviews"

    /// The plural name RBAC and the URL use.
    var plural: String { rawValue }

    var group: String {
        switch self {
        case .namespaces, .services, .endpoints, .events, .pods, .nodes: return ""
        case .endpointSlices: return "discovery.k8s.io"
        case .deployments, .statefulSets, .daemonSets: return "apps"
        case .selfSubjectAccessReviews: return "authorization.k8s.io"
        }
    }

    var kind: String {
        switch self {
        case .namespaces: return "Namespace"
        case .services: return "Service"
        case .endpoints: return "Endpoints"
        case .events: return "Event"
        case .pods: return "Pod"
        case .nodes: return "Node"
        case .endpointSlices: return "EndpointSlice"
        case .deployments: return "Deployment"
        case .statefulSets: return "StatefulSet"
        case .daemonSets: return "DaemonSet"
        case .selfSubjectAccessReviews: return "SelfSubjectAccessReview"
        }
    }

    var apiVersion: String { group.isEmpty ? "v1" : group + "/v1" }

    /// `/api/v1/namespaces/NS/services/NAME`; a nil namespace lists across all of them.
    func path(namespace: String? = nil, name: String? = nil) -> String {
        var path = group.isEmpty ? "/api/v1" : "/apis/\(group)/v1"
        if let namespace, self != .namespaces, self != .nodes { path += "/namespaces/" + APIRequest.encode(namespace) }
        path += "/" + plural
        if let name { path += "/" + APIRequest.encode(name) }
        return path
    }

    /// The API group RBAC knows a plural resource name by (unknown names: the core group).
    static func group(of resource: String) -> String {
        APIResource(rawValue: resource)?.group ?? ""
    }
}
