import ServiceModel
import TerminalUI

/// Draws the wizard: title and step bar, the step's form (scrolled to the focus), a live
/// manifest preview at 120 columns and wider, the status line and the footer.
enum WizardView {
    static let previewMinimumWidth = 120

    static func draw(_ wizard: WizardState, _ state: AppState, on surface: Surface) {
        let size = surface.size
        let t = state.text
        drawTitle(wizard, t, on: surface, width: size.columns)
        surface.drawRule(at: Point(column: 0, row: 1), width: size.columns)
        let bodyHeight = size.rows - 5
        let showPreview = size.columns >= previewMinimumWidth
        let formWidth = showPreview ? size.columns / 2 : size.columns
        let body = Rect(column: 0, row: 2, width: formWidth, height: bodyHeight)
        if wizard.isReviewing {
            drawReview(wizard, t, on: surface, in: Rect(column: 0, row: 2, width: size.columns, height: bodyHeight))
        } else {
            drawForm(wizard, t, on: surface, in: body)
            if showPreview {
                let preview = Rect(column: formWidth + 1, row: 2, width: size.columns - formWidth - 1, height: bodyHeight)
                for row in preview.row..<preview.maxRow {
                    surface.draw("│", at: Point(column: formWidth, row: row), style: .border)
                }
                drawManifest(YAMLWriter.write(ServerFields.stripped(wizard.manifest)), on: surface, in: preview, scroll: 0)
            }
        }
        surface.drawRule(at: Point(column: 0, row: size.rows - 3), width: size.columns)
        drawStatus(wizard, state, on: surface, row: size.rows - 2, width: size.columns)
        drawFooter(wizard, t, on: surface, row: size.rows - 1, width: size.columns)
    }

    private static func drawTitle(_ wizard: WizardState, _ t: UIText, on surface: Surface, width: Int) {
        surface.draw("", at: Point(column: 0, row: 0), width: width, style: .title)
        var x = 0
        let title: String
        switch wizard.mode {
        case .create: title = " " + t(.wizardCreateTitle) + "  "
        case .edit(let stored, _): title = " " + t(.wizardEditTitle, stored.name) + "  "
        }
        x += surface.draw(title, at: Point(column: x, row: 0), style: .title)
        func labels(compact: Bool) -> [(String, Style)] {
            wizard.steps.map { step in
                let current = wizard.page == .step(step)
                let flagged = wizard.revealed.contains(step) && wizard.hasProblems(step)
                let number = wizard.isCreate ? "\(step.rawValue + 1)" : ""
                // Narrow terminals keep the current step's name and number the others.
                var label = compact && !current && wizard.isCreate ? number : (number.isEmpty ? "" : number + " ") + t(stepKey(step))
                if flagged { label += " !" }
                if current { label = "[" + label + "]" }
                return (label, current ? .focused : (flagged ? .error : .title))
            }
        }
        var steps = labels(compact: false)
        if x + steps.reduce(0, { $0 + $1.0.displayWidth + 3 }) + 10 > width { steps = labels(compact: true) }
        for (i, step) in steps.enumerated() {
            if i > 0 { x += surface.draw(" > ", at: Point(column: x, row: 0), style: .title) }
            x += surface.draw(step.0, at: Point(column: x, row: 0), style: step.1)
        }
        if wizard.isReviewing {
            x += surface.draw(" > ", at: Point(column: x, row: 0), style: .title)
            surface.draw("[" + t(.wizardReview) + "]", at: Point(column: x, row: 0), style: .focused)
        }
    }

    /// The last `width` cells of `text`.
    static func tail(of text: String, width: Int) -> String {
        var result = ""
        for character in text.reversed() {
            guard (String(character) + result).displayWidth <= width else { break }
            result = String(character) + result
        }
        return result
    }

    static func stepKey(_ step: WizardStep) -> UIKey {
        switch step {
        case .basicInfo: return .stepBasicInfo
        case .serviceSettings: return .stepServiceSettings
        case .labels: return .stepLabels
        case .externalAccess: return .stepExternalAccess
        }
    }

    private static func drawForm(_ wizard: WizardState, _ t: UIText, on surface: Surface, in rect: Rect) {
        let lines = WizardForm.lines(wizard, text: t, width: rect.width)
        let focusLine = lines.firstIndex { $0.fields.contains(wizard.focus) } ?? 0
        // Keep the focused line and the messages under it in sight.
        var scroll = 0
        if focusLine >= rect.height - 2 { scroll = focusLine - rect.height + 3 }
        for (offset, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            drawLine(line, wizard, t, on: surface, at: Point(column: rect.column + 1, row: rect.row + offset), maxColumn: rect.maxColumn)
        }
    }

    private static func drawLine(_ line: FormLine, _ wizard: WizardState, _ t: UIText, on surface: Surface, at point: Point, maxColumn: Int) {
        var x = point.column
        for cell in line.cells {
            guard x < maxColumn else { return }
            switch cell {
            case .label(let text):
                // One blank cell always separates the label from its field.
                let label = text.displayWidth > FormLine.labelWidth - 1 ? text.truncatedWithEllipsis(toWidth: FormLine.labelWidth - 1) : text
                surface.draw(label, at: Point(column: x, row: point.row), maxWidth: min(FormLine.labelWidth - 1, maxColumn - x), style: .header)
                x += FormLine.labelWidth
            case .note(let text, let style):
                // A hint that does not fit says so with "…" rather than stopping mid-word.
                let shown = text.displayWidth > maxColumn - x ? text.truncatedWithEllipsis(toWidth: maxColumn - x) : text
                x += surface.draw(shown, at: Point(column: x, row: point.row), maxWidth: maxColumn - x, style: style)
            case let .text(field, width):
                let w = min(width, maxColumn - x)
                let focused = field == wizard.focus
                var editor = focused ? wizard.editor : TextField(wizard.text(of: field))
                // A field without the focus shows the start of its text.
                if !focused { _ = editor.handle(.home) }
                editor.placeholder = WizardForm.placeholder(for: field, text: t)
                let hasError = !wizard.messages(for: field, language: t.language).isEmpty
                let fieldText = wizard.text(of: field)
                if !focused, field.isQualifiedKey, fieldText.contains("/"), fieldText.displayWidth > w {
                    // A long `prefix/name` key keeps its name in sight: `…/qingcloud-load-balancer-eip-ids`.
                    surface.draw("…" + Self.tail(of: fieldText, width: w - 1), at: Point(column: x, row: point.row), width: w, style: .input)
                } else {
                    editor.draw(on: surface, in: Rect(column: x, row: point.row, width: w, height: 1), focused: focused)
                }
                if hasError, !focused {
                    // The field's text keeps the error style, so monochrome still shows it.
                    surface.draw(TextField.singleLine(wizard.text(of: field)).isEmpty ? "!" : wizard.text(of: field),
                                 at: Point(column: x, row: point.row), width: w, style: .error)
                }
                x += w
            case .choice(let field):
                x += drawChoice(field, wizard, t, on: surface, at: Point(column: x, row: point.row), maxColumn: maxColumn)
            }
        }
    }

    /// A choice as radio buttons `(•) A  ( ) B`, or, for a port's protocol, its value in brackets.
    private static func drawChoice(_ field: WizardField, _ wizard: WizardState, _ t: UIText, on surface: Surface,
                                   at point: Point, maxColumn: Int) -> Int {
        let focused = field == wizard.focus
        let options = wizard.options(of: field, text: t)
        let chosen = wizard.choice(of: field)
        if case .portProtocol = field {
            let text = "[" + (options[safe: chosen] ?? "TCP").padded(toWidth: 4) + "]"
            surface.draw(text, at: point, maxWidth: maxColumn - point.column, style: focused ? .focused : .input)
            if focused { surface.cursor = Point(column: point.column + 1, row: point.row) }
            return 6
        }
        var x = point.column
        let full = options.reduce(0) { $0 + $1.displayWidth + 6 }
        if full > maxColumn - point.column {
            // Too narrow for every option: the chosen one, with arrows to change it.
            let text = "◀ (•) " + (options[safe: chosen] ?? "") + " ▶ \(chosen + 1)/\(options.count)"
            if focused { surface.cursor = Point(column: x + 3, row: point.row) }
            return surface.draw(text, at: point, maxWidth: maxColumn - point.column, style: focused ? .focused : .normal)
        }
        for (i, option) in options.enumerated() {
            let mark = i == chosen ? "(•) " : "( ) "
            let style: Style = focused && i == chosen ? .focused : (i == chosen ? .normal : .muted)
            if focused && i == chosen { surface.cursor = Point(column: x + 1, row: point.row) }
            x += surface.draw(mark + option, at: Point(column: x, row: point.row), maxWidth: maxColumn - x, style: style)
            x += surface.draw("  ", at: Point(column: x, row: point.row), maxWidth: maxColumn - x)
        }
        return x - point.column
    }

    private static func drawReview(_ wizard: WizardState, _ t: UIText, on surface: Surface, in rect: Rect) {
        var errorLines: [String] = []
        for error in wizard.errors {
            errorLines.append("! \(error.location): \(error.message(in: t.language))")
        }
        var y = rect.row
        surface.draw(errorLines.isEmpty ? t(.reviewReady) : t(.reviewHasErrors, String(errorLines.count)),
                     at: Point(column: 1, row: y), width: rect.width - 1, style: errorLines.isEmpty ? .success : .error)
        y += 1
        for line in errorLines.prefix(4) {
            surface.draw(line, at: Point(column: 1, row: y), width: rect.width - 1, style: .error)
            y += 1
        }
        drawManifest(YAMLWriter.write(ServerFields.stripped(wizard.manifest)), on: surface,
                     in: Rect(column: rect.column, row: y, width: rect.width, height: rect.maxRow - y), scroll: wizard.reviewScroll)
    }

    /// A manifest with line numbers, as the review page and the preview show it.
    static func drawManifest(_ yaml: String, on surface: Surface, in rect: Rect, scroll: Int) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let start = min(scroll, max(0, lines.count - rect.height))
        for (offset, line) in lines.dropFirst(start).prefix(rect.height).enumerated() {
            let number = String(start + offset + 1).leftPadded(toWidth: 4)
            surface.draw(number + " ", at: Point(column: rect.column, row: rect.row + offset), style: .muted)
            surface.draw(String(line), at: Point(column: rect.column + 5, row: rect.row + offset), maxWidth: rect.width - 5,
                         style: line.hasPrefix(" ") || line.hasPrefix("-") ? .normal : .syntaxKey)
        }
    }

    private static func drawStatus(_ wizard: WizardState, _ state: AppState, on surface: Surface, row: Int, width: Int) {
        if let status = state.status {
            StatusLine.draw(status, on: surface, row: row, width: width)
        } else if let notice = wizard.notice {
            StatusLine.draw(notice, flagged: false, style: .success, on: surface, row: row, width: width)
        } else if wizard.revealed.contains(wizard.step), wizard.hasProblems(wizard.step) {
            StatusLine.draw(state.text(.stepHasErrors), flagged: true, style: .error, on: surface, row: row, width: width)
        } else {
            surface.draw("", at: Point(column: 0, row: row), width: width)
        }
    }

    private static func drawFooter(_ wizard: WizardState, _ t: UIText, on surface: Surface, row: Int, width: Int) {
        let bindings = wizard.isReviewing ? KeyMap.review(create: wizard.isCreate) : KeyMap.wizard(create: wizard.isCreate)
        KeyHints.draw(bindings.footerHints(t), on: surface, row: row, width: width)
    }
}

extension String {
    /// Right-aligned in `width` cells (line numbers).
    func leftPadded(toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - displayWidth)) + self
    }
}
