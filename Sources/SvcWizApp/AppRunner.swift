import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

/// Runs the terminal UI: one loop on the main actor takes terminal events, lets `update`
/// change the state, starts the effects as tasks (their results come back through the
/// mailbox), and renders. Nothing is drawn unless something happened, so idle is silent.
@MainActor
public final class AppRunner {
    /// Opens the backend of another kubeconfig context (`:ctx NAME`), with its namespace.
    public typealias ContextSwitcher = @Sendable (String) throws -> (backend: any Backend, namespace: String)

    private var backend: any Backend
    private let options: AppOptions
    private var state: AppState
    private var watchTask: Task<Void, Never>?
    /// Posts `.tick` each second while the screen shows the age of rows kept through a failure.
    private var ticker: Task<Void, Never>?
    private var drafts: DraftStore
    private let switchContext: ContextSwitcher?

    public init(backend: any Backend, options: AppOptions, namespace: String, switchContext: ContextSwitcher? = nil) {
        self.backend = backend
        self.options = options
        self.switchContext = switchContext
        drafts = Self.drafts(for: backend)
        state = AppState(text: UIText(options.language), backend: backend.info, readOnly: options.readOnly,
                         size: TerminalSize(columns: 80, rows: 24), scope: .named(namespace),
                         exportFolder: FileManager.default.currentDirectoryPath)
        state.kubeVersion = options.kubeVersion
    }

    public func run() async throws {
        let terminal = try Terminal<AppEvent>(noColor: options.noColor)
        defer { terminal.stop() }
        state.size = terminal.size
        perform(state.start(), terminal: terminal)
        draw(terminal)
        loop: for await event in terminal.events {
            let effects: [AppEffect]
            switch event {
            case .key(let key): effects = state.update(.key(key))
            case .resize(let size): effects = state.update(.resize(size))
            case .resumed: effects = [.loadServices(state.scope)]
            case .message(let message): effects = state.update(message)
            }
            if effects.contains(.quit) { break loop }
            perform(effects, terminal: terminal)
            tick(terminal)
            draw(terminal)
        }
        watchTask?.cancel()
        ticker?.cancel()
    }

    /// Runs the second ticker only while something on screen ages by the second: an idle
    /// screen stays silent.
    private func tick(_ terminal: Terminal<AppEvent>) {
        if !state.showsStaleRows {
            ticker?.cancel()
            ticker = nil
        } else if ticker == nil {
            let mailbox = terminal.mailbox
            ticker = Task.detached {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(1))
                    if !Task.isCancelled { mailbox.post(.tick) }
                }
            }
        }
    }

    /// Drafts belong to one backend: a workspace folder or a cluster context.
    private static func drafts(for backend: any Backend) -> DraftStore {
        DraftStore(directory: DraftStore.defaultDirectory(), owner: backend.info.kind.rawValue + ":" + backend.info.location)
    }

    /// Where an export goes: a folder gets `<name>.<namespace>.service.yaml`; a path ending in
    /// `.json`, `.yaml` or `.yml` is the file itself, in that format.
    nonisolated static func exportTarget(_ target: String, name: String, namespace: String) -> (String, ManifestFormat) {
        let expanded = target.hasPrefix("~") ? NSHomeDirectory() + target.dropFirst() : target
        let lower = expanded.lowercased()
        if lower.hasSuffix(".json") { return (expanded, .json) }
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return (expanded, .yaml) }
        let folder = expanded.isEmpty ? "." : expanded
        return (URL(fileURLWithPath: folder).appendingPathComponent("\(name).\(namespace).service.yaml").path, .yaml)
    }

    private func draw(_ terminal: Terminal<AppEvent>) {
        let state = self.state
        terminal.render { surface in AppRenderer.render(state, on: surface) }
    }

    private func perform(_ effects: [AppEffect], terminal: Terminal<AppEvent>) {
        let mailbox = terminal.mailbox
        let backend = self.backend
        for effect in effects {
            switch effect {
            case .loadServices(let scope):
                Task.detached {
                    do throws(StoreError) {
                        mailbox.post(.servicesLoaded(scope, .success(try await backend.services(in: scope))))
                    } catch {
                        mailbox.post(.servicesLoaded(scope, .failure(error)))
                    }
                }
            case .watch(let scope):
                watchTask?.cancel()
                watchTask = Task.detached {
                    for await event in backend.changes(in: scope) {
                        if Task.isCancelled { break }
                        mailbox.post(.store(scope, event))
                    }
                }
            case .loadNamespaces:
                Task.detached {
                    if let names = try? await backend.namespaces() { mailbox.post(.namespacesLoaded(names)) }
                }
            case let .loadDetail(namespace, name):
                Task.detached {
                    do throws(StoreError) {
                        let stored = try await backend.service(named: name, in: namespace)
                        let backends = try? await backend.backends(of: stored)
                        // Events exist on a cluster only; a workspace shows no section for them.
                        let events = backend.info.kind == .cluster ? ((try? await backend.events(for: stored)) ?? []) : nil
                        mailbox.post(.detailLoaded(namespace: namespace, name: name,
                                                   .success(DetailData(stored: stored, backends: backends, events: events))))
                    } catch {
                        mailbox.post(.detailLoaded(namespace: namespace, name: name, .failure(error)))
                    }
                }
            case .delete(let targets):
                let language = options.language
                Task.detached {
                    for event in await DeleteEffect.run(targets, on: backend, language: language) { mailbox.post(event) }
                }
            case let .export(namespace, name, target, overwrite):
                Task.detached {
                    do throws(StoreError) {
                        let (path, format) = Self.exportTarget(target, name: name, namespace: namespace)
                        if !overwrite, FileManager.default.fileExists(atPath: path) {
                            mailbox.post(.exportExists(path: path, namespace: namespace, name: name))
                            return
                        }
                        let stored = try await backend.service(named: name, in: namespace)
                        let visible = ServerFields.stripped(stored.manifest)
                        let text = format == .json ? JSONWriter.write(visible) : YAMLWriter.write(visible)
                        try AtomicFile.write(Array(text.utf8), to: path)
                        mailbox.post(.exported(.success(path)))
                    } catch {
                        mailbox.post(.exported(.failure(error)))
                    }
                }
            case let .loadForText(namespace, name):
                Task.detached {
                    do throws(StoreError) {
                        mailbox.post(.textLoaded(.success(try await backend.service(named: name, in: namespace))))
                    } catch {
                        mailbox.post(.textLoaded(.failure(error)))
                    }
                }
            case .completePath(let input):
                let (completed, candidates) = PathCompletion.complete(input)
                mailbox.post(.pathCompleted(input: input, completed: completed, candidates: candidates))
            case .importFile(let input):
                Task.detached {
                    let path = input.hasPrefix("~") ? NSHomeDirectory() + input.dropFirst() : input
                    do throws(ManifestParseError) {
                        guard let bytes = try ManifestReader.contents(ofFile: path) else {
                            mailbox.post(.imported(path: input, .failure(.unreadable("cannot read the file"))))
                            return
                        }
                        let file = try ManifestReader.parse(bytes: bytes, path: input)
                        mailbox.post(.imported(path: input, .success(file.objects.filter(\.isService).map(\.node))))
                    } catch {
                        mailbox.post(.imported(path: input, .failure(.parse(error))))
                    }
                }
            case let .externalEditor(text, fileExtension):
                let path = NSTemporaryDirectory() + "svcwiz-edit-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).\(fileExtension)"
                guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8),
                                                     attributes: [.posixPermissions: 0o600]) else { break }
                let status = terminal.runOutsideCurses { EditorCommand.run(on: path) } ?? 127
                let edited = status == 0 ? (try? String(contentsOfFile: path, encoding: .utf8)) : nil
                try? FileManager.default.removeItem(atPath: path)
                mailbox.post(.externalEdited(edited, status: status))
            case .checkDraft:
                mailbox.post(.draftChecked(drafts.load()))
            case .saveDraft(let saved):
                // On the UI thread on purpose: the draft is on disk before the next key.
                try? drafts.save(saved)
            case .deleteDraft:
                drafts.remove()
            case let .checkName(namespace, name):
                Task.detached {
                    do throws(StoreError) {
                        _ = try await backend.service(named: name, in: namespace)
                        mailbox.post(.nameChecked(namespace: namespace, name: name, exists: true))
                    } catch {
                        if case .notFound = error { mailbox.post(.nameChecked(namespace: namespace, name: name, exists: false)) }
                    }
                }
            case .loadWorkloads(let namespace):
                Task.detached {
                    let workloads = (try? await backend.workloads(in: namespace)) ?? []
                    mailbox.post(.workloadsLoaded(namespace: namespace, workloads))
                }
            case .dryRunCreate(let manifest):
                Task.detached {
                    do throws(StoreError) {
                        mailbox.post(.dryRunChecked(manifest, .success(try await backend.create(manifest, dryRun: true))))
                    } catch {
                        mailbox.post(.dryRunChecked(manifest, .failure(error)))
                    }
                }
            case .create(let manifest):
                Task.detached {
                    do throws(StoreError) {
                        _ = try await backend.create(manifest, dryRun: true)
                        mailbox.post(.created(.success(try await backend.create(manifest, dryRun: false))))
                    } catch {
                        mailbox.post(.created(.failure(error)))
                    }
                }
            case let .update(manifest, version):
                Task.detached {
                    do throws(StoreError) {
                        mailbox.post(.updated(.success(try await backend.update(manifest, expecting: version))))
                    } catch {
                        mailbox.post(.updated(.failure(error)))
                    }
                }
            case let .updateText(manifest, text, version):
                Task.detached {
                    do throws(StoreError) {
                        mailbox.post(.updated(.success(try await backend.update(manifest, writing: text, expecting: version))))
                    } catch {
                        mailbox.post(.updated(.failure(error)))
                    }
                }
            case let .loadForEdit(namespace, name, step):
                Task.detached {
                    do throws(StoreError) {
                        mailbox.post(.editLoaded(step: step, .success(try await backend.service(named: name, in: namespace))))
                    } catch {
                        mailbox.post(.editLoaded(step: step, .failure(error)))
                    }
                }
            case .loadProblems:
                Task.detached {
                    if let found = try? await backend.problems(), !found.isEmpty { mailbox.post(.problems(found)) }
                }
            case .checkPermissions(let namespace):
                Task.detached {
                    var denied: Set<AppAction> = []
                    if await !backend.can("create", resource: "services", namespace: namespace) { denied.formUnion([.create, .importFile]) }
                    if await !backend.can("update", resource: "services", namespace: namespace) { denied.insert(.edit) }
                    if await !backend.can("delete", resource: "services", namespace: namespace) { denied.insert(.delete) }
                    mailbox.post(.permissions(namespace: namespace, denied: denied))
                }
            case .switchContext(let name):
                guard let switchContext else { break }
                do {
                    let (next, namespace) = try switchContext(name)
                    watchTask?.cancel()
                    self.backend = next
                    drafts = Self.drafts(for: next)
                    mailbox.post(.backendChanged(next.info, namespace: namespace))
                    if let resolve = options.kubeVersionOfBackend {
                        Task.detached { mailbox.post(.kubeVersionChosen(await resolve(next))) }
                    }
                } catch {
                    mailbox.post(.contextFailed("\(error)"))
                }
            case .suspend:
                terminal.suspend()
            case .redraw:
                terminal.repaintAll()
            case .quit:
                break
            }
        }
    }
}
