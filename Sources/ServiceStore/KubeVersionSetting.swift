#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// Which Kubernetes release a workspace is checked against, and why.
package struct KubeVersionChoice: Sendable, Hashable {
    package var version: KubeVersion
    package var source: Source

    package init(version: KubeVersion, source: Source) {
        self.version = version
        self.source = source
    }

    package enum Source: Sendable, Hashable {
        case flag
        case environment
        /// `kubernetesVersion:` in the workspace's settings file (its path).
        case file(String)
        case newest
        /// The server's `/version`.
        case cluster
        /// A cluster that did not answer `/version`: the newest profile stands in.
        case clusterUnanswered
    }

    /// "checked against Kubernetes 1.28 (from --kube-version)".
    package func summary(in language: Language) -> String {
        let from: String
        switch source {
        case .flag: from = Catalog.text(.kubeVersionFromFlag, language: language)
        case .environment: from = Catalog.text(.kubeVersionFromEnvironment, language: language)
        case .file(let path): from = Catalog.text(.kubeVersionFromFile, [path], language: language)
        case .newest: from = Catalog.text(.kubeVersionFromDefault, language: language)
        case .cluster: from = Catalog.text(.kubeVersionFromCluster, language: language)
        case .clusterUnanswered: from = Catalog.text(.kubeVersionClusterUnanswered, language: language)
        }
        return Catalog.text(.kubeVersionUsed, [version.description, from], language: language)
    }
}

/// A release setting that cannot be used, with where it was written.
package struct KubeVersionSettingError: Error, Sendable, Hashable {
    /// `--kube-version`, `SVCWIZ_KUBE_VERSION`, or `path:line: kubernetesVersion`.
    package var origin: String
    package var problem: Problem

    package enum Problem: Sendable, Hashable {
        case version(KubeVersionError)
        /// The settings file exists but is not a YAML mapping, or cannot be read.
        case file(String)
    }

    package func message(in language: Language) -> String {
        switch problem {
        case .version(let error): return "\(origin): " + error.message(in: language)
        case .file(let reason): return "\(origin): \(reason)"
        }
    }
}

/// The order the release is chosen in for a workspace: `--kube-version`, then
/// `SVCWIZ_KUBE_VERSION`, then `kubernetesVersion:` in `.svcwiz.yaml` at the workspace root,
/// else the newest profile. A value that is set but wrong is an error, never skipped: the
/// user asked for something and must not get another release's verdicts silently.
package enum KubeVersionSetting {
    package static let environmentVariable = "SVCWIZ_KUBE_VERSION"
    package static let fileName = ".svcwiz.yaml"
    package static let fileKey = "kubernetesVersion"

    package static func resolve(
        flag: String?, environment: [String: String], workspaceRoot: String
    ) throws(KubeVersionSettingError) -> KubeVersionChoice {
        if let flag {
            return try choice(flag, source: .flag, origin: "--kube-version")
        }
        if let value = environment[environmentVariable], !value.isEmpty {
            return try choice(value, source: .environment, origin: environmentVariable)
        }
        let path = URL(fileURLWithPath: workspaceRoot).appendingPathComponent(fileName).path
        if let setting = try fileSetting(at: path) {
            return try choice(setting.value, source: .file(path), origin: "\(path):\(setting.line): \(fileKey)")
        }
        return KubeVersionChoice(version: .newest, source: .newest)
    }

    private static func choice(_ text: String, source: KubeVersionChoice.Source, origin: String) throws(KubeVersionSettingError) -> KubeVersionChoice {
        do {
            return KubeVersionChoice(version: try KubeVersion.parse(text), source: source)
        } catch {
            throw KubeVersionSettingError(origin: origin, problem: .version(error))
        }
    }

    /// The `kubernetesVersion:` value of the settings file and its line; nil when there is no
    /// file or it does not set one.
    static func fileSetting(at path: String) throws(KubeVersionSettingError) -> (value: String, line: Int)? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubeVersionSettingError(origin: path, problem: .file("cannot read the file"))
        }
        let file: ManifestFile
        do {
            file = try ManifestReader.parse(bytes: Array(data), path: path, format: .yaml)
        } catch {
            throw KubeVersionSettingError(origin: "\(path):\(error.line)", problem: .file(error.message))
        }
        guard let root = file.documents.first?.root else { return nil }
        guard root.isMapping else {
            throw KubeVersionSettingError(origin: path, problem: .file("must be a mapping, e.g. \(fileKey): \"1.28\""))
        }
        guard let node = root[fileKey], !node.isNull else { return nil }
        return (node.scalarText ?? "", node.position?.line ?? 1)
    }
}
