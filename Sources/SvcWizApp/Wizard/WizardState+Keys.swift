import ServiceModel
import TerminalUI

extension WizardState {
    /// Applies a key; returns what the app must do about it.
    package mutating func handle(_ key: Key) -> [WizardCommand] {
        if isReviewing { return handleReviewKey(key) }
        // On a choice, the arrows change the choice (KEYMAP: "move within a list or choice").
        if focus.isChoice, [Key.up, .down, .left, .right, .enter, .character(" ")].contains(key) {
            return handleChoiceKey(key)
        }
        if let action = KeyMap.action(for: key, in: KeyMap.wizard(create: isCreate), global: []) {
            return perform(action)
        }
        if focus.isChoice { return [] }
        switch key {
        case .enter: return moveFocus(by: 1)
        default:
            var field = editor
            guard field.handle(key) else { return [] }
            editor = field
            let target = focus
            return changed { $0.setText(field.text, for: target) }
        }
    }

    /// An action of the form's key table; the editor's save comes here too.
    package mutating func perform(_ action: AppAction) -> [WizardCommand] {
        switch action {
        case .leave: return [.leave]
        case .nextField: return moveFocus(by: 1)
        case .previousField: return moveFocus(by: -1)
        case .nextStep: return nextStep()
        case .previousStep: return previousStep()
        case .save: return finish()
        case .addRow: return addRow()
        case .removeRow: return removeRow()
        case .help: return [.help]
        case .toEditor: return [.toEditor]
        case .importFile: return isCreate ? [.importFile] : []
        case .pickWorkload:
            guard step == .serviceSettings, draft.kind != .headlessExternalName else { return [] }
            return [.loadWorkloads(namespace: draft.namespace), .pickWorkload]
        default: return []
        }
    }

    private mutating func handleChoiceKey(_ key: Key) -> [WizardCommand] {
        let count = max(1, choiceCount(of: focus))
        let current = choice(of: focus)
        let next: Int
        switch key {
        case .left, .up: next = (current + count - 1) % count
        case .right, .down, .character(" "), .enter: next = (current + 1) % count
        default: return []
        }
        guard next != current, !isLocked(focus) else { return [] }
        let field = focus
        return changed { $0.choose(next, for: field) }
    }

    /// The type of a stored service cannot change: a cluster keeps its clusterIP.
    func isLocked(_ field: WizardField) -> Bool {
        field == .kind && !isCreate
    }

    /// Runs a change to the draft, then revalidates and asks for the draft to be saved.
    private mutating func changed(_ change: (inout WizardState) -> Void) -> [WizardCommand] {
        change(&self)
        serverErrors = []
        notice = nil
        revalidate()
        keepFocusValid()
        return isCreate ? [.saveDraft] : []
    }

    // MARK: Focus

    /// Moves to another field of the step; leaving a field reveals its errors.
    mutating func moveFocus(by delta: Int) -> [WizardCommand] {
        let list = fields(of: step)
        guard !list.isEmpty else { return [] }
        let index = list.firstIndex(of: focus) ?? 0
        return focus(on: list[(index + delta + list.count) % list.count])
    }

    mutating func focus(on field: WizardField) -> [WizardCommand] {
        let left = focus
        touched.insert(left)
        focus = field
        editor = TextField(text(of: field))
        if left == .name, isCreate, !draft.name.isEmpty {
            return [.checkName(ServiceID(namespace: draft.namespace, name: draft.name))]
        }
        return []
    }

    /// After rows or fields disappear (a row removed, a type switched), focus the nearest
    /// field that still exists.
    mutating func keepFocusValid() {
        let list = fields(of: step)
        guard !list.contains(focus) else { return }
        if let row = focus.row, row.index > 0, list.contains(focus.inRow(row.index - 1)) {
            focus = focus.inRow(row.index - 1)
        } else {
            focus = list.first ?? .name
        }
        editor = TextField(text(of: focus))
    }

    // MARK: Steps

    /// Next validates the step: with errors it stays and shows them.
    mutating func nextStep() -> [WizardCommand] {
        revalidate()
        touched.insert(focus)
        revealed.insert(step)
        var commands: [WizardCommand] = []
        if step == .basicInfo, isCreate, !draft.name.isEmpty {
            commands.append(.checkName(ServiceID(namespace: draft.namespace, name: draft.name)))
        }
        guard !hasProblems(step) else { return commands }
        guard let index = steps.firstIndex(of: step) else { return commands }
        if index + 1 < steps.count {
            go(to: steps[index + 1])
            if steps[index + 1] == .serviceSettings { commands.append(.loadWorkloads(namespace: draft.namespace)) }
        } else {
            page = .review(scroll: 0)
        }
        return commands
    }

    /// Previous never loses input: the draft holds everything typed.
    mutating func previousStep() -> [WizardCommand] {
        guard let index = steps.firstIndex(of: step), index > 0 else { return [] }
        touched.insert(focus)
        go(to: steps[index - 1])
        return []
    }

    mutating func go(to newStep: WizardStep) {
        page = .step(newStep)
        focus = fields(of: newStep).first ?? .name
        editor = TextField(text(of: focus))
    }

    /// Ctrl-S: every step is checked; the first with errors opens, else create or review.
    mutating func finish() -> [WizardCommand] {
        revalidate()
        touched.insert(focus)
        for step in steps { revealed.insert(step) }
        if let broken = steps.first(where: hasProblems) {
            if isCreate, let accepted = serverAccepted, accepted == manifest { return [.create(manifest)] }
            go(to: broken)
            return isCreate ? [.askServer(manifest)] : []
        }
        return isCreate ? [.create(manifest)] : [.reviewEdit]
    }

    private mutating func handleReviewKey(_ key: Key) -> [WizardCommand] {
        switch KeyMap.action(for: key, in: KeyMap.review(create: isCreate), global: []) {
        case .previousStep?: go(to: steps.last ?? .externalAccess)
        case .save?: return finish()
        case .toEditor?: return [.toEditor]
        case .up?: page = .review(scroll: max(0, reviewScroll - 1))
        case .down?: page = .review(scroll: reviewScroll + 1)
        case .pageUp?: page = .review(scroll: max(0, reviewScroll - 10))
        case .pageDown?: page = .review(scroll: reviewScroll + 10)
        default: break
        }
        return []
    }

    // MARK: Rows

    /// Ctrl-A: a row in the list the focus is in, or the step's main list.
    mutating func addRow() -> [WizardCommand] {
        let target: WizardField
        switch focus.row?.list ?? defaultList {
        case .selector: draft.selector.append(KeyValueRow()); target = .selectorKey(draft.selector.count - 1)
        case .ports: draft.ports.append(PortRow()); target = .portName(draft.ports.count - 1)
        case .labels: draft.labels.append(KeyValueRow()); target = .labelKey(draft.labels.count - 1)
        case .annotations: draft.annotations.append(KeyValueRow()); target = .annotationKey(draft.annotations.count - 1)
        case .loadBalancerAnnotations:
            draft.loadBalancerAnnotations.append(KeyValueRow())
            target = .loadBalancerKey(draft.loadBalancerAnnotations.count - 1)
        case .loadBalancerSourceRanges:
            draft.loadBalancerSourceRanges.append("")
            target = .sourceRange(draft.loadBalancerSourceRanges.count - 1)
        }
        guard fields(of: step).contains(target) else { return [] }
        var commands = focus(on: target)
        revalidate()
        if isCreate { commands.append(.saveDraft) }
        return commands
    }

    private var defaultList: DraftLocation.RowList {
        switch step {
        case .basicInfo, .labels: return .labels
        case .serviceSettings: return focus == .kind ? .selector : .ports
        case .externalAccess: return draft.externalAccess == .loadBalancer ? .loadBalancerAnnotations : .ports
        }
    }

    /// Ctrl-K: removes the row under the focus.
    mutating func removeRow() -> [WizardCommand] {
        guard let (list, index) = focus.row else { return [] }
        return changed { state in
            switch list {
            case .selector: if state.draft.selector.indices.contains(index) { state.draft.selector.remove(at: index) }
            case .ports: if state.draft.ports.indices.contains(index) { state.draft.ports.remove(at: index) }
            case .labels: if state.draft.labels.indices.contains(index) { state.draft.labels.remove(at: index) }
            case .annotations: if state.draft.annotations.indices.contains(index) { state.draft.annotations.remove(at: index) }
            case .loadBalancerAnnotations:
                if state.draft.loadBalancerAnnotations.indices.contains(index) { state.draft.loadBalancerAnnotations.remove(at: index) }
            case .loadBalancerSourceRanges:
                if state.draft.loadBalancerSourceRanges.indices.contains(index) { state.draft.loadBalancerSourceRanges.remove(at: index) }
            }
            state.editor = TextField(state.text(of: state.focus))
        }
    }

    // MARK: Workloads

    /// The picker chose workloads: the pod labels they share replace the selector, and the
    /// screen says so.
    mutating func pick(_ workloads: [Workload], text: UIText) -> [WizardCommand] {
        var change: ServiceDraft.SelectorReplacement?
        let commands = changed { change = $0.draft.pick(workloads) }
        let replaced = change?.replacedExisting ?? false
        if workloads.count == 1 {
            notice = text(replaced ? .selectorReplaced : .selectorSet, text.workloads(workloads))
        } else {
            let labels = (change?.current ?? []).map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            notice = text(replaced ? .selectorReplacedShared : .selectorSetShared, labels, text.workloads(workloads))
        }
        if fields(of: step).contains(.selectorKey(0)) { _ = focus(on: .selectorKey(0)) }
        return commands
    }

    /// Workloads whose pod labels the selector matches.
    package var matchingWorkloads: [Workload]? {
        guard let workloads else { return nil }
        let selector = draft.selector.filter { !$0.key.isEmpty }.map { (key: $0.key, value: $0.value) }
        return workloads.filter { $0.namespace == draft.namespace && $0.matches(selector: selector) }
    }
}
