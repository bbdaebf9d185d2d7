import ArgumentParser
import Foundation
import KubeClient
import ServiceModel
import ServiceStore

/// What a subcommand works with: the language, the backend and the namespace rule.
struct CommandContext {
    let language: Language
    let backend: any Backend
    let explicitNamespace: String?

    init(_ options: GlobalOptions) async throws {
        language = try options.language()
        explicitNamespace = options.namespace
        backend = try await BackendChooser.open(options)
    }

    /// `-n`; on a cluster, the context's namespace or `default`; in a workspace, `default`
    /// when it holds services, else the first namespace that does: a workspace of one
    /// project opens on that project, as an operator expects.
    func namespace() async throws -> String {
        if let explicitNamespace { return explicitNamespace }
        if let cluster = backend as? ClusterBackend { return cluster.defaultNamespace }
        let all = try await backend.services(in: .all)
        if all.isEmpty || all.contains(where: { $0.namespace == "default" }) { return "default" }
        return all.map(\.namespace).min() ?? "default"
    }

    /// Prints a backend error the way every subcommand does and ends with exit code 1.
    func fail(_ error: StoreError) -> ExitCode {
        Console.error(error.message(in: language))
        if case .invalid(_, let errors) = error {
            for fieldError in errors {
                Console.error("  \(fieldError.path): \(fieldError.message(in: language))")
            }
        }
        return ExitCode(1)
    }
}

/// Picks the backend from the command line: `--workspace DIR` is that folder; otherwise the
/// cluster when a kubeconfig is found (`--kubeconfig`, `KUBECONFIG`, `~/.kube/config`);
/// otherwise the current folder as a workspace.
enum BackendChooser {
    static func open(_ options: GlobalOptions) async throws -> any Backend {
        if options.workspace == nil {
            do {
                if let kubeconfig = try KubeconfigLoader.load(explicit: options.kubeconfig) {
                    return try ClusterBackend(kubeconfig: kubeconfig, context: options.context, namespace: options.namespace)
                }
            } catch {
                Console.error(error.description)
                throw ExitCode(1)
            }
            if options.kubeconfig != nil || options.context != nil {
                Console.error("no kubeconfig found (--kubeconfig, KUBECONFIG or ~/.kube/config)")
                throw ExitCode(1)
            }
        }
        let root = options.workspaceURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--workspace \(root.path): no such folder")
        }
        return try WorkspaceBackend(root: root.path, cacheDirectory: WorkspaceBackend.defaultCacheDirectory)
    }
}

/// Standard output and error, unbuffered where it matters.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("svcwiz: " + text + "\n").utf8))
    }
}
