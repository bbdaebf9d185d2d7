import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// Node ports the other services of the list use, so the wizard can refuse a clash early.
    func usedNodePorts(except name: String? = nil) -> [Int: String] {
        var used: [Int: String] = [:]
        for row in list.services.rows where row.name != name {
            for port in row.ports { if let nodePort = port.nodePort { used[nodePort] = row.name } }
        }
        return used
    }

    var currentNamespace: String {
        switch scope {
        case .named(let name): return name
        case .all: return list.services.selected?.namespace ?? "default"
        }
    }

    mutating func openWizard(_ wizard: WizardState) -> [AppEffect] {
        var wizard = wizard
        wizard.useRules(wizardRules)
        if case .wizard = screen {} else { wizardOrigin = screen }
        screen = .wizard(wizard)
        status = nil
        return wizard.step == .serviceSettings ? [.loadWorkloads(namespace: wizard.draft.namespace)] : []
    }

    mutating func closeWizard() {
        screen = wizardOrigin
        wizardOrigin = .list
    }

    /// The draft as saved after a change: the form, and its base when it holds more than
    /// a new service's skeleton (an import, fields added in the editor).
    static func savedDraft(of wizard: WizardState) -> SavedDraft {
        let base = wizard.base == ServiceDraft.newManifest ? nil : YAMLWriter.write(wizard.base)
        return SavedDraft(draft: wizard.draft, step: wizard.step, baseYAML: base)
    }

    // MARK: Keys

    mutating func handleWizardKey(_ key: Key, _ wizard: inout WizardState) -> [AppEffect] {
        let commands = wizard.handle(key)
        return perform(commands, &wizard)
    }

    /// Turns what the wizard asked for into overlays, screens and effects.
    mutating func perform(_ commands: [WizardCommand], _ wizard: inout WizardState) -> [AppEffect] {
        var effects: [AppEffect] = []
        for command in commands {
            switch command {
            case .saveDraft:
                effects.append(.saveDraft(Self.savedDraft(of: wizard)))
            case .checkName(let service):
                effects.append(.checkName(service))
            case .loadWorkloads(let namespace):
                if wizard.workloads == nil { effects.append(.loadWorkloads(namespace: namespace)) }
            case .pickWorkload:
                overlay = .workloadPicker(WorkloadPicker())
            case .create(let manifest):
                post(StatusMessage(text(.workingCreate, wizard.draft.name)))
                effects.append(.create(manifest))
            case .reviewEdit:
                reviewEdit(wizard)
            case .leave:
                if wizard.isCreate || wizard.manifest != wizard.base {
                    overlay = .leaveWizard
                } else {
                    screen = .wizard(wizard)
                    closeWizard()
                    return effects
                }
            case .askServer(let manifest):
                if backend.kind == .cluster { effects.append(.dryRunCreate(manifest)) }
            case .help:
                overlay = .help
            case .toEditor:
                return effects + openEditor(from: wizard)
            case .importFile:
                overlay = .importPrompt(Prompt(), candidates: [])
            }
        }
        if case .wizard = screen { screen = .wizard(wizard) }
        if overlay == nil, commands.contains(.saveDraft) { status = nil }
        return effects
    }

    /// An edit shows what will change before it is written; nothing changed says so. Where
    /// the backend keeps text (a workspace), the diff is of the text that will be written,
    /// with a note naming what is written anew.
    private mutating func reviewEdit(_ wizard: WizardState) {
        guard let stored = wizard.stored else { return }
        let preview = wizard.savePreview
        let lines = preview.map { LineDiff.unified(from: $0.original.lineFeedText, to: $0.written.lineFeedText) }
            ?? Self.diff(from: stored.manifest, to: wizard.manifest)
        let note = preview.flatMap { preview in
            preview.report.rewritten.isEmpty ? nil
                : text(.diffRewritten, preview.report.rewritten.map { $0.components.isEmpty ? "*" : $0.description }
                    .joined(separator: ", "))
        }
        if lines.isEmpty {
            post(StatusMessage(text(.diffNone)))
        } else {
            overlay = .diff(DiffPanel(lines, note: note))
        }
    }

    /// The diff a save shows: the manifests without server-owned fields, as YAML.
    static func diff(from old: ManifestNode, to new: ManifestNode) -> [LineDiff.Line] {
        LineDiff.unified(from: YAMLWriter.write(ServerFields.stripped(old)), to: YAMLWriter.write(ServerFields.stripped(new)))
    }

    // MARK: Overlays

    mutating func applyWizardOverlay(_ command: OverlayCommand) -> [AppEffect] {
        switch command {
        case .leaveWizard:
            closeWizard()
        case .resume(let saved):
            let effects = openWizard(.resume(saved, usedNodePorts: usedNodePorts()))
            if let text = saved.editorText, case .wizard(let wizard) = screen { return effects + openEditor(from: wizard, text: text) }
            return effects
        case .startFresh:
            return [.deleteDraft] + openWizard(.create(namespace: currentNamespace, usedNodePorts: usedNodePorts()))
        case .pickWorkloads(let workloads):
            guard case .wizard(var wizard) = screen, !workloads.isEmpty else { return [] }
            let commands = wizard.pick(workloads, text: text)
            screen = .wizard(wizard)
            return commands.contains(.saveDraft) ? [.saveDraft(Self.savedDraft(of: wizard))] : []
        case .saveEdit:
            guard case .wizard(let wizard) = screen, let stored = wizard.stored else { return [] }
            post(StatusMessage(text(.workingSave, stored.name)))
            if let preview = wizard.savePreview {
                return [.updateText(wizard.manifest, text: preview.written, version: stored.version)]
            }
            return [.update(wizard.manifest, version: stored.version)]
        case .reload(let current):
            guard case .wizard(let wizard) = screen, let stored = wizard.stored else { return [] }
            // Your edits, re-applied where they still fit on top of the other side's.
            let merged = ManifestMerge.threeWay(base: stored.manifest, ours: wizard.manifest, theirs: current.manifest)
                ?? current.manifest
            screen = .wizard(wizard.reloaded(mode: .edit(current, step: wizard.step), manifest: merged, base: current.manifest))
        default:
            break
        }
        return []
    }

    // MARK: Results

    mutating func applyWizardResult(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case .draftChecked(let saved):
            if let saved { overlay = .resumeDraft(saved); return [] }
            return openWizard(.create(namespace: currentNamespace, usedNodePorts: usedNodePorts()))
        case let .nameChecked(service, exists):
            guard case .wizard(var wizard) = screen, wizard.draft.namespace == service.namespace else { return [] }
            wizard.nameTaken = exists ? service.name : (wizard.nameTaken == service.name ? nil : wizard.nameTaken)
            screen = .wizard(wizard)
        case let .workloadsLoaded(namespace, .success(workloads)):
            guard case .wizard(var wizard) = screen, wizard.draft.namespace == namespace else { return [] }
            wizard.workloads = workloads
            screen = .wizard(wizard)
        case let .workloadsLoaded(namespace, .failure(error)):
            // Said in the picker when it is open; Ctrl-W again lists them again.
            guard case .wizard(let wizard) = screen, wizard.draft.namespace == namespace,
                  case .workloadPicker(var picker)? = overlay else { return [] }
            picker.loadError = text(.pickerLoadFailed, namespace, error.message(in: text.language))
            overlay = .workloadPicker(picker)
        case .created(.success(let stored)):
            post(StatusMessage(text(.created, stored.name)))
            return [.deleteDraft] + showWritten(stored)
        case .updated(.success(let stored)):
            post(StatusMessage(text(.saved, stored.name)))
            return showWritten(stored)
        case .created(.failure(let error)), .updated(.failure(let error)):
            placeFailure(error)
        case let .editLoaded(step, .success(stored)):
            guard let step else {
                let headless = ServiceKind(spec: stored.manifest["spec"]) != .virtualIP
                overlay = .editChooser(EditChooser(service: stored.id, headless: headless))
                return []
            }
            return openWizard(.edit(stored, step: step, usedNodePorts: usedNodePorts(except: stored.name)))
        case .textLoaded(.success(let stored)):
            let wizard = WizardState.edit(stored, step: .basicInfo, usedNodePorts: usedNodePorts(except: stored.name))
            if case .wizard = screen {} else { wizardOrigin = screen }
            return openEditor(from: wizard)
        case .editLoaded(_, .failure(let error)), .textLoaded(.failure(let error)):
            post(StatusMessage(error.message(in: text.language), severity: .error))
        default:
            break
        }
        return []
    }

    /// After a create or save: the service's detail, and the list reloaded under it.
    private mutating func showWritten(_ stored: StoredService) -> [AppEffect] {
        screen = .detail(DetailScreen(stored.id))
        wizardOrigin = .list
        return [.loadDetail(stored.id), .loadServices(scope)]
    }

    /// A failed create or save keeps the wizard open with the backend's words on the fields.
    mutating func placeFailure(_ error: StoreError) {
        guard case .wizard(var wizard) = screen else {
            post(StatusMessage(error.message(in: text.language), severity: .error))
            return
        }
        switch error {
        case .invalid(_, let errors):
            wizard.serverErrors = errors
            wizard.revalidate()
            for step in wizard.steps { wizard.revealed.insert(step) }
            if let broken = wizard.steps.first(where: wizard.hasProblems) { wizard.go(to: broken) }
        case .alreadyExists(let id):
            wizard.nameTaken = id.name
            wizard.revealed.insert(.basicInfo)
            if wizard.isCreate { wizard.go(to: .basicInfo) }
        case .conflict(_, let current?):
            if let stored = wizard.stored {
                overlay = .conflict(current: current, theirChanges: Self.diff(from: stored.manifest, to: current.manifest))
            }
        default:
            break
        }
        screen = .wizard(wizard)
        post(StatusMessage(error.message(in: text.language), severity: .error))
    }
}
