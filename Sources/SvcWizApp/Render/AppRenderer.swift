import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

/// Draws a whole frame from the state. Reads only; the same call renders to the terminal
/// and, in tests, to a MemorySurface.
public enum AppRenderer {
    /// Below this the body is replaced by a notice (SCREENS.md).
    public static let minimumSize = TerminalSize(columns: 60, rows: 16)

    public static func render(_ state: AppState, on surface: Surface, now: Date = Date()) {
        surface.clear()
        let size = surface.size
        guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
            drawTooSmall(state, on: surface)
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

    private static func drawTooSmall(_ state: AppState, on surface: Surface) {
        let size = surface.size
        let lines = [state.text(.tooSmall, String(size.columns), String(size.rows)), state.text(.tooSmallHint)]
        let top = max(0, size.rows / 2 - 1)
        for (i, line) in lines.enumerated() where top + i < size.rows {
            let style: Style = i == 0 ? .warning : .normal
            surface.draw(line, at: Point(column: 0, row: top + i), width: size.columns, style: style, alignment: .center)
        }
    }
}

/// The first line: backend, where, namespace, screen, and the service count.
enum TitleBar {
    static func draw(_ state: AppState, on surface: Surface, width: Int) {
        let t = state.text
        let count = state.list.rows.count
        var right = count == 1 ? t(.serviceCount) : t(.servicesCount, String(count))
        if !state.list.marks.isEmpty { right = t(.marked, String(state.list.marks.count)) + "  " + right }
        right += " "
        func title(location: String) -> String {
            var left = " " + t(.appName) + "  "
            left += (state.backend.kind == .workspace ? t(.backendWorkspace) : t(.backendCluster)) + " "
            left += location + "  "
            left += t(.namespaceLabel) + " " + ListView.namespaceName(state)
            if case .detail(let detail) = state.screen {
                let alias = state.list.rows.first { $0.namespace == detail.namespace && $0.name == detail.name }?.alias
                left += "  " + t(.detailTitle, detail.name + (alias.map { " (\($0))" } ?? ""))
            }
            if state.readOnly { left += "  [" + t(.readOnlyBadge) + "]" }
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
        if let input = state.filterInput {
            let prompt = " " + t(.filterPrompt)
            surface.draw(prompt + input.text, at: Point(column: 0, row: row), width: width, style: .focused)
            surface.cursor = Point(column: min(width - 1, prompt.displayWidth + input.cursorPlacement(width: width - prompt.displayWidth).column), row: row)
        } else if let status = state.status, !(status.severity == .error && status.text == state.listError) {
            let mark = status.severity == .info ? " " : " ! "
            let style: Style = status.severity == .error ? .error : (status.severity == .warning ? .warning : .normal)
            surface.draw(mark + status.text, at: Point(column: 0, row: row), width: width, style: style)
            return
        } else if let error = state.listError {
            // The rows' age at the right, where a long error cannot push it off the line.
            let age = state.lastUpdated.map { t(.lastUpdated, ServiceRow.age(since: $0, now: now)) + " " } ?? ""
            let ageWidth = min(width, age.displayWidth)
            surface.draw(" ! " + error, at: Point(column: 0, row: row), width: max(0, width - ageWidth - 1), style: .error)
            surface.draw(age, at: Point(column: width - ageWidth, row: row), width: ageWidth, style: .warning)
            return
        } else if !state.list.filter.isEmpty {
            surface.draw(" " + t(.filterPrompt) + state.list.filter.text, at: Point(column: 0, row: row), width: width, style: .muted)
        }
        if case .list = state.screen, !state.list.filter.isEmpty {
            let matches = t(.filterMatches, String(state.list.visible.count), String(state.list.rows.count)) + " "
            let w = matches.displayWidth
            surface.draw(matches, at: Point(column: max(0, width - w), row: row), width: min(width, w), style: .muted)
        }
    }
}

/// The last line: the keys that work here, from the same table the handlers use.
enum FooterBar {
    static func draw(_ state: AppState, on surface: Surface, row: Int, width: Int) {
        surface.draw("", at: Point(column: 0, row: row), width: width, style: .normal)
        let help = KeyMap.global.filter(\.inFooter)
        let helpWidth = help.reduce(0) { $0 + hintWidth($1, state) }
        var x = 1
        // `? help` always shows, at the end: the other hints take the room before it.
        for binding in state.keyTable.filter(\.inFooter) where x + hintWidth(binding, state) + helpWidth <= width {
            x = drawHint(binding, state, on: surface, at: x, row: row)
        }
        for binding in help where x + hintWidth(binding, state) <= width + 2 {
            x = drawHint(binding, state, on: surface, at: x, row: row)
        }
    }

    private static func hintWidth(_ binding: KeyBinding, _ state: AppState) -> Int {
        binding.keys[0].displayName.displayWidth + 1 + state.text(binding.footerLabel).displayWidth + 2
    }

    private static func drawHint(_ binding: KeyBinding, _ state: AppState, on surface: Surface, at x: Int, row: Int) -> Int {
        var x = x
        x += surface.draw(binding.keys[0].displayName, at: Point(column: x, row: row), style: .keyHint)
        x += 1
        x += surface.draw(state.text(binding.footerLabel), at: Point(column: x, row: row), style: .normal)
        return x + 2
    }
}
