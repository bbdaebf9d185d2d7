import Foundation
import ServiceModel
import ServiceStore

/// Runs the effects `update` asks for against the backend and the draft store, and posts
/// each result back as an event. It knows nothing of the terminal, so tests run it against
/// a workspace and read the events it posts.
@MainActor
package final class EffectRunner {
    /// Opens the backend of another kubeconfig context (`:ctx NAME`), with its namespace.
    package typealias ContextSwitcher = @Sendable (String) throws -> (backend: any Backend, namespace: String)
    /// Where results go: the terminal's mailbox in the app, an array in tests.
    package typealias Post = @Sendable (AppEvent) -> Void

    package private(set) var backend: any Backend
    package private(set) var drafts: DraftStore
    private let clock: @Sendable () -> Date
    private let post: Post
    private let switchContext: ContextSwitcher?
    /// The release of another backend after `:ctx` (a cluster's `/version`).
    private let kubeVersionOf: (@Sendable (any Backend) async -> KubeVersionChoice)?
    private let draftDirectory: String
    private var watchTask: Task<Void, Never>?

    package init(backend: any Backend, draftDirectory: String = DraftStore.defaultDirectory(),
                clock: @escaping @Sendable () -> Date = { Date() }, switchContext: ContextSwitcher? = nil,
                kubeVersionOf: (@Sendable (any Backend) async -> KubeVersionChoice)? = nil, post: @escaping Post) {
        self.backend = backend
        self.draftDirectory = draftDirectory
        self.drafts = Self.drafts(for: backend, in: draftDirectory)
        self.clock = clock
        self.switchContext = switchContext
        self.kubeVersionOf = kubeVersionOf
        self.post = post
    }

    /// Drafts belong to one backend: a workspace folder or a cluster context.
    private static func drafts(for backend: any Backend, in directory: String) -> DraftStore {
        DraftStore(directory: directory, owner: backend.info.kind.rawValue + ":" + backend.info.location)
    }

    /// Stops the watch; nothing else outlives a screen.
    package func stop() {
        watchTask?.cancel()
    }

    /// Starts `effect`. Backend work runs as a task, returned so a caller can wait for its
    /// event; draft writes and context switches happen before this returns. Effects that
    /// need the terminal (suspend, redraw, the external editor, quit) are not run here.
    @discardableResult
    package func run(_ effect: AppEffect) -> Task<Void, Never>? {
        switch effect {
        case .loadServices(let scope): return loadServices(scope)
        case .watch(let scope): return watch(scope)
        case .loadNamespaces: return loadNamespaces()
        case .loadDetail(let id): return loadDetail(id)
        case .delete(let targets): return delete(targets)
        case let .export(id, target, overwrite): return export(id, to: target, overwrite: overwrite)
        case .loadForText(let id): return loadForText(id)
        case .importFile(let path): return importFile(path)
        case .checkName(let id): return checkName(id)
        case .loadWorkloads(let namespace): return loadWorkloads(namespace)
        case .create(let manifest): return create(manifest)
        case .dryRunCreate(let manifest): return dryRunCreate(manifest)
        case let .update(manifest, version): return update(manifest, expecting: version)
        case let .updateText(manifest, text, version): return update(manifest, writing: text, expecting: version)
        case let .loadForEdit(id, step): return loadForEdit(id, step: step)
        case .loadProblems: return loadProblems()
        case .checkPermissions(let namespace): return checkPermissions(namespace)
        case .checkEditorText(let check): return checkEditorText(check)
        case .checkDraft, .saveDraft, .deleteDraft, .switchContext, .completePath: runAtOnce(effect)
        case .externalEditor, .copyToClipboard, .suspend, .redraw, .quit: break
        }
        return nil
    }

    /// Work done on the calling thread on purpose: a draft is on disk before the next key,
    /// a new backend is in place before the next effect, and a completion answers the Tab
    /// that asked for it before the next key is read.
    private func runAtOnce(_ effect: AppEffect) {
        switch effect {
        case .checkDraft:
            post(.draftChecked(drafts.load()))
        case .saveDraft(var saved):
            saved.savedAt = clock()
            try? drafts.save(saved)
        case .deleteDraft:
            drafts.remove()
        case .switchContext(let name):
            useContext(name)
        case .completePath(let input):
            let (completed, candidates) = PathCompletion.complete(input)
            post(.pathCompleted(input: input, completed: completed, candidates: candidates))
        default:
            break
        }
    }

    private func useContext(_ name: String) {
        guard let switchContext else { return }
        do {
            let (next, namespace) = try switchContext(name)
            watchTask?.cancel()
            backend = next
            drafts = Self.drafts(for: next, in: draftDirectory)
            post(.backendChanged(next.info, namespace: namespace))
            if let kubeVersionOf {
                let post = self.post
                Task.detached { post(.kubeVersionChosen(await kubeVersionOf(next))) }
            }
        } catch {
            post(.contextFailed("\(error)"))
        }
    }

    /// A task on the backend whose thrown `StoreError` becomes the failure of its event.
    private func attempt<T: Sendable>(_ work: @escaping @Sendable (any Backend) async throws(StoreError) -> T,
                                      then event: @escaping @Sendable (Result<T, StoreError>) -> AppEvent) -> Task<Void, Never> {
        let backend = self.backend, post = self.post
        return Task.detached {
            do throws(StoreError) {
                post(event(.success(try await work(backend))))
            } catch {
                post(event(.failure(error)))
            }
        }
    }

    /// A task on the backend that posts only when it has something to say.
    private func spawn(_ work: @escaping @Sendable (any Backend, Post) async -> Void) -> Task<Void, Never> {
        let backend = self.backend, post = self.post
        return Task.detached { await work(backend, post) }
    }

    // MARK: Reading

    private func loadServices(_ scope: NamespaceScope) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in try await backend.services(in: scope) }, then: { .servicesLoaded(scope, $0) })
    }

    private func watch(_ scope: NamespaceScope) -> Task<Void, Never> {
        watchTask?.cancel()
        let task = spawn { backend, post in
            for await event in backend.changes(in: scope) {
                if Task.isCancelled { break }
                post(.store(scope, event))
            }
        }
        watchTask = task
        return task
    }

    private func loadNamespaces() -> Task<Void, Never> {
        spawn { backend, post in
            if let names = try? await backend.namespaces() { post(.namespacesLoaded(names)) }
        }
    }

    private func loadDetail(_ id: ServiceID) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in
            let stored = try await backend.service(id)
            let backends = try? await backend.backends(of: stored)
            // Events exist on a cluster only; a workspace shows no section for them.
            let events = backend.info.kind == .cluster ? ((try? await backend.events(for: stored)) ?? []) : nil
            return DetailData(stored: stored, backends: backends, events: events, nodes: await backend.nodes())
        }, then: { .detailLoaded(id, $0) })
    }

    private func loadForText(_ id: ServiceID) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in try await backend.service(id) },
                then: { .textLoaded($0) })
    }

    private func loadForEdit(_ id: ServiceID, step: WizardStep?) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in try await backend.service(id) },
                then: { .editLoaded(step: step, $0) })
    }

    private func checkName(_ id: ServiceID) -> Task<Void, Never> {
        spawn { backend, post in
            do throws(StoreError) {
                _ = try await backend.service(id)
                post(.nameChecked(id, exists: true))
            } catch {
                if case .notFound = error { post(.nameChecked(id, exists: false)) }
            }
        }
    }

    private func loadWorkloads(_ namespace: String) -> Task<Void, Never> {
        spawn { backend, post in
            do throws(StoreError) {
                post(.workloadsLoaded(namespace: namespace, .success(try await backend.workloads(in: namespace))))
            } catch {
                post(.workloadsLoaded(namespace: namespace, .failure(error)))
            }
        }
    }

    private func loadProblems() -> Task<Void, Never> {
        spawn { backend, post in
            if let found = try? await backend.problems(), !found.isEmpty { post(.problems(found)) }
        }
    }

    /// The writes RBAC refuses in `namespace`, as the actions whose keys then go away.
    private func checkPermissions(_ namespace: String) -> Task<Void, Never> {
        spawn { backend, post in
            var denied: Set<AppAction> = []
            for (verb, actions) in Self.verbActions where await !backend.can(verb, resource: "services", namespace: namespace) {
                denied.formUnion(actions)
            }
            post(.permissions(namespace: namespace, denied: denied))
        }
    }

    /// Which actions each write verb allows.
    nonisolated static let verbActions: [(verb: String, actions: Set<AppAction>)] = [
        ("create", [.create, .importFile]), ("update", [.edit]), ("delete", [.delete]),
    ]

    /// The editor's text is parsed here, not in `update`: the parser is bounded, but a
    /// large or hostile paste must not hold up the next key.
    private func checkEditorText(_ check: EditorCheck) -> Task<Void, Never> {
        spawn { _, post in post(.editorChecked(check.run())) }
    }

    // MARK: Writing

    private func delete(_ targets: [DeletionTarget]) -> Task<Void, Never> {
        spawn { backend, post in
            for event in await DeleteEffect.run(targets, on: backend) { post(event) }
        }
    }

    /// An export that would replace a file asks first (`exportExists`), unless `overwrite`.
    private func export(_ id: ServiceID, to target: String, overwrite: Bool) -> Task<Void, Never> {
        spawn { backend, post in
            let (path, format) = ServiceFiles.exportTarget(target, for: id)
            if !overwrite, FileManager.default.fileExists(atPath: path) {
                post(.exportExists(path: path, id))
                return
            }
            do throws(StoreError) {
                try ServiceFiles.export(try await backend.service(id), to: path, format: format)
                post(.exported(.success(path)))
            } catch {
                post(.exported(.failure(error)))
            }
        }
    }

    private func importFile(_ path: String) -> Task<Void, Never> {
        spawn { _, post in
            do throws(ImportFailure) {
                post(.imported(path: path, .success(try ServiceFiles.services(inFile: path))))
            } catch {
                post(.imported(path: path, .failure(error)))
            }
        }
    }

    /// Asks the server whether it would create this; nothing is stored.
    private func dryRunCreate(_ manifest: ManifestNode) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in try await backend.create(manifest, dryRun: true) },
                then: { .dryRunChecked(manifest, $0) })
    }

    /// A dry run first, so a create the server would refuse leaves nothing behind.
    private func create(_ manifest: ManifestNode) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in
            _ = try await backend.create(manifest, dryRun: true)
            return try await backend.create(manifest, dryRun: false)
        }, then: { .created($0) })
    }

    private func update(_ manifest: ManifestNode, expecting version: String) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in try await backend.update(manifest, expecting: version) }, then: { .updated($0) })
    }

    /// A workspace save: `text` is the document exactly as it will be written.
    private func update(_ manifest: ManifestNode, writing text: ManifestText, expecting version: String) -> Task<Void, Never> {
        attempt({ backend throws(StoreError) in try await backend.update(manifest, writing: text, expecting: version) },
                then: { .updated($0) })
    }
}
