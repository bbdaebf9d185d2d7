import ServiceModel
import TerminalUI

/// Ctrl-W: the namespace's Deployments, StatefulSets and DaemonSets. Space marks several
/// (kinds mixed); Enter applies the marks, or the highlighted workload when none is marked.
/// The selector becomes the pod labels they all share: when they share none, the picker
/// says so and nothing changes; when those labels also select workloads that were not
/// picked, it lists them and asks before applying.
package struct WorkloadPicker: Sendable, Hashable {
    package enum Stage: Sendable, Hashable {
        case choosing
        /// The picked workloads share no pod label: said, and nothing changed.
        case nothingShared([Workload])
        /// The shared labels select other workloads too: apply anyway?
        case confirming(WorkloadSelection)
    }

    /// A workload as its marks know it: the namespace is the picker's own.
    private struct Mark: Sendable, Hashable {
        var kind: Workload.Kind
        var name: String
    }

    package private(set) var stage = Stage.choosing
    /// Why the workloads could not be listed; Ctrl-W again retries.
    package var loadError: String?
    private var table = TableState()
    private var marks: Set<Mark> = []

    package init() {}

    package var selection: Int { table.selection }

    package func isMarked(_ workload: Workload) -> Bool {
        marks.contains(Mark(kind: workload.kind, name: workload.name))
    }

    /// The marked workloads, in the order listed.
    package func marked(in workloads: [Workload]) -> [Workload] {
        workloads.filter(isMarked)
    }

    /// Applies a key; `workloads` are the entries listed now (they may still be arriving).
    mutating func handle(_ key: Key, workloads: [Workload]) -> [OverlayCommand] {
        if case .confirming(let selection) = stage {
            guard let yes = Confirm.answer(to: key) else { return [] }
            stage = .choosing
            return yes ? [.close, .pickWorkloads(selection.picked)] : []
        }
        let count = max(1, workloads.count)
        switch KeyMap.action(for: key, in: KeyMap.workloadPicker, global: []) {
        case .up?: table.moveSelection(by: -1, rowCount: count, pageSize: count)
        case .down?: table.moveSelection(by: 1, rowCount: count, pageSize: count)
        case .mark?:
            guard let workload = workloads[safe: selection] else { return [] }
            let mark = Mark(kind: workload.kind, name: workload.name)
            if marks.remove(mark) == nil { marks.insert(mark) }
            table.moveSelection(by: 1, rowCount: count, pageSize: count)
        case .confirm?:
            return apply(workloads)
        case .back?:
            return [.close]
        default:
            return []
        }
        stage = .choosing
        return []
    }

    private mutating func apply(_ workloads: [Workload]) -> [OverlayCommand] {
        var picked = marked(in: workloads)
        if picked.isEmpty, let highlighted = workloads[safe: selection] { picked = [highlighted] }
        guard !picked.isEmpty else { return [] }
        let selection = WorkloadSelection(picking: picked, among: workloads)
        if selection.sharedLabels.isEmpty {
            stage = .nothingShared(picked)
        } else if !selection.alsoSelected.isEmpty {
            stage = .confirming(selection)
        } else {
            stage = .choosing
            return [.close, .pickWorkloads(picked)]
        }
        return []
    }
}
