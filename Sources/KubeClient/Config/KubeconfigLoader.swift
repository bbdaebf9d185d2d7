#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// Finds and reads kubeconfig files the way kubectl does.
package enum KubeconfigLoader {
    /// The files to read: `--kubeconfig` alone when given; else every entry of `KUBECONFIG`
    /// that exists (separated by `:`); else `~/.kube/config` when it exists. Empty when none.
    package static func paths(explicit: String?, environment: [String: String], home: String?) -> [String] {
        if let explicit, !explicit.isEmpty { return [absolute(explicit)] }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            var seen: Set<String> = []
            return list.split(separator: ":").map { absolute(String($0)) }.filter {
                FileManager.default.fileExists(atPath: $0) && seen.insert($0).inserted
            }
        }
        guard let home = home ?? environment["HOME"] else { return [] }
        let path = home + "/.kube/config"
        return FileManager.default.fileExists(atPath: path) ? [path] : []
    }

    /// Reads and merges the kubeconfig that `paths(...)` finds; nil when there is none.
    package static func load(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                            home: String? = nil) throws(KubeconfigError) -> Kubeconfig? {
        let files = paths(explicit: explicit, environment: environment, home: home)
        guard !files.isEmpty else { return nil }
        return try load(files: files)
    }

    /// Reads `files` in order and merges them, first definition wins.
    package static func load(files: [String]) throws(KubeconfigError) -> Kubeconfig {
        var merged = Kubeconfig()
        for file in files {
            let bytes: [UInt8]?
            do { bytes = try ManifestReader.contents(ofFile: file) } catch {
                throw .malformed(path: file, reason: error.message)
            }
            guard let bytes else {
                throw .unreadable(path: file, reason: FileManager.default.fileExists(atPath: file) ? "permission denied" : "no such file")
            }
            merged.merge(try parse(bytes: bytes, path: file))
        }
        return merged
    }

    /// Parses one kubeconfig file; relative paths in it are taken from `path`'s folder.
    package static func parse(bytes: [UInt8], path: String) throws(KubeconfigError) -> Kubeconfig {
        let root: ManifestNode
        do {
            let file = try ManifestReader.parse(bytes: bytes, path: path, format: .yaml)
            root = file.documents.first?.root ?? .mapping()
        } catch {
            throw .malformed(path: path, reason: "not valid YAML at line \(error.line): \(error.message)")
        }
        if root.isNull { return Kubeconfig(files: [path]) }
        guard root.isMapping else { throw .malformed(path: path, reason: "not a mapping") }
        let folder = PathText.parent(of: path)
        var config = Kubeconfig(files: [path])
        config.currentContext = root["current-context"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        for (name, node) in try named(root["clusters"], field: "cluster", path: path) where config.clusters[name] == nil {
            config.clusters[name] = try cluster(node, folder: folder, path: path, name: name)
        }
        for (name, node) in try named(root["users"], field: "user", path: path) where config.users[name] == nil {
            config.users[name] = try user(node, folder: folder, path: path, name: name)
        }
        for (name, node) in try named(root["contexts"], field: "context", path: path) where config.contexts[name] == nil {
            config.contexts[name] = Kubeconfig.Context(
                cluster: node["cluster"]?.scalarText ?? "", user: node["user"]?.scalarText ?? "",
                namespace: node["namespace"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 })
        }
        return config
    }

    // MARK: Entries

    private static func named(_ list: ManifestNode?, field: String, path: String) throws(KubeconfigError) -> [(String, ManifestNode)] {
        guard let list, !list.isNull else { return [] }
        guard let items = list.items else { throw .malformed(path: path, reason: "\(field)s must be a list") }
        var result: [(String, ManifestNode)] = []
        for item in items {
            guard let name = item["name"]?.scalarText else {
                throw .malformed(path: path, reason: "a \(field) entry has no name")
            }
            result.append((name, item[field] ?? .mapping()))
        }
        return result
    }

    private static func cluster(_ node: ManifestNode, folder: String, path: String, name: String) throws(KubeconfigError) -> Kubeconfig.Cluster {
        Kubeconfig.Cluster(
            server: node["server"]?.scalarText ?? "",
            certificateAuthority: file(node["certificate-authority"], folder: folder),
            certificateAuthorityData: try base64(node["certificate-authority-data"], field: "clusters[\(name)].certificate-authority-data", path: path),
            insecureSkipTLSVerify: node["insecure-skip-tls-verify"]?.bool ?? false,
            tlsServerName: text(node["tls-server-name"]),
            proxyURL: text(node["proxy-url"]))
    }

    private static func user(_ node: ManifestNode, folder: String, path: String, name: String) throws(KubeconfigError) -> Kubeconfig.User {
        var user = Kubeconfig.User()
        user.clientCertificate = file(node["client-certificate"], folder: folder)
        user.clientCertificateData = try base64(node["client-certificate-data"], field: "users[\(name)].client-certificate-data", path: path)
        user.clientKey = file(node["client-key"], folder: folder)
        user.clientKeyData = try base64(node["client-key-data"], field: "users[\(name)].client-key-data", path: path)
        user.token = text(node["token"])
        user.tokenFile = file(node["tokenFile"], folder: folder)
        user.username = text(node["username"])
        user.password = text(node["password"])
        user.authProvider = node["auth-provider"].flatMap { $0.isNull ? nil : ($0["name"]?.scalarText ?? "unnamed") }
        if let exec = node["exec"], exec.isMapping {
            guard let command = text(exec["command"]) else {
                throw .malformed(path: path, reason: "users[\(name)].exec has no command")
            }
            let mode = text(exec["interactiveMode"]).flatMap(Kubeconfig.ExecConfig.InteractiveMode.init(rawValue:))
            user.exec = Kubeconfig.ExecConfig(
                apiVersion: text(exec["apiVersion"]) ?? "client.authentication.k8s.io/v1",
                command: command.contains("/") ? absolute(command, in: folder) : command,
                args: (exec["args"]?.items ?? []).compactMap(\.scalarText),
                env: (exec["env"]?.items ?? []).compactMap { entry in
                    entry["name"]?.scalarText.map { ($0, entry["value"]?.scalarText ?? "") }
                },
                interactiveMode: mode ?? .ifAvailable,
                provideClusterInfo: exec["provideClusterInfo"]?.bool ?? false,
                installHint: text(exec["installHint"]))
        }
        return user
    }

    // MARK: Values

    private static func text(_ node: ManifestNode?) -> String? {
        guard let value = node?.scalarText, node?.isNull == false, !value.isEmpty else { return nil }
        return value
    }

    private static func file(_ node: ManifestNode?, folder: String) -> String? {
        text(node).map { absolute($0, in: folder) }
    }

    private static func base64(_ node: ManifestNode?, field: String, path: String) throws(KubeconfigError) -> [UInt8]? {
        guard let value = text(node) else { return nil }
        let compact = value.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact) else {
            throw .malformed(path: path, reason: "\(field) is not base64")
        }
        return Array(data)
    }

    static func absolute(_ path: String, in folder: String? = nil) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
            return home + path.dropFirst()
        }
        let base = folder ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true)).standardizedFileURL.path
    }
}
