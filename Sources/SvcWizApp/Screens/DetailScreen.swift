#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import TerminalUI

/// The detail screen: which service, what was loaded of it, the line the cursor is on and
/// how far it is scrolled.
package struct DetailScreen: Sendable {
    package var service: ServiceID
    package var data: DetailData?
    package var error: String?
    package var scroll = 0
    /// The pair the cursor is on, counted over all sections (`DetailView.items`).
    package var cursor = 0

    package init(_ service: ServiceID) {
        self.service = service
    }

    /// A detail action; `size` and `text` are the screen's, to keep the cursor on a line
    /// and that line in view.
    mutating func handle(_ action: AppAction, size: TerminalSize, text: UIText) -> [ScreenCommand] {
        let page = max(1, size.rows - 4)
        switch action {
        case .back: return [.backToList]
        case .up: moveCursor(by: -1, size: size, text: text)
        case .down: moveCursor(by: 1, size: size, text: text)
        case .pageUp: moveCursor(lines: -page, size: size, text: text)
        case .pageDown: moveCursor(lines: page, size: size, text: text)
        case .top: moveCursor(by: Int.min / 2, size: size, text: text)
        case .bottom: moveCursor(by: Int.max / 2, size: size, text: text)
        case .copy:
            guard let copy = selectedPair(text: text)?.copyText else { return [.nothingToCopy] }
            return [.copy(copy)]
        case .refresh: return [.reloadDetail(service)]
        case .delete:
            // What the screen shows is what the delete expects.
            guard let stored = data?.stored else { return [.confirmDeleteOfRow(service)] }
            return [.confirmDelete([DeletionTarget(stored: stored)], hiddenByFilter: 0)]
        case .export: return [.export(service)]
        case .editText: return [.editText(service)]
        case .edit:
            guard let stored = data?.stored else { return [.edit(service)] }
            return [.chooseEditStep(service, headless: ServiceKind(spec: stored.manifest["spec"]) != .virtualIP)]
        default: return [.global(action)]
        }
        return []
    }

    /// New data (a load or a refresh): the cursor stays where it was while that line
    /// still exists.
    mutating func loaded(_ new: DetailData, text: UIText) {
        data = new
        error = nil
        let count = DetailView.items(ServiceDetailContent.sections(for: new, text: text, now: Date())).count
        cursor = min(cursor, max(0, count - 1))
    }

    /// The pair under the cursor, as the screen lays it out now.
    func selectedPair(text: UIText) -> DetailPair? {
        guard let data else { return nil }
        let items = DetailView.items(ServiceDetailContent.sections(for: data, text: text, now: Date()))
        return items.indices.contains(cursor) ? items[cursor] : nil
    }

    /// Moves the cursor by `items` pairs, or to the pair `lines` screen lines away, then
    /// scrolls so its lines (and the section title above a section's first pair) show.
    private mutating func moveCursor(by items: Int = 0, lines: Int = 0, size: TerminalSize, text: UIText) {
        guard let data else {
            scroll = 0
            return
        }
        let sections = ServiceDetailContent.sections(for: data, text: text, now: Date())
        let laidOut = DetailView.layout(sections, width: size.columns)
        let count = DetailView.items(sections).count
        guard count > 0 else { return }
        if lines != 0 {
            let here = laidOut.firstIndex { $0.item == cursor } ?? 0
            let target = min(max(0, here + lines), laidOut.count - 1)
            let after = laidOut[target...].lazy.compactMap(\.item).first
            let before = laidOut[...target].reversed().lazy.compactMap(\.item).first
            cursor = (lines > 0 ? after ?? before : before ?? after) ?? cursor
        } else {
            cursor = min(max(0, cursor.addingReportingOverflow(items).partialValue), count - 1)
        }
        let height = max(1, size.rows - 3)
        guard let first = laidOut.firstIndex(where: { $0.item == cursor }),
              let last = laidOut.lastIndex(where: { $0.item == cursor }) else { return }
        let top = first > 0 && laidOut[first - 1].item == nil && cursor > 0 && laidOut[first - 1].segments.first?.style == .border
            ? first - 1 : first
        if cursor == 0 { scroll = 0 }
        if top < scroll { scroll = top }
        if last >= scroll + height { scroll = last - height + 1 }
        scroll = max(0, min(scroll, laidOut.count - height))
    }
}
