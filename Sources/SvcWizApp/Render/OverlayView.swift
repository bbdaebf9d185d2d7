import Foundation
import ServiceModel
import TerminalUI

/// Draws whatever sits on top of the screen: help, messages, choosers and prompts.
enum OverlayView {
    static func draw(_ overlay: Overlay, _ state: AppState, on surface: Surface, in area: Rect) {
        let t = state.text
        let promptRow = area.maxRow - 1
        switch overlay {
        case .help:
            drawHelp(state, on: surface, in: area)
        case .messages:
            drawMessages(state, on: surface, in: area)
        case .namespaces(let chooser):
            drawNamespaces(state, selection: chooser.selection, on: surface, in: area)
        case .command(let input):
            PromptView.draw(t(.commandPrompt), input, on: surface, row: promptRow, width: area.width)
        case let .export(input, service):
            PromptView.draw(" " + service.name + "  " + t(.exportPrompt), input, on: surface, row: promptRow, width: area.width)
        case let .importPrompt(input, candidates):
            drawCandidates(candidates, on: surface, in: area)
            PromptView.draw(" " + t(.importPrompt), input, on: surface, row: promptRow, width: area.width)
        case .confirmDelete(let confirmation):
            drawDeleteConfirmation(confirmation, state, on: surface, in: area)
        case .deleteRefused(let refusal):
            // The hint stays on screen however long the diff is; Up and Down scroll it.
            let shown = refusal.lines(t).dropFirst(refusal.scroll).prefix(max(1, area.height - 4))
            drawPanel(title: t(.deleteRefusedTitle), lines: Array(shown) + [(t(.deleteRefusedHint), .keyHint)],
                      on: surface, in: area, widthHint: area.width - 4)
        case .leaveWizard, .resumeDraft, .confirmOverwrite:
            drawQuestion(overlay, state, on: surface, in: area)
        case .workloadPicker(let picker):
            WorkloadPickerView.draw(picker, state, on: surface, in: area)
        case .editChooser(let chooser):
            let lines = chooser.steps.enumerated().map { i, step in
                choice(t(WizardView.stepKey(step)), selected: i == chooser.chooser.selection)
            }
            drawPanel(title: t(.editChooserTitle, chooser.service.name), lines: lines, on: surface, in: area, widthHint: 40)
        case .importChooser(let chooser):
            let lines = chooser.services.enumerated().map { i, node in
                let metadata = node["metadata"]
                let kind = ServiceTerms.kind(ServiceKind(spec: node["spec"]), language: t.language)
                let label = "\(metadata?["name"]?.scalarText ?? "?")  \(metadata?["namespace"]?.scalarText ?? "-")  \(kind)"
                return choice(label, selected: i == chooser.chooser.selection)
            }
            drawPanel(title: t(.importChooseTitle, chooser.path), lines: lines + [(t(.pickerHint), .keyHint)],
                      on: surface, in: area, widthHint: 60)
        case .diff(let panel):
            let title: String
            if case .wizard(let wizard) = state.screen, let stored = wizard.stored { title = t(.diffTitle, stored.name) } else { title = "" }
            drawDiff(panel.lines, scroll: panel.scroll, title: title, hint: t(.diffHint), on: surface, in: area, heading: panel.note)
        case let .conflict(current, changes):
            drawDiff(changes, scroll: 0, title: t(.conflictTitle), hint: t(.conflictHint), on: surface, in: area,
                     heading: t(.conflictMessage, current.name))
        }
    }

    /// An entry of a chooser: `> ` and the selected style on the chosen one.
    static func choice(_ label: String, selected: Bool) -> (String, Style) {
        ((selected ? "> " : "  ") + label, selected ? .selected : .normal)
    }

    private static func drawMessages(_ state: AppState, on surface: Surface, in area: Rect) {
        let t = state.text
        let lines = state.messages.isEmpty
            ? [(t(.noMessages), Style.muted)]
            : state.messages.suffix(area.height - 2).map { message -> (String, Style) in
                let time = ISO8601DateFormatter.string(from: message.time, timeZone: .current, formatOptions: [.withTime, .withColonSeparatorInTime])
                return ("\(time)  \(message.text)", message.style)
            }
        drawPanel(title: t(.recentMessages), lines: lines, on: surface, in: area, widthHint: area.width - 4)
    }

    /// The namespace chooser: a box as wide as the longest name, scrolled to the selection.
    private static func drawNamespaces(_ state: AppState, selection: Int, on surface: Surface, in area: Rect) {
        let choices = state.namespaceChoices
        let box = box(in: area, width: max(30, (choices.map(\.displayWidth).max() ?? 0) + 6), height: min(area.height, choices.count + 2))
        surface.fill(box)
        surface.drawBox(box, title: state.text(.namespaceChooserTitle))
        let visible = box.height - 2
        let first = max(0, min(selection - visible + 1, choices.count - visible))
        for (offset, name) in choices.dropFirst(first).prefix(visible).enumerated() {
            let (line, style) = choice(name, selected: first + offset == selection)
            surface.draw(line, at: Point(column: box.column + 1, row: box.row + 1 + offset), width: box.width - 2, style: style)
        }
    }

    /// Tab completion's other candidates, above the import prompt.
    private static func drawCandidates(_ candidates: [String], on surface: Surface, in area: Rect) {
        guard !candidates.isEmpty else { return }
        let shown = candidates.prefix(area.height - 3)
        let rect = Rect(column: 0, row: area.maxRow - 2 - shown.count, width: area.width, height: shown.count + 1)
        surface.fill(rect)
        for (i, line) in shown.enumerated() {
            surface.draw("  " + line, at: Point(column: 0, row: rect.row + i), width: area.width, style: .muted)
        }
    }

    /// The yes/no and resume questions: the question, then the keys that answer it.
    private static func drawQuestion(_ overlay: Overlay, _ state: AppState, on surface: Surface, in area: Rect) {
        let t = state.text
        switch overlay {
        case .leaveWizard:
            var question = t(.leaveQuestion)
            if case .wizard(let wizard) = state.screen, let stored = wizard.stored { question = t(.leaveEditQuestion, stored.name) }
            drawPanel(title: t(.leaveTitle), lines: [(question, .warning), (t(.yesNo), .keyHint)], on: surface, in: area, widthHint: 60)
        case .resumeDraft(let saved):
            let name = saved.draft.name.isEmpty ? t(.unnamed) : saved.draft.name
            let age = ServiceRow.age(since: saved.savedAt, now: Date())
            drawPanel(title: t(.resumeTitle), lines: [(t(.resumeQuestion, name, String(saved.step.rawValue + 1), age), .normal),
                                                      (t(.resumeChoices), .keyHint)], on: surface, in: area, widthHint: 64)
        case .confirmOverwrite(let path, _):
            drawPanel(title: t(.exportTitle), lines: [(t(.exportOverwrite, path), .warning), (t(.yesNo), .keyHint)],
                      on: surface, in: area, widthHint: 60)
        default:
            break
        }
    }

    private static func box(in area: Rect, width: Int, height: Int) -> Rect {
        area.centered(width: min(area.width - 2, width), height: min(area.height, height))
    }

    @discardableResult
    static func drawPanel(title: String, lines unwrapped: [(String, Style)], on surface: Surface, in area: Rect,
                                  widthHint: Int) -> Rect {
        let width = min(area.width - 2, max(40, min(widthHint, (unwrapped.map { $0.0.displayWidth }.max() ?? 0) + 4)))
        // Long lines (a path, a message) wrap inside the panel rather than being cut.
        let lines = unwrapped.flatMap { line in
            line.0.displayWidth <= width - 4 ? [line] : line.0.wrapped(toWidth: width - 4).map { ($0, line.1) }
        }
        let rect = box(in: area, width: width, height: lines.count + 2)
        surface.fill(rect)
        surface.drawBox(rect, title: title)
        for (i, line) in lines.prefix(rect.height - 2).enumerated() {
            surface.draw(line.0, at: Point(column: rect.column + 2, row: rect.row + 1 + i), width: rect.width - 4, style: line.1)
        }
        return rect
    }

    private static func drawHelp(_ state: AppState, on surface: Surface, in area: Rect) {
        let t = state.text
        var lines: [(String, Style)] = []
        let screenName: String
        switch state.screen {
        case .list: screenName = t(.listTitle)
        case .detail(let detail): screenName = t(.detailTitle, detail.service.name)
        case .wizard(let wizard): screenName = wizard.isCreate ? t(.wizardCreateTitle) : t(.wizardEditTitle, wizard.draft.name)
        case .editor: screenName = t(.editMode)
        }
        var sections = [(t(.helpTitle, screenName), state.keyTable)]
        switch state.screen {
        case .wizard, .editor:
            if case .wizard = state.screen { sections.append((t(.pickerTitle), KeyMap.workloadPicker)) }
            // In forms and text the printable keys are the fields' own; only Ctrl-C and Ctrl-Z apply.
            sections.append((t(.helpGlobal), KeyMap.global.filter { $0.action == .quitNow || $0.action == .suspend }))
        case .list, .detail:
            sections.append((t(.helpGlobal), KeyMap.global))
        }
        let keyWidth = (sections.flatMap { $0.1 }.map { $0.keyNames.displayWidth }.max() ?? 4) + 2
        for (title, table) in sections {
            lines.append((title, .header))
            var seen = Set<String>()
            for binding in table where seen.insert(binding.keyNames).inserted {
                lines.append(("  " + binding.keyNames.padded(toWidth: keyWidth) + t(binding.label), .normal))
            }
        }
        lines.append((t(.helpClose), .muted))
        drawPanel(title: "?", lines: lines, on: surface, in: area, widthHint: 60)
    }

    /// A diff with `+`/`-` lines, coloured when colour is on and marked by sign always.
    private static func drawDiff(_ lines: [LineDiff.Line], scroll: Int, title: String, hint: String, on surface: Surface,
                                 in area: Rect, heading: String? = nil) {
        let rect = area.insetBy(dx: 1, dy: 0)
        surface.fill(area)
        surface.drawBox(rect, title: title)
        var y = rect.row + 1
        if let heading {
            surface.draw(heading, at: Point(column: rect.column + 2, row: y), width: rect.width - 4, style: .warning)
            y += 1
        }
        let height = rect.maxRow - 2 - y
        for line in lines.dropFirst(scroll).prefix(max(0, height)) {
            let (text, style): (String, Style)
            switch line {
            case .same(let l): (text, style) = (l == "@@" ? "@@" : "  " + l, l == "@@" ? .muted : .normal)
            case .removed(let l): (text, style) = ("- " + l, .removed)
            case .added(let l): (text, style) = ("+ " + l, .added)
            }
            surface.draw(text, at: Point(column: rect.column + 2, row: y), width: rect.width - 4, style: style)
            y += 1
        }
        surface.draw(hint, at: Point(column: rect.column + 2, row: rect.maxRow - 2), width: rect.width - 4, style: .keyHint)
    }

    private static func drawDeleteConfirmation(_ confirmation: DeleteConfirmation, _ state: AppState, on surface: Surface, in area: Rect) {
        let t = state.text
        let names = confirmation.targets.map(\.service.name)
        var lines: [(String, Style)] = []
        if names.count == 1 {
            lines.append((t(.deleteOne, names[0]), .warning))
        } else {
            let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
            lines.append((t(.deleteMany, String(names.count), shown), .warning))
        }
        if confirmation.hiddenByFilter > 0 { lines.append((t(.deleteHidden, String(confirmation.hiddenByFilter)), .warning)) }
        lines.append((t(.deleteConfirmHint), .muted))
        lines.append(("> " + confirmation.typed.text, .focused))
        let width = min(area.width - 2, max(50, (lines.map { $0.0.displayWidth }.max() ?? 0) + 4))
        let rect = drawPanel(title: t(.deleteTitle), lines: lines, on: surface, in: area, widthHint: width)
        // The typed name is the panel's last line.
        surface.cursor = Point(column: rect.column + 4 + confirmation.typed.cursorPlacement(width: rect.width - 6).column, row: rect.maxRow - 2)
    }
}
