import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KubeClient
import ServiceModel
import ServiceStore

/// What a subcommand works with: the language, the backend and the namespace rule.
struct CommandContext {
    let language: Language
    let backend: any Backend
    let explicitNamespace: String?
    /// The release whose rules apply, and where that choice came from.
    let kubeVersion: KubeVersionChoice

    init(_ options: GlobalOptions) async throws {
        language = try options.language()
        explicitNamespace = options.namespace
        (backend, kubeVersion) = try await BackendChooser.open(options, language: language)
    }

    /// The rules of the chosen release, for what the command checks or warns about itself.
    /// A workspace is checked as a fresh single-stack cluster; a cluster's IP families are
    /// the server's to judge.
    var rules: RuleSet {
        backend is ClusterBackend ? RuleSet(profile: RulesProfile(kubeVersion.version)) : .server(kubeVersion.version)
    }

    /// Prints the warnings the release gives for `manifest` to standard error, as
    /// `file:line: warning: field: message`.
    func printWarnings(_ manifest: ManifestNode, previous: ManifestNode?, file: String) {
        let label = FieldWarning.label
        for warning in ServiceValidator.warnings(manifest, previous: previous, rules: rules) {
            let line = manifest.position(of: warning.path)?.line ?? manifest.position?.line ?? 1
            Console.emit("\(file):\(line): \(label): \(warning.path): \(warning.message(in: language))\n", to: STDERR_FILENO)
        }
    }

    /// `-n`; on a cluster, the context's namespace or `default`; in a workspace, `default`
    /// when it holds services, else the first namespace that does: a workspace of one
    /// project opens on that project, as an operator expects.
    func namespace() async throws -> String {
        if let explicitNamespace { return explicitNamespace }
        if let cluster = backend as? ClusterBackend { return cluster.defaultNamespace }
        // A workspace answers from its first pass: the screen then shows rows as they are parsed.
        let namespaces: Set<String>
        if let workspace = backend as? WorkspaceBackend {
            namespaces = try await workspace.serviceNamespaces()
        } else {
            namespaces = Set(try await backend.services(in: .all).map(\.namespace))
        }
        if namespaces.isEmpty || namespaces.contains("default") { return "default" }
        return namespaces.min() ?? "default"
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
    static func open(_ options: GlobalOptions, language: Language) async throws -> (any Backend, KubeVersionChoice) {
        if options.workspace == nil {
            var cluster: ClusterBackend?
            do {
                if let kubeconfig = try KubeconfigLoader.load(explicit: options.kubeconfig) {
                    cluster = try ClusterBackend(kubeconfig: kubeconfig, context: options.context, namespace: options.namespace)
                }
            } catch {
                Console.error(error.description)
                throw ExitCode(1)
            }
            if let cluster {
                return (cluster, try await KubeVersionChooser.cluster(cluster, flag: options.kubeVersion, language: language))
            }
            if options.kubeconfig != nil || options.context != nil {
                Console.error("no kubeconfig found (--kubeconfig, KUBECONFIG or ~/.kube/config)")
                throw ExitCode(1)
            }
        }
        let root = options.workspaceURL
        guard LocalPaths.isFolder(root.path) else {
            throw ValidationError("--workspace \(root.path): no such folder")
        }
        let choice = try KubeVersionChooser.workspace(root: root.path, flag: options.kubeVersion, language: language)
        let backend = try WorkspaceBackend(root: root.path, cacheDirectory: WorkspaceBackend.defaultCacheDirectory,
                                           rules: .server(choice.version))
        return (backend, choice)
    }
}

/// Standard output and error, unbuffered where it matters.
enum Console {
    static func out(_ text: String) {
        emit(text.hasSuffix("\n") ? text : text + "\n", to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        emit("svcwiz: " + text + "\n", to: STDERR_FILENO)
    }

    /// All of `text`, in as many `write(2)` calls as it takes; a closed pipe ends it quietly.
    static func emit(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
