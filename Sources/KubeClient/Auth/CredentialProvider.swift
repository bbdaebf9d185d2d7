#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceStore

/// What a request carries to prove who it is. Never printed.
struct Credential: Sendable {
    /// The `Authorization` header value, if any.
    var authorization: String?
    /// A client certificate from an exec plugin (PEM), presented instead of the kubeconfig's.
    var clientCertificate: (certificate: [UInt8], key: [UInt8])?
}

/// Produces the credential of a kubeconfig user: an exec plugin's (cached until its
/// `expirationTimestamp`), a token file's (read again after a 401), a token, or basic auth.
/// Client certificates from the kubeconfig live in the TLS settings.
actor CredentialProvider {
    private let user: Kubeconfig.User
    private let userName: String
    private let cluster: Kubeconfig.Cluster
    private let now: @Sendable () -> Date
    private var cachedExec: ExecCredential?
    private var cachedTokenFile: String?
    private var pendingExec: Task<Result<ExecCredential, StoreError>, Never>?
    /// Runs of the exec plugin so far (for tests and diagnostics).
    private(set) var execRuns = 0

    init(context: ClusterContext, now: @escaping @Sendable () -> Date = Date.init) {
        user = context.user
        userName = context.userName
        cluster = context.cluster
        self.now = now
    }

    /// True when a 401 may be cured by asking again (a token file or an exec plugin).
    var canRefresh: Bool { user.exec != nil || user.tokenFile != nil }

    func current() async throws(StoreError) -> Credential {
        if let exec = user.exec {
            let credential = try await execCredential(exec)
            return Credential(authorization: credential.token.map { "Bearer " + $0 },
                              clientCertificate: credential.clientCertificateData.flatMap { certificate in
                                  credential.clientKeyData.map { (certificate, $0) }
                              })
        }
        if let file = user.tokenFile {
            if cachedTokenFile == nil {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw .unauthorized(message: "tokenFile \(file) of user \(userName) cannot be read")
                }
                cachedTokenFile = String(decoding: data, as: UTF8.self).trimmingWhitespace(newlines: true)
            }
            if let token = cachedTokenFile, !token.isEmpty { return Credential(authorization: "Bearer " + token) }
        }
        if let token = user.token { return Credential(authorization: "Bearer " + token) }
        if let username = user.username, let password = user.password {
            return Credential(authorization: "Basic " + Data("\(username):\(password)".utf8).base64EncodedString())
        }
        return Credential(authorization: nil)
    }

    /// Forgets what a 401 proved stale: the token file's contents, the exec credential.
    func invalidate() {
        cachedExec = nil
        cachedTokenFile = nil
    }

    private func execCredential(_ exec: Kubeconfig.ExecConfig) async throws(StoreError) -> ExecCredential {
        if let cached = cachedExec, cached.expiration.map({ $0 > now() }) ?? true { return cached }
        // Requests that arrive while the plugin runs wait for the same run.
        if let pendingExec { return try await pendingExec.value.get() }
        execRuns += 1
        let (cluster, userName) = (cluster, userName)
        let task = Task { () -> Result<ExecCredential, StoreError> in
            do throws(StoreError) {
                return .success(try await ExecPlugin.run(exec, cluster: cluster, user: userName))
            } catch {
                return .failure(error)
            }
        }
        pendingExec = task
        let result = await task.value
        pendingExec = nil
        if case .success(let credential) = result { cachedExec = credential }
        return try result.get()
    }
}

extension Credential: CustomStringConvertible, CustomReflectable {
    var description: String { "Credential(<redacted>)" }
    var customMirror: Mirror { Mirror(self, children: []) }
}

extension ExecCredential: CustomStringConvertible, CustomReflectable {
    var description: String { "ExecCredential(<redacted>, expires: \(expiration.map { "\($0)" } ?? "never"))" }
    var customMirror: Mirror { Mirror(self, children: []) }
}
