import Foundation
import ServiceModel
import TerminalUI

/// The detail screen: which service, what was loaded of it, and how far it is scrolled.
package struct DetailScreen: Sendable {
    package var service: ServiceID
    package var data: DetailData?
    package var error: String?
    package var scroll = 0

    package init(_ service: ServiceID) {
        self.service = service
    }

    /// A detail action; `size` and `text` are the screen's, to keep the scroll within the
    /// laid-out content.
    mutating func handle(_ action: AppAction, size: TerminalSize, text: UIText) -> [ScreenCommand] {
        let page = max(1, size.rows - 4)
        switch action {
        case .back: return [.backToList]
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll += 1
        case .pageUp: scroll = max(0, scroll - page)
        case .pageDown: scroll += page
        case .top: scroll = 0
        case .bottom: scroll = Int.max / 2
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
        clampScroll(size: size, text: text)
        return []
    }

    /// Keeps the scroll within the content, so Up after a long Down moves at once.
    private mutating func clampScroll(size: TerminalSize, text: UIText) {
        guard let data else {
            scroll = 0
            return
        }
        let sections = ServiceDetailContent.sections(for: data.stored, backends: data.backends, events: data.events,
                                                     text: text, now: Date())
        let lines = DetailView.layout(sections, width: size.columns).count
        scroll = max(0, min(scroll, lines - (size.rows - 3)))
    }
}
