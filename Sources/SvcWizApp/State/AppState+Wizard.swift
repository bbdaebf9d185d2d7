import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// Node ports the other services of the list use, so the wizard can refuse a clash early.
    func usedNodePorts(except name: String? = nil) -> [Int: String] {
        var used: [Int: String] = [:]
        for row in list.rows where row.name != name {
            for port in row.ports { if let nodePort = port.nodePort { used[nodePort] = row.name } }
        }
        return used
    }

    var currentNamespace: String {
        switch scope {
        case .named(let name): return name
        case .all: return list.selected?.namespace ?? "default"
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

    // MARK: Keys

    mutating func handleWizardKey(_ key: Key, _ wizard: inout WizardState) -> [AppEffect] {
        let commands = wizard.handle(key)
        var effects: [AppEffect] = []
        for command in commands {
            switch command {
            case .saveDraft:
                let base = wizard.base == ServiceDraft.newManifest ? nil : YAMLWriter.write(wizard.base)
                effects.append(.saveDraft(SavedDraft(draft: wizard.draft, step: wizard.step, baseYAML: base)))
            case let .checkName(namespace, name):
                effects.append(.checkName(namespace: namespace, name: name))
            case .loadWorkloads(let namespace):
                if wizard.workloads == nil { effects.append(.loadWorkloads(namespace: namespace)) }
            case .pickWorkload:
                overlay = .workloadPicker(selection: 0)
            case .create(let manifest):
                post(StatusMessage(text(.workingCreate, wizard.draft.name)))
                effects.append(.create(manifest))
            case .reviewEdit:
                guard let stored = wizard.stored else { break }
                let preview = wizard.savePreview
                let lines = preview.map { LineDiff.unified(from: $0.original.lineFeedText, to: $0.written.lineFeedText) }
                    ?? Self.diff(from: stored.manifest, to: wizard.manifest)
                wizard.saveNote = preview.flatMap { preview in
                    preview.report.rewritten.isEmpty ? nil
                        : text(.diffRewritten, preview.report.rewritten.map { $0.components.isEmpty ? "*" : $0.description }
                            .joined(separator: ", "))
                }
                if lines.isEmpty {
                    post(StatusMessage(text(.diffNone)))
                } else {
                    overlay = .diff(lines, scroll: 0)
                }
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
                openEditor(from: wizard)
                return effects
            case .importFile:
                overlay = .importPrompt(TextField(), candidates: [])
            }
        }
        if case .wizard = screen { screen = .wizard(wizard) }
        if overlay == nil, commands.contains(where: { if case .saveDraft = $0 { return true } else { return false } }) {
            status = nil
        }
        return effects
    }

    /// The diff a save shows: the manifests without server-owned fields, as YAML.
    static func diff(from old: ManifestNode, to new: ManifestNode) -> [LineDiff.Line] {
        LineDiff.unified(from: YAMLWriter.write(ServerFields.stripped(old)), to: YAMLWriter.write(ServerFields.stripped(new)))
    }

    mutating func handleWizardOverlayKey(_ key: Key, _ current: Overlay) -> [AppEffect]? {
        switch current {
        case .leaveWizard:
            switch key {
            case .character("y"), .character("Y"), .enter:
                overlay = nil
                closeWizard()
            case .character("n"), .character("N"), .escape:
                overlay = nil
            default: break
            }
            return []
        case .resumeDraft(let saved):
            switch key {
            case .character("r"), .character("R"), .enter:
                overlay = nil
                let effects = openWizard(.resume(saved, usedNodePorts: usedNodePorts()))
                if let text = saved.editorText, case .wizard(let wizard) = screen { openEditor(from: wizard, text: text) }
                return effects
            case .character("n"), .character("N"):
                overlay = nil
                return [.deleteDraft] + openWizard(.create(namespace: currentNamespace, usedNodePorts: usedNodePorts()))
            case .escape:
                overlay = nil
            default: break
            }
            return []
        case .workloadPicker(var selection):
            guard case .wizard(var wizard) = screen else { overlay = nil; return [] }
            let count = wizard.workloads?.count ?? 0
            switch key {
            case .escape: overlay = nil
            case .up, .character("k"): selection = max(0, selection - 1)
            case .down, .character("j"): selection = min(max(0, count - 1), selection + 1)
            case .enter:
                overlay = nil
                guard let workload = wizard.workloads?[safe: selection] else { return [] }
                let commands = wizard.pick(workload, text: text)
                screen = .wizard(wizard)
                return commands.contains(.saveDraft) ? [.saveDraft(SavedDraft(draft: wizard.draft, step: wizard.step))] : []
            default: break
            }
            if overlay != nil { overlay = .workloadPicker(selection: selection) }
            return []
        case let .editChooser(target, selection, headless):
            let choices = Self.editChoices(headless: headless)
            switch key {
            case .escape, .character("q"): overlay = nil
            case .up, .character("k"): overlay = .editChooser(target, selection: max(0, selection - 1), headless: headless)
            case .down, .character("j"):
                overlay = .editChooser(target, selection: min(choices.count - 1, selection + 1), headless: headless)
            case .enter:
                overlay = nil
                return [.loadForEdit(namespace: target.namespace, name: target.name, step: choices[selection])]
            default: break
            }
            return []
        case .diff(let lines, let scroll):
            switch key {
            case .escape: overlay = nil
            case .up: overlay = .diff(lines, scroll: max(0, scroll - 1))
            case .down: overlay = .diff(lines, scroll: min(max(0, lines.count - 1), scroll + 1))
            case .ctrl("s"), .enter:
                overlay = nil
                guard case .wizard(let wizard) = screen, let stored = wizard.stored else { return [] }
                post(StatusMessage(text(.workingSave, stored.name)))
                if let preview = wizard.savePreview {
                    return [.updateText(wizard.manifest, text: preview.written, version: stored.version)]
                }
                return [.update(wizard.manifest, version: stored.version)]
            default: break
            }
            return []
        case .conflict(let current, _):
            switch key {
            case .escape:
                overlay = nil
            case .character("r"), .character("R"):
                overlay = nil
                guard case .wizard(let wizard) = screen, let stored = wizard.stored else { return [] }
                // Your edits, re-applied where they still fit on top of the other side's.
                let merged = ManifestMerge.threeWay(base: stored.manifest, ours: wizard.manifest, theirs: current.manifest)
                    ?? current.manifest
                var reloaded = WizardState(mode: .edit(current, step: wizard.step), draft: ServiceDraft(manifest: merged),
                                           base: current.manifest, page: .step(wizard.step),
                                           usedNodePorts: wizard.usedNodePorts)
                reloaded.workloads = wizard.workloads
                screen = .wizard(reloaded)
            default: break
            }
            return []
        default:
            return nil
        }
    }

    /// The parts of a service `e` offers: external access only where there is a virtual IP.
    static func editChoices(headless: Bool) -> [WizardStep] {
        headless ? [.basicInfo, .serviceSettings, .labels] : WizardStep.allCases
    }

    // MARK: Results

    mutating func applyWizardResult(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case .draftChecked(let saved):
            if let saved { overlay = .resumeDraft(saved); return [] }
            return openWizard(.create(namespace: currentNamespace, usedNodePorts: usedNodePorts()))
        case let .nameChecked(namespace, name, exists):
            guard case .wizard(var wizard) = screen, wizard.draft.namespace == namespace else { return [] }
            wizard.nameTaken = exists ? name : (wizard.nameTaken == name ? nil : wizard.nameTaken)
            screen = .wizard(wizard)
        case let .workloadsLoaded(namespace, workloads):
            guard case .wizard(var wizard) = screen, wizard.draft.namespace == namespace else { return [] }
            wizard.workloads = workloads
            screen = .wizard(wizard)
        case .created(.success(let stored)):
            post(StatusMessage(text(.created, stored.name)))
            screen = .detail(DetailState(namespace: stored.namespace, name: stored.name))
            wizardOrigin = .list
            return [.deleteDraft, .loadDetail(namespace: stored.namespace, name: stored.name), .loadServices(scope)]
        case .updated(.success(let stored)):
            post(StatusMessage(text(.saved, stored.name)))
            screen = .detail(DetailState(namespace: stored.namespace, name: stored.name))
            wizardOrigin = .list
            return [.loadDetail(namespace: stored.namespace, name: stored.name), .loadServices(scope)]
        case .created(.failure(let error)), .updated(.failure(let error)):
            placeFailure(error)
        case let .editLoaded(step, .success(stored)):
            let headless = ServiceKind(spec: stored.manifest["spec"]) != .virtualIP
            guard let step else {
                overlay = .editChooser(DeletionTarget(namespace: stored.namespace, name: stored.name), selection: 0, headless: headless)
                return []
            }
            return openWizard(.edit(stored, step: step, usedNodePorts: usedNodePorts(except: stored.name)))
        case .textLoaded(.success(let stored)):
            let wizard = WizardState.edit(stored, step: .basicInfo, usedNodePorts: usedNodePorts(except: stored.name))
            if case .wizard = screen {} else { wizardOrigin = screen }
            openEditor(from: wizard)
        case .editLoaded(_, .failure(let error)), .textLoaded(.failure(let error)):
            post(StatusMessage(error.message(in: text.language), severity: .error))
        default:
            break
        }
        return []
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
        case .alreadyExists(let name, _):
            wizard.nameTaken = name
            wizard.revealed.insert(.basicInfo)
            if wizard.isCreate { wizard.go(to: .basicInfo) }
        case .conflict(_, _, let current?):
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
