#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProcessSupport
import ServiceModel
import ServiceStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an exec credential plugin printed (`ExecCredential.status`).
struct ExecCredential: Sendable {
    var token: String?
    var clientCertificateData: [UInt8]?
    var clientKeyData: [UInt8]?
    /// When to run the plugin again; nil: keep it until the server answers 401.
    var expiration: Date?
}

/// Runs a `client.authentication.k8s.io` exec plugin (v1 or v1beta1) as kubectl does: with
/// its args and env, `KUBERNETES_EXEC_INFO` in the environment (and the cluster when
/// `provideClusterInfo`), standard input only when the plugin may be interactive.
enum ExecPlugin {
    static let supportedVersions = ["client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1"]

    static func run(_ config: Kubeconfig.ExecConfig, cluster: Kubeconfig.Cluster, user: String,
                    environment: [String: String] = ProcessInfo.processInfo.environment) async throws(StoreError) -> ExecCredential {
        let name = PathText.lastComponent(of: config.command)
        guard supportedVersions.contains(config.apiVersion) else {
            throw .unauthorized(message: "exec plugin \(name) for user \(user): apiVersion \(config.apiVersion) is not supported (use client.authentication.k8s.io/v1)")
        }
        let terminal = isatty(STDIN_FILENO) == 1
        let interactive: Bool
        switch config.interactiveMode {
        case .never: interactive = false
        case .ifAvailable: interactive = terminal
        case .always:
            guard terminal else {
                throw .unauthorized(message: "exec plugin \(name) for user \(user) needs a terminal (interactiveMode: Always)")
            }
            interactive = true
        }
        var env = environment
        for entry in config.env { env[entry.name] = entry.value }
        env["KUBERNETES_EXEC_INFO"] = execInfo(config, cluster: cluster, interactive: interactive)

        let result: ChildProcess.Result
        do {
            result = try await ChildProcess.run(config.command, arguments: config.args, environment: env,
                                                inheritStandardInput: interactive, inheritStandardError: interactive)
        } catch .notFound {
            let hint = config.installHint.map { ": " + $0 } ?? ""
            throw .unauthorized(message: "exec plugin \(name) for user \(user) was not found\(hint)")
        } catch {
            throw .unauthorized(message: "exec plugin \(name) for user \(user) could not be started")
        }
        guard result.exitCode == 0 else {
            let said = String(decoding: result.standardError.prefix(300), as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map { ": " + $0 } ?? ""
            throw .unauthorized(message: "exec plugin \(name) for user \(user) exited with status \(result.exitCode)\(said)")
        }
        return try parse(result.standardOutput, config: config, name: name, user: user)
    }

    static func parse(_ output: [UInt8], config: Kubeconfig.ExecConfig, name: String, user: String) throws(StoreError) -> ExecCredential {
        let malformed = StoreError.unauthorized(message: "exec plugin \(name) for user \(user) printed no valid ExecCredential")
        guard let root = try? ManifestReader.parse(bytes: output, format: .json).documents.first?.root,
              root["kind"]?.string == "ExecCredential", let status = root["status"], status.isMapping else {
            throw malformed
        }
        guard root["apiVersion"]?.string == config.apiVersion else {
            throw .unauthorized(message: "exec plugin \(name) for user \(user) answered with apiVersion \(root["apiVersion"]?.scalarText ?? "none"), expected \(config.apiVersion)")
        }
        var credential = ExecCredential()
        credential.token = status["token"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        credential.clientCertificateData = status["clientCertificateData"]?.string.map { Array($0.utf8) }
        credential.clientKeyData = status["clientKeyData"]?.string.map { Array($0.utf8) }
        credential.expiration = status["expirationTimestamp"]?.string.flatMap(ServiceSummary.parseTimestamp)
        guard credential.token != nil || (credential.clientCertificateData != nil && credential.clientKeyData != nil) else {
            throw malformed
        }
        return credential
    }

    /// The ExecCredential that goes to the plugin in `KUBERNETES_EXEC_INFO`.
    static func execInfo(_ config: Kubeconfig.ExecConfig, cluster: Kubeconfig.Cluster, interactive: Bool) -> String {
        var spec: [ManifestEntry] = [ManifestEntry(key: "interactive", value: .bool(interactive))]
        if config.provideClusterInfo {
            var info: [ManifestEntry] = [ManifestEntry(key: "server", value: .string(cluster.server))]
            if let name = cluster.tlsServerName { info.append(ManifestEntry(key: "tls-server-name", value: .string(name))) }
            if cluster.insecureSkipTLSVerify { info.append(ManifestEntry(key: "insecure-skip-tls-verify", value: .bool(true))) }
            let ca = cluster.certificateAuthorityData ?? cluster.certificateAuthority.flatMap { FileManager.default.contents(atPath: $0) }.map(Array.init)
            if let ca { info.append(ManifestEntry(key: "certificate-authority-data", value: .string(Data(ca).base64EncodedString()))) }
            if let proxy = cluster.proxyURL { info.append(ManifestEntry(key: "proxy-url", value: .string(proxy))) }
            spec.append(ManifestEntry(key: "cluster", value: .mapping(info)))
        }
        let node = ManifestNode.mapping([
            "kind": .string("ExecCredential"), "apiVersion": .string(config.apiVersion), "spec": .mapping(spec),
        ])
        return JSONWriter.compact(node)
    }
}
