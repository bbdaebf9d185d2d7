import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// Options every subcommand shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The manifest folder to work on. Default: the cluster of the kubeconfig when there is one, else the current folder.", valueName: "dir"))
    var workspace: String?

    @Option(name: [.short, .long], help: "The namespace (project). Default: the context's namespace on a cluster; `default`, or the workspace's only namespace.")
    var namespace: String?

    @Option(name: .long, help: ArgumentHelp("The kubeconfig file (default: $KUBECONFIG, else ~/.kube/config). Ignored with --workspace.", valueName: "file"))
    var kubeconfig: String?

    @Option(name: .long, help: ArgumentHelp("The kubeconfig context to use (default: its current-context).", valueName: "name"))
    var context: String?

    @Option(name: .long, help: ArgumentHelp("Language of messages: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "lang"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default on a workspace: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in .svcwiz.yaml, else the newest; on a cluster: its /version.", valueName: "x.y"))
    var kubeVersion: String?

    /// The language chosen by `--lang`, else by the environment.
    func language() throws -> Language {
        if let lang {
            guard let language = Language(option: lang) else {
                throw ValidationError("--lang must be en or zh, not \(lang)")
            }
            return language
        }
        return Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    var workspaceURL: URL {
        URL(fileURLWithPath: workspace ?? FileManager.default.currentDirectoryPath).standardizedFileURL
    }
}
