#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

/// Wires the terminal UI together: terminal events go to `update`, the effects it returns
/// go to the `EffectRunner` (whose results come back through the terminal's mailbox), and
/// the state is rendered after each event. Nothing is drawn unless something happened, so
/// idle is silent. Only the effects that need the terminal itself are run here.
@MainActor
package final class AppRunner {
    package typealias ContextSwitcher = EffectRunner.ContextSwitcher

    private let backend: any Backend
    private let options: AppOptions
    private var state: AppState
    private let switchContext: ContextSwitcher?
    /// Posts `.tick` every `tickerInterval` while the screen shows something that ages.
    private var ticker: Task<Void, Never>?
    private var tickerInterval: Duration?

    package init(backend: any Backend, options: AppOptions, namespace: String, switchContext: ContextSwitcher? = nil) {
        self.backend = backend
        self.options = options
        self.switchContext = switchContext
        state = AppState(text: UIText(options.language), backend: backend.info, readOnly: options.readOnly,
                         size: TerminalSize(columns: 80, rows: 24), scope: .named(namespace),
                         exportFolder: FileManager.default.currentDirectoryPath)
        state.choices.kubeVersion = options.kubeVersion
        state.choices.clipboard = options.clipboard
    }

    package func run() async throws {
        let terminal = try Terminal<AppEvent>(noColor: options.noColor)
        defer { terminal.stop() }
        let mailbox = terminal.mailbox
        let runner = EffectRunner(backend: backend, switchContext: switchContext,
                                  kubeVersionOf: options.kubeVersionOfBackend) { mailbox.post($0) }
        defer {
            runner.stop()
            ticker?.cancel()
        }
        state.size = terminal.size
        perform(state.start(), runner: runner, terminal: terminal)
        draw(terminal)
        for await event in terminal.events {
            let effects: [AppEffect]
            switch event {
            case .key(let key): effects = state.update(.key(key))
            case .resize(let size): effects = state.update(.resize(size))
            case .resumed: effects = [.loadServices(state.scope)]
            case .message(let message): effects = state.update(message)
            }
            if effects.contains(.quit) { break }
            perform(effects, runner: runner, terminal: terminal)
            tick(terminal)
            draw(terminal)
        }
    }

    /// Runs the ticker at the state's `redrawInterval`, and only while there is one: an
    /// idle screen with nothing that ages stays silent.
    private func tick(_ terminal: Terminal<AppEvent>) {
        let interval = state.redrawInterval
        guard interval != tickerInterval else { return }
        ticker?.cancel()
        ticker = nil
        tickerInterval = interval
        guard let interval else { return }
        let mailbox = terminal.mailbox
        ticker = Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if !Task.isCancelled { mailbox.post(.tick) }
            }
        }
    }

    private func draw(_ terminal: Terminal<AppEvent>) {
        let state = self.state
        terminal.render { surface in AppRenderer.render(state, on: surface) }
    }

    private func perform(_ effects: [AppEffect], runner: EffectRunner, terminal: Terminal<AppEvent>) {
        for effect in effects {
            switch effect {
            case let .externalEditor(text, fileExtension):
                let edited = EditorCommand.edit(text, fileExtension: fileExtension) { path in
                    terminal.runOutsideCurses { EditorCommand.run(on: path) }
                }
                if let edited { terminal.mailbox.post(.externalEdited(edited.text, status: edited.status)) }
            case .suspend:
                terminal.suspend()
            case .redraw:
                terminal.repaintAll()
            case .copyToClipboard(let text):
                terminal.copyToClipboard(text)
            default:
                runner.run(effect)
            }
        }
    }
}
