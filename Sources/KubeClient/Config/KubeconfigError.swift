/// Why a kubeconfig could not be used. Messages name files, contexts and fields, never
/// secrets.
package enum KubeconfigError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case malformed(path: String, reason: String)
    case noContext(files: [String])
    case unknownContext(String, known: [String])
    case unknownCluster(String, context: String)
    case unknownUser(String, context: String)
    case authProviderUnsupported(String, user: String)
    case badServer(String)
    case badProxy(String)
    case tls(String)

    package var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "kubeconfig \(path): cannot read it (\(reason))"
        case let .malformed(path, reason):
            return "kubeconfig \(path): \(reason)"
        case let .noContext(files):
            return "kubeconfig \(files.joined(separator: ":")): no current-context; choose one with --context"
        case let .unknownContext(name, known):
            let list = known.isEmpty ? "none defined" : "known: " + known.joined(separator: ", ")
            return "kubeconfig: no context named \"\(name)\" (\(list))"
        case let .unknownCluster(name, context):
            return "kubeconfig: context \"\(context)\" names cluster \"\(name)\", which is not defined"
        case let .unknownUser(name, context):
            return "kubeconfig: context \"\(context)\" names user \"\(name)\", which is not defined"
        case let .authProviderUnsupported(provider, user):
            return "kubeconfig: user \"\(user)\" uses auth-provider \"\(provider)\", which is not supported: "
                + "use an exec credential plugin instead (e.g. kubelogin or your cloud's get-token command)"
        case let .badServer(server):
            return "kubeconfig: server \"\(server)\" is not an http(s) URL"
        case let .badProxy(proxy):
            return "kubeconfig: proxy-url \"\(proxy)\" is not supported (use an http:// proxy)"
        case let .tls(reason):
            return "kubeconfig: \(reason)"
        }
    }
}
