import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import KubeClient
import ServiceModel
import ServiceStore

/// The release a command checks against, or a clear error (exit 1) naming the setting that
/// is wrong and the supported range.
enum KubeVersionChooser {
    /// `--kube-version`, `SVCWIZ_KUBE_VERSION`, `.svcwiz.yaml`, else the newest.
    static func workspace(root: String, flag: String?, language: Language) throws -> KubeVersionChoice {
        do {
            return try KubeVersionSetting.resolve(flag: flag, environment: ProcessInfo.processInfo.environment, workspaceRoot: root)
        } catch {
            Console.error(error.message(in: language))
            throw ExitCode(1)
        }
    }

    /// `--kube-version` when given (to check by another release's rules), else the
    /// server's `/version`. A server svcwiz has no profile for is an error that says how to
    /// choose one.
    static func cluster(_ cluster: ClusterBackend, flag: String?, language: Language) async throws -> KubeVersionChoice {
        if flag != nil {
            return try workspace(root: FileManager.default.currentDirectoryPath, flag: flag, language: language)
        }
        do {
            let server = try await cluster.serverVersion()
            do {
                return KubeVersionChoice(version: try server.kubeVersion(), source: .cluster)
            } catch {
                Console.error("\(server.gitVersion.isEmpty ? "/version" : server.gitVersion): " + error.message(in: language)
                              + " (--kube-version X.Y checks by another release's rules)")
                throw ExitCode(1)
            }
        } catch is StoreError {
            // An unreachable server must not keep the UI from starting (it shows why and
            // retries); the title then says the version is not the cluster's.
            return KubeVersionChoice(version: .newest, source: .clusterUnanswered)
        }
    }
}
