import Foundation
import ServiceModel

/// A kubeconfig as kubectl sees it: one file, or several merged (the `KUBECONFIG` list).
///
/// Merging follows kubectl: the first file that names a cluster, user or context wins it,
/// and `current-context` comes from the first file that sets one. Relative file paths are
/// resolved against the folder of the file that wrote them, before merging.
public struct Kubeconfig: Sendable, Hashable {
    public var clusters: [String: Cluster]
    public var users: [String: User]
    public var contexts: [String: Context]
    public var currentContext: String?
    /// The files read, in order.
    public var files: [String]

    public init(clusters: [String: Cluster] = [:], users: [String: User] = [:], contexts: [String: Context] = [:],
                currentContext: String? = nil, files: [String] = []) {
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
        self.currentContext = currentContext
        self.files = files
    }

    /// A `clusters[].cluster` entry.
    public struct Cluster: Sendable, Hashable {
        public var server: String
        /// An absolute path.
        public var certificateAuthority: String?
        /// PEM bytes (decoded from base64).
        public var certificateAuthorityData: [UInt8]?
        public var insecureSkipTLSVerify: Bool
        public var tlsServerName: String?
        public var proxyURL: String?

        public init(server: String, certificateAuthority: String? = nil, certificateAuthorityData: [UInt8]? = nil,
                    insecureSkipTLSVerify: Bool = false, tlsServerName: String? = nil, proxyURL: String? = nil) {
            self.server = server
            self.certificateAuthority = certificateAuthority
            self.certificateAuthorityData = certificateAuthorityData
            self.insecureSkipTLSVerify = insecureSkipTLSVerify
            self.tlsServerName = tlsServerName
            self.proxyURL = proxyURL
        }
    }

    /// A `users[].user` entry. Its secrets are never printed: `description` is not derived.
    public struct User: Sendable, Hashable {
        public var clientCertificate: String?
        public var clientCertificateData: [UInt8]?
        public var clientKey: String?
        public var clientKeyData: [UInt8]?
        public var token: String?
        public var tokenFile: String?
        public var username: String?
        public var password: String?
        public var exec: ExecConfig?
        /// The name of a legacy `auth-provider` (gcp, azure, oidc): refused with a hint.
        public var authProvider: String?

        public init() {}
    }

    /// A `users[].user.exec` entry (client.authentication.k8s.io/v1 or v1beta1).
    public struct ExecConfig: Sendable, Hashable {
        public enum InteractiveMode: String, Sendable, Hashable {
            case never = "Never", ifAvailable = "IfAvailable", always = "Always"
        }

        public var apiVersion: String
        /// As written; a relative path with a slash is resolved against the kubeconfig's folder.
        public var command: String
        public var args: [String]
        public var env: [(name: String, value: String)]
        public var interactiveMode: InteractiveMode
        public var provideClusterInfo: Bool
        public var installHint: String?

        public init(apiVersion: String, command: String, args: [String] = [], env: [(name: String, value: String)] = [],
                    interactiveMode: InteractiveMode = .ifAvailable, provideClusterInfo: Bool = false, installHint: String? = nil) {
            self.apiVersion = apiVersion
            self.command = command
            self.args = args
            self.env = env
            self.interactiveMode = interactiveMode
            self.provideClusterInfo = provideClusterInfo
            self.installHint = installHint
        }

        public static func == (lhs: ExecConfig, rhs: ExecConfig) -> Bool {
            lhs.apiVersion == rhs.apiVersion && lhs.command == rhs.command && lhs.args == rhs.args
                && lhs.env.elementsEqual(rhs.env, by: { $0 == $1 }) && lhs.interactiveMode == rhs.interactiveMode
                && lhs.provideClusterInfo == rhs.provideClusterInfo && lhs.installHint == rhs.installHint
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(command)
            hasher.combine(args)
        }
    }

    /// A `contexts[].context` entry.
    public struct Context: Sendable, Hashable {
        public var cluster: String
        public var user: String
        public var namespace: String?

        public init(cluster: String, user: String, namespace: String? = nil) {
            self.cluster = cluster
            self.user = user
            self.namespace = namespace
        }
    }

    /// Context names, sorted: for a context picker.
    public var contextNames: [String] { contexts.keys.sorted() }

    /// Adds what `other` defines and `self` does not (kubectl's merge rule: first wins).
    public mutating func merge(_ other: Kubeconfig) {
        clusters.merge(other.clusters) { first, _ in first }
        users.merge(other.users) { first, _ in first }
        contexts.merge(other.contexts) { first, _ in first }
        if currentContext == nil || currentContext == "" { currentContext = other.currentContext }
        files += other.files
    }

    /// The cluster, user and namespace of `context` (default: `current-context`).
    public func resolve(context name: String? = nil) throws(KubeconfigError) -> ClusterContext {
        guard let contextName = name ?? currentContext, !contextName.isEmpty else {
            throw .noContext(files: files)
        }
        guard let context = contexts[contextName] else {
            throw .unknownContext(contextName, known: contextNames)
        }
        guard let cluster = clusters[context.cluster] else {
            throw .unknownCluster(context.cluster, context: contextName)
        }
        let user: User
        if context.user.isEmpty {
            user = User()
        } else if let found = users[context.user] {
            user = found
        } else {
            throw .unknownUser(context.user, context: contextName)
        }
        if let provider = user.authProvider { throw .authProviderUnsupported(provider, user: context.user) }
        return ClusterContext(name: contextName, clusterName: context.cluster, userName: context.user,
                              cluster: cluster, user: user, namespace: context.namespace)
    }
}

/// One context resolved: what the client needs to connect and authenticate.
public struct ClusterContext: Sendable, Hashable {
    public var name: String
    public var clusterName: String
    public var userName: String
    public var cluster: Kubeconfig.Cluster
    public var user: Kubeconfig.User
    /// The context's namespace, if it sets one.
    public var namespace: String?

    public init(name: String, clusterName: String, userName: String, cluster: Kubeconfig.Cluster,
                user: Kubeconfig.User, namespace: String?) {
        self.name = name
        self.clusterName = clusterName
        self.userName = userName
        self.cluster = cluster
        self.user = user
        self.namespace = namespace
    }
}

// Secrets never reach a log line, a test failure or a debugger summary: the user entry
// prints which forms it has, not their values.
extension Kubeconfig.User: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        var forms: [String] = []
        if clientCertificate != nil || clientCertificateData != nil { forms.append("client-certificate") }
        if token != nil { forms.append("token") }
        if let tokenFile { forms.append("tokenFile \(tokenFile)") }
        if username != nil { forms.append("basic") }
        if let exec { forms.append("exec \(exec.command)") }
        if let authProvider { forms.append("auth-provider \(authProvider)") }
        return "User(" + (forms.isEmpty ? "anonymous" : forms.joined(separator: ", ")) + ")"
    }

    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }
}
