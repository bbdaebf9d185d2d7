#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// A kubeconfig as kubectl sees it: one file, or several merged (the `KUBECONFIG` list).
///
/// Merging follows kubectl: the first file that names a cluster, user or context wins it,
/// and `current-context` comes from the first file that sets one. Relative file paths are
/// resolved against the folder of the file that wrote them, before merging.
package struct Kubeconfig: Sendable, Hashable {
    package var clusters: [String: Cluster]
    package var users: [String: User]
    package var contexts: [String: Context]
    package var currentContext: String?
    /// The files read, in order.
    package var files: [String]

    package init(clusters: [String: Cluster] = [:], users: [String: User] = [:], contexts: [String: Context] = [:],
                currentContext: String? = nil, files: [String] = []) {
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
        self.currentContext = currentContext
        self.files = files
    }

    /// A `clusters[].cluster` entry.
    package struct Cluster: Sendable, Hashable {
        package var server: String
        /// An absolute path.
        package var certificateAuthority: String?
        /// PEM bytes (decoded from base64).
        package var certificateAuthorityData: [UInt8]?
        package var insecureSkipTLSVerify: Bool
        package var tlsServerName: String?
        package var proxyURL: String?

        package init(server: String, certificateAuthority: String? = nil, certificateAuthorityData: [UInt8]? = nil,
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
    package struct User: Sendable, Hashable {
        package var clientCertificate: String?
        package var clientCertificateData: [UInt8]?
        package var clientKey: String?
        package var clientKeyData: [UInt8]?
        package var token: String?
        package var tokenFile: String?
        package var username: String?
        package var password: String?
        package var exec: ExecConfig?
        /// The name of a legacy `auth-provider` (gcp, azure, oidc): refused with a hint.
        package var authProvider: String?

        package init() {}
    }

    /// A `users[].user.exec` entry (client.authentication.k8s.io/v1 or v1beta1).
    package struct ExecConfig: Sendable, Hashable {
        package enum InteractiveMode: String, Sendable, Hashable {
            case never = "Never", ifAvailable = "IfAvailable", always = "Always"
        }

        package var apiVersion: String
        /// As written; a relative path with a slash is resolved against the kubeconfig's folder.
        package var command: String
        package var args: [String]
        package var env: [(name: String, value: String)]
        package var interactiveMode: InteractiveMode
        package var provideClusterInfo: Bool
        package var installHint: String?

        package init(apiVersion: String, command: String, args: [String] = [], env: [(name: String, value: String)] = [],
                    interactiveMode: InteractiveMode = .ifAvailable, provideClusterInfo: Bool = false, installHint: String? = nil) {
            self.apiVersion = apiVersion
            self.command = command
            self.args = args
            self.env = env
            self.interactiveMode = interactiveMode
            self.provideClusterInfo = provideClusterInfo
            self.installHint = installHint
        }

        package static func == (lhs: ExecConfig, rhs: ExecConfig) -> Bool {
            lhs.apiVersion == rhs.apiVersion && lhs.command == rhs.command && lhs.args == rhs.args
                && lhs.env.elementsEqual(rhs.env, by: { $0 == $1 }) && lhs.interactiveMode == rhs.interactiveMode
                && lhs.provideClusterInfo == rhs.provideClusterInfo && lhs.installHint == rhs.installHint
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(command)
            hasher.combine(args)
        }
    }

    /// A `contexts[].context` entry.
    package struct Context: Sendable, Hashable {
        package var cluster: String
        package var user: String
        package var namespace: String?

        package init(cluster: String, user: String, namespace: String? = nil) {
            self.cluster = cluster
            self.user = user
            self.namespace = namespace
        }
    }

    /// Context names, sorted: for a context picker.
    package var contextNames: [String] { contexts.keys.sorted() }

    /// Adds what `other` defines and `self` does not (kubectl's merge rule: first wins).
    package mutating func merge(_ other: Kubeconfig) {
        clusters.merge(other.clusters) { first, _ in first }
        users.merge(other.users) { first, _ in first }
        contexts.merge(other.contexts) { first, _ in first }
        if currentContext == nil || currentContext == "" { currentContext = other.currentContext }
        files += other.files
    }

    /// The cluster, user and namespace of `context` (default: `current-context`).
    package func resolve(context name: String? = nil) throws(KubeconfigError) -> ClusterContext {
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
package struct ClusterContext: Sendable, Hashable {
    package var name: String
    package var clusterName: String
    package var userName: String
    package var cluster: Kubeconfig.Cluster
    package var user: Kubeconfig.User
    /// The context's namespace, if it sets one.
    package var namespace: String?

    package init(name: String, clusterName: String, userName: String, cluster: Kubeconfig.Cluster,
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
    package var description: String {
        var forms: [String] = []
        if clientCertificate != nil || clientCertificateData != nil { forms.append("client-certificate") }
        if token != nil { forms.append("token") }
        if let tokenFile { forms.append("tokenFile \(tokenFile)") }
        if username != nil { forms.append("basic") }
        if let exec { forms.append("exec \(exec.command)") }
        if let authProvider { forms.append("auth-provider \(authProvider)") }
        return "User(" + (forms.isEmpty ? "anonymous" : forms.joined(separator: ", ")) + ")"
    }

    package var debugDescription: String { description }
    package var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }
}
