#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

/// Draws a whole frame from the state. Reads only; the same call renders to the terminal
/// and, in tests, to a MemorySurface.
package enum AppRenderer {
    package static func render(_ state: AppState, on surface: Surface, now: Date = Date()) {
        surface.clear()
        let size = surface.size
        guard !TooSmallNotice.applies(to: size) else {
            TooSmallNotice.draw([state.text(.tooSmall, String(size.columns), String(size.rows)), state.text(.tooSmallHint)],
                                on: surface)
            return
        }
        if case .wizard(let wizard) = state.screen {
            WizardView.draw(wizard, state, on: surface)
        } else if case .editor(let editor) = state.screen {
            EditorView.draw(editor, state, on: surface)
        } else {
            TitleBar.draw(state, on: surface, width: size.columns)
            let body = Rect(column: 0, row: 1, width: size.columns, height: size.rows - 3)
            switch state.screen {
            case .list: ListView.draw(state, on: surface, in: body, now: now)
            case .detail(let detail): _ = DetailView.draw(state, detail, on: surface, in: body, now: now)
            case .wizard, .editor: break
            }
            StatusBar.draw(state, on: surface, row: size.rows - 2, width: size.columns, now: now)
            FooterBar.draw(state, on: surface, row: size.rows - 1, width: size.columns)
        }
        if let overlay = state.overlay {
            OverlayView.draw(overlay, state, on: surface, in: Rect(column: 0, row: 1, width: size.columns, height: size.rows - 2))
        }
    }

}

/// The first line: backend, where, namespace, screen, and the service count.
enum TitleBar {
    static func draw(_ state: AppState, on surface: Surface, width: Int) {
        let t = state.text
        let count = state.list.services.rows.count
        var right = count == 1 ? t(.serviceCount) : t(.servicesCount, String(count))
        if let progress = state.list.progress {
            // Never a count that looks whole while pages are still coming.
            right = t(.loadingProgress, LoadCount.grouped(progress.loaded), LoadCount.grouped(progress.expected))
                + " " + LoadCount.bar(progress, width: 10)
        }
        if !state.list.services.marks.isEmpty { right = t(.marked, String(state.list.services.marks.count)) + "  " + right }
        right += " "
        func title(location: String) -> String {
            var left = " " + t(.appName) + "  "
            left += (state.backend.kind == .workspace ? t(.backendWorkspace) : t(.backendCluster)) + " "
            left += location + "  "
            left += t(.namespaceLabel) + " " + ListView.namespaceName(state)
            if case .detail(let detail) = state.screen {
                let alias = state.list.services.rows.first { $0.hasID(detail.service) }?.alias
                left += "  " + t(.detailTitle, detail.service.name + (alias.map { " (\($0))" } ?? ""))
            }
            if state.permissions.readOnly { left += "  [" + t(.readOnlyBadge) + "]" }
            // Less vital than the service in view: it is the first to be cut on a narrow screen.
            left += "  " + state.kubeVersionTitle
            if let warning = state.backend.warning { left += "  ! " + warning }
            return left
        }
        // The service and namespace matter more than the folder: a long path shortens first.
        let full = abbreviatedHome(state.backend.location)
        var left = title(location: full)
        if left.displayWidth + right.displayWidth + 1 > width {
            left = title(location: "…/" + (full.split(separator: "/").last.map(String.init) ?? full))
        }
        surface.draw("", at: Point(column: 0, row: 0), width: width, style: .title)
        let rightWidth = right.displayWidth
        surface.draw(left, at: Point(column: 0, row: 0), width: max(0, width - rightWidth - 1), style: .title)
        surface.draw(right, at: Point(column: max(0, width - rightWidth), row: 0), width: min(width, rightWidth), style: .title)
    }

    static func abbreviatedHome(_ path: String) -> String {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, home != "/",
              path.hasPrefix(home + "/") || path == home else { return path }
        return "~" + path.dropFirst(home.count)
    }
}

/// The line above the footer: the filter prompt, the last message, or the backend's error.
enum StatusBar {
    static func draw(_ state: AppState, on surface: Surface, row: Int, width: Int, now: Date) {
        let t = state.text
        surface.draw("", at: Point(column: 0, row: row), width: width)
        if let input = state.list.filterInput {
            PromptView.draw(" " + t(.filterPrompt), input, on: surface, row: row, width: width)
        } else if let status = state.status, !(status.severity == .error && status.text == state.list.error) {
            StatusLine.draw(status, on: surface, row: row, width: width)
            return
        } else if let error = state.list.error {
            // The rows' age at the right, where a long error cannot push it off the line.
            let age = state.list.lastUpdated.map { t(.lastUpdated, ServiceRow.age(since: $0, now: now)) + " " } ?? ""
            let ageWidth = min(width, age.displayWidth)
            StatusLine.draw(error, flagged: true, style: .error, on: surface, row: row, width: max(0, width - ageWidth - 1))
            surface.draw(age, at: Point(column: width - ageWidth, row: row), width: ageWidth, style: .warning)
            return
        } else if !state.list.services.filter.isEmpty {
            StatusLine.draw(t(.filterPrompt) + state.list.services.filter.text, flagged: false, style: .muted,
                            on: surface, row: row, width: width)
        }
        if case .list = state.screen, !state.list.services.filter.isEmpty {
            let visible = String(state.list.services.visible.count), all = String(state.list.services.rows.count)
            let matches = state.list.progress == nil ? t(.filterMatches, visible, all) : t(.filterMatchesSoFar, visible, all)
            StatusLine.drawTrailing(matches + " ", on: surface, row: row, width: width)
        }
    }
}

/// The last line: the keys that work here, from the same table the handlers use.
enum FooterBar {
    /// `? help` always shows, at the end: the other hints take the room before it.
    static func draw(_ state: AppState, on surface: Surface, row: Int, width: Int) {
        KeyHints.draw(state.keyTable.footerHints(state.text), trailing: KeyMap.global.footerHints(state.text),
                      on: surface, row: row, width: width)
    }
}
