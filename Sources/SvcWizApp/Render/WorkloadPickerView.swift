import ServiceModel
import TerminalUI

/// Draws the workload picker: one line per workload (`>` on the highlighted one, `*` on the
/// marked ones), scrolled to keep the highlighted one in view, then the labels the marks
/// share, what stopped an Enter, and the keys.
enum WorkloadPickerView {
    static func draw(_ picker: WorkloadPicker, _ state: AppState, on surface: Surface, in area: Rect) {
        let t = state.text
        guard case .wizard(let wizard) = state.screen else { return }
        // Lines wider than the panel's inside wrap in a message and are cut in an entry.
        let inside = max(1, area.width - 6)
        var entries: [(String, Style)] = []
        var notes: [(String, Style)] = []
        if let error = picker.loadError {
            notes.append(("! " + error, .error))
        } else if let workloads = wizard.workloads {
            if workloads.isEmpty { notes.append((t(.pickerEmpty, wizard.draft.namespace), .muted)) }
            entries = workloads.enumerated().map { i, workload in
                entry(workload, selected: i == picker.selection, marked: picker.isMarked(workload), text: t, width: inside)
            }
            notes += Self.notes(picker, marked: picker.marked(in: workloads), text: t)
        } else {
            notes.append((t(.loading), .muted))
        }
        let hints = picker.stage.isConfirming ? KeyMap.confirm : KeyMap.workloadPicker.filter(\.inFooter)
        notes.append((hints.map { "\($0.keyNames) \(t($0.label))" }.joined(separator: "   "), .keyHint))
        let noteRows = notes.reduce(0) { $0 + max(1, $1.0.wrapped(toWidth: inside).count) }
        let room = max(1, area.height - 2 - noteRows)
        let first = max(0, min(picker.selection - room + 1, entries.count - room))
        let shown = Array(entries.dropFirst(first).prefix(room))
        OverlayView.drawPanel(title: t(.pickerTitle), lines: shown + notes, on: surface, in: area, widthHint: area.width - 4)
    }

    /// `>* Deployment cart  app=cart,tier=api  3 pods`, cut to the panel.
    private static func entry(_ workload: Workload, selected: Bool, marked: Bool, text t: UIText, width: Int) -> (String, Style) {
        let labels = workload.podLabels.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        let pods = workload.replicas.map { $0 == 1 ? t(.workloadPod) : t(.workloadPods, String($0)) } ?? t(.daemonPods)
        let line = (selected ? ">" : " ") + (marked ? "*" : " ") + " \(t.workload(workload))  \(labels)  \(pods)"
        return (line.truncatedWithEllipsis(toWidth: width), selected ? .selected : (marked ? .marked : .normal))
    }

    /// What the marks share, and why the last Enter changed nothing or asks first.
    private static func notes(_ picker: WorkloadPicker, marked: [Workload], text t: UIText) -> [(String, Style)] {
        var notes: [(String, Style)] = []
        switch picker.stage {
        case .choosing:
            guard !marked.isEmpty else { break }
            let shared = WorkloadSelection.sharedLabels(of: marked)
            notes.append(shared.isEmpty
                ? (t(.pickerSharesNothing, String(marked.count)), .warning)
                : (t(.pickerShares, String(marked.count), selectorText(shared)), .success))
        case .nothingShared(let picked):
            notes.append(("! " + t(.pickerNothingShared, t.workloads(picked)), .warning))
        case .confirming(let selection):
            let labels = selectorText(selection.sharedLabels.map { (key: $0.key, value: $0.value) })
            notes.append(("! " + t(.pickerAlsoSelects, labels, t.workloads(selection.alsoSelected)), .warning))
            notes.append((t(.pickerApplyAnyway), .normal))
        }
        return notes
    }

    private static func selectorText(_ labels: [(key: String, value: String)]) -> String {
        labels.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }
}

extension WorkloadPicker.Stage {
    var isConfirming: Bool {
        if case .confirming = self { return true }
        return false
    }
}
