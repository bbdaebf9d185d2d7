import ArgumentParser
import Foundation
import KubeClient
import ServiceModel
import ServiceStore
import SvcWizApp
import TerminalUI

/// `svcwiz` with no subcommand: the terminal UI on the chosen backend. Without a terminal
/// (a pipe, a script) it prints the list instead of drawing.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the terminal UI (the default when no subcommand is given).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Remove every write action from the UI.")
    var readOnly = false

    @Flag(name: .long, help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "Y shows the text to copy instead of setting the terminal's clipboard (also SVCWIZ_CLIPBOARD=off).")
    var noClipboard = false

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            var list = ListCommand()
            list.global = global
            try await list.run()
            return
        }
        let context = try await CommandContext(global)
        // Watching from the first scan means the screen's subscription needs no second one.
        if let workspace = context.backend as? WorkspaceBackend { await workspace.startWatching() }
        let namespace: String
        do {
            namespace = try await context.namespace()
        } catch let error as StoreError {
            throw context.fail(error)
        }
        var options = AppOptions(language: context.language, readOnly: readOnly, noColor: noColor)
        options.kubeVersion = context.kubeVersion
        options.clipboard = AppOptions.clipboardEnabled(noClipboardFlag: noClipboard, environment: ProcessInfo.processInfo.environment)
        let flag = global.kubeVersion
        let language = context.language
        options.kubeVersionOfBackend = { backend in
            guard let cluster = backend as? ClusterBackend else { return context.kubeVersion }
            return (try? await KubeVersionChooser.cluster(cluster, flag: flag, language: language))
                ?? KubeVersionChoice(version: .newest, source: .clusterUnanswered)
        }
        var switcher: AppRunner.ContextSwitcher?
        if let cluster = context.backend as? ClusterBackend {
            switcher = { name in
                let next = try cluster.backend(forContext: name)
                return (next, next.defaultNamespace)
            }
        }
        do {
            try await AppRunner(backend: context.backend, options: options, namespace: namespace, switchContext: switcher).run()
        } catch TerminalError.unsupportedTerminal(let term) {
            Console.error(UIText(context.language)(.terminalUnknown, term))
            throw ExitCode(1)
        }
    }
}
