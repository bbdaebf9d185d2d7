import ArgumentParser
import Foundation
import ServiceModel
import SvcWizApp

/// `svcwiz keys`: every key table of the app (global, list, detail, wizard, editor), printed
/// from `KeyMap` and `UIText`, the same data the handlers, footers and `?` help use. The
/// keymap documents (`docs/keymap.md`, `docs/zh/keymap.md`) are this command's output, and
/// a test keeps them equal to it.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print every key of the terminal UI, from the key tables the app itself uses.")

    @Option(name: .long, help: ArgumentHelp("Language: en or zh (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "lang"))
    var lang: String?

    @Option(name: .long, help: "Output format: text or markdown.")
    var format: KeysFormat = .text

    func run() throws {
        let language: Language
        if let lang {
            guard let chosen = Language(option: lang) else { throw ValidationError("--lang must be en or zh, not \(lang)") }
            language = chosen
        } else {
            language = Language.fromEnvironment(ProcessInfo.processInfo.environment)
        }
        let tables = KeyTables(language: language)
        Console.out(format == .markdown ? tables.markdown() : tables.text())
    }
}

enum KeysFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown
}

/// The app's key tables as rows for a document: variants of one table (create or edit,
/// YAML or JSON, read-only or not) are merged into one row per binding.
struct KeyTables {
    struct Row {
        var keys: String
        /// The word the footer and `?` help show, from `UIText`; `a / b` where variants differ.
        var label: String
        var inFooter: Bool
        var meaning: String
        /// True when `--read-only` removes the key.
        var writes = false
    }

    struct Table {
        var title: String
        var note: String?
        var rows: [Row]
    }

    /// Which table a row is in, for the few actions whose meaning depends on it.
    enum Screen {
        case global, list, detail, wizard, editor
    }

    let language: Language
    private var zh: Bool { language == .zh }
    private var t: UIText { UIText(language) }

    var tables: [Table] {
        [
            Table(title: zh ? "全局（列表与详情）" : "Everywhere (list and detail)",
                  note: zh ? "在向导和编辑模式中，可打印的按键属于输入框，只有 `^C` 和 `^Z` 仍然有效。"
                      : "In the wizard and the editor, printable keys belong to the fields: only `^C` and `^Z` apply there.",
                  rows: merge([KeyMap.global], on: .global)),
            Table(title: zh ? "服务列表" : "Service list",
                  note: zh ? "标有 ¹ 的按键在 `--read-only` 下不存在。" : "Keys marked ¹ are not there with `--read-only`.",
                  rows: readOnlyRows(full: KeyMap.list(readOnly: false), readOnly: KeyMap.list(readOnly: true), on: .list)),
            Table(title: zh ? "服务详情" : "Service detail",
                  note: zh ? "标有 ¹ 的按键在 `--read-only` 下不存在。" : "Keys marked ¹ are not there with `--read-only`.",
                  rows: readOnlyRows(full: KeyMap.detail(readOnly: false), readOnly: KeyMap.detail(readOnly: true), on: .detail)),
            Table(title: zh ? "创建向导与编辑表单" : "Create wizard and edit forms",
                  note: zh ? "“创建 / 保存”：创建向导中为前者，编辑已有服务时为后者。帮助在 F1（`?` 是可输入的字符）。"
                      : "`create / save`: the first in the create wizard, the second when editing a service. Help is on F1 here (`?` is a character you can type).",
                  rows: merge([KeyMap.wizard(create: true), KeyMap.wizard(create: false)], on: .wizard)),
            Table(title: zh ? "编辑模式（YAML/JSON 编辑器）" : "Editor pane (YAML/JSON)",
                  note: zh ? "“JSON / YAML”：在 YAML 中切换到 JSON，在 JSON 中切换到 YAML。方向键、Home/End、PgUp/PgDn 移动光标。"
                      : "`JSON / YAML`: in YAML it switches to JSON, in JSON to YAML. Arrows, Home/End and PgUp/PgDn move the cursor.",
                  rows: merge([
                      KeyMap.editor(create: true, language: .yaml), KeyMap.editor(create: false, language: .yaml),
                      KeyMap.editor(create: true, language: .json),
                  ], on: .editor)),
        ]
    }

    /// One row per distinct key combination; labels that differ between variants are joined.
    private func merge(_ variants: [[KeyBinding]], on screen: Screen) -> [Row] {
        var rows: [Row] = []
        for (index, binding) in variants[0].enumerated() where !rows.contains(where: { $0.keys == binding.keyNames }) {
            var labels: [String] = []
            for variant in variants where index < variant.count {
                let label = t(variant[index].label)
                if !labels.contains(label) { labels.append(label) }
            }
            let footer = variants.contains { index < $0.count && $0[index].inFooter }
            rows.append(Row(keys: binding.keyNames, label: labels.joined(separator: " / "), inFooter: footer,
                            meaning: meaning(of: binding.action, on: screen)))
        }
        return rows
    }

    private func readOnlyRows(full: [KeyBinding], readOnly: [KeyBinding], on screen: Screen) -> [Row] {
        merge([full], on: screen).map { row in
            var row = row
            row.writes = !readOnly.contains { $0.keyNames == row.keys }
            return row
        }
    }

    // MARK: Output

    func markdown() -> String {
        var lines = [
            zh ? "# svcwiz 按键" : "# svcwiz keys",
            "",
            zh ? "<!-- 由 `svcwiz keys --lang zh --format markdown` 生成，请勿手工编辑（docs/make.sh）。 -->"
                : "<!-- Generated by `svcwiz keys --lang en --format markdown`; do not edit by hand (docs/make.sh). -->",
            "",
            zh ? "本页由程序自身的按键表生成，与底栏和 `?` 帮助一致。`^X` 表示 Ctrl-X，`S-Tab` 表示 Shift-Tab，`M-x` 表示 Alt-x。“底栏”一列标出底部提示行中显示的按键。"
                : "This page is printed from the app's own key tables, the ones its footer and `?` help show. `^X` is Ctrl-X, `S-Tab` is Shift-Tab, `M-x` is Alt-x. The footer column marks the keys the bottom line of the screen shows.",
        ]
        let header = zh ? "| 按键 | 提示 | 底栏 | 作用 |" : "| keys | label | footer | what it does |"
        for table in tables {
            lines += ["", "## " + table.title, ""]
            if let note = table.note { lines += [note, ""] }
            lines += [header, "|---|---|---|---|"]
            for row in table.rows {
                lines.append("| `\(row.keys)`\(row.writes ? " ¹" : "") | \(row.label) | \(row.inFooter ? "✓" : "") | \(row.meaning) |")
            }
        }
        return lines.joined(separator: "\n")
    }

    func text() -> String {
        let width = (tables.flatMap(\.rows).map(\.keys.count).max() ?? 4) + 4
        var lines: [String] = []
        for table in tables {
            if !lines.isEmpty { lines.append("") }
            lines.append(table.title)
            for row in table.rows {
                let keys = row.keys + (row.writes ? " ¹" : "")
                lines.append("  " + keys.padding(toLength: width, withPad: " ", startingAt: 0) + row.meaning.replacingOccurrences(of: "`", with: ""))
            }
            if let note = table.note { lines.append("  (" + note.replacingOccurrences(of: "`", with: "") + ")") }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: What each action does

    // Every action is described here, in both languages: a new action does not compile
    // until it is, so the keymap document cannot leave one out.
    private func meaning(of action: AppAction, on screen: Screen) -> String {
        switch (action, screen) {
        case (.back, .detail): return zh ? "返回列表" : "back to the list"
        case (.delete, .detail): return zh ? "删除此服务（先显示将删除的内容并确认）" : "delete this service (shows what goes and asks first)"
        case (.up, .detail), (.down, .detail): return zh ? "滚动" : "scroll"
        case (.save, .editor): return zh ? "从文本创建或保存" : "create or save from the text"
        default: return meaning(of: action)
        }
    }

    private func meaning(of action: AppAction) -> String {
        switch action {
        case .help: return zh ? "本屏幕的帮助：列出这里的每个按键" : "help for this screen: every key that works here"
        case .back: return zh ? "关闭对话框 / 返回上一屏 / 退出筛选" : "close a dialog / back one screen / leave the filter"
        case .quit: return zh ? "返回；在列表中退出（有未保存的草稿时会询问）" : "back; on the list: quit (asks when a draft is unsaved)"
        case .quitNow: return zh ? "立即退出，恢复终端，保留向导草稿" : "quit at once, terminal restored, wizard draft kept"
        case .suspend: return zh ? "挂起到 shell；`fg` 恢复并完整重绘" : "suspend to the shell; `fg` resumes with a full redraw"
        case .redraw: return zh ? "重绘屏幕" : "redraw the screen"
        case .command: return zh ? "命令行：`:ns 名称`、`:ns all`、`:ctx 名称`、`:q`" : "command line: `:ns NAME`, `:ns all`, `:ctx NAME`, `:q`"
        case .messages: return zh ? "最近的消息" : "recent messages"
        case .up: return zh ? "上移" : "up"
        case .down: return zh ? "下移" : "down"
        case .pageUp: return zh ? "上一页" : "page up"
        case .pageDown: return zh ? "下一页" : "page down"
        case .top: return zh ? "到顶部" : "to the top"
        case .bottom: return zh ? "到底部" : "to the bottom"
        case .open: return zh ? "打开服务详情" : "open the service's detail"
        case .filter: return zh ? "筛选（输入即筛选，`Enter` 保留，`Esc` 清除；支持 `标签=值`、`标签!=值`）"
            : "filter (type to narrow, `Enter` keeps it, `Esc` clears; `label=value`, `label!=value`)"
        case .sortNext: return zh ? "按下一列排序" : "sort by the next column"
        case .sortReverse: return zh ? "反转排序顺序" : "reverse the order"
        case .namespace: return zh ? "选择项目（命名空间）" : "choose the namespace (project)"
        case .refresh: return zh ? "立即刷新" : "refresh now"
        case .mark: return zh ? "选择 / 取消选择（用于批量删除）" : "mark / unmark (for deleting several)"
        case .delete: return zh ? "删除选中或已标记的服务（需要确认）" : "delete the selected or marked services (asks first)"
        case .export: return zh ? "将服务导出到文件" : "export the service to a file"
        case .create: return zh ? "创建服务（打开向导）" : "create a service (the wizard)"
        case .edit: return zh ? "编辑：基本信息、服务设置、标签或外网访问" : "edit: basic info, service settings, labels or external access"
        case .editText: return zh ? "以 YAML/JSON 编辑服务" : "edit the service as YAML/JSON"
        case .nextField: return zh ? "下一个字段" : "next field"
        case .previousField: return zh ? "上一个字段" : "previous field"
        case .nextStep: return zh ? "下一步（先检查本步）" : "next step (checks this one first)"
        case .previousStep: return zh ? "上一步（不丢失输入）" : "previous step (keeps what you typed)"
        case .addRow: return zh ? "添加一行（端口、选择器、标签、注解）" : "add a row (ports, selector, labels, annotations)"
        case .removeRow: return zh ? "删除光标所在行" : "remove the row under the cursor"
        case .pickWorkload: return zh ? "指定工作负载（服务设置步骤）：复制其 Pod 标签为选择器" : "pick a workload (service settings step): copy its pod labels into the selector"
        case .save: return zh ? "创建（最后一步）或保存（编辑时先显示差异）" : "create (last step) or save (editing shows the diff first)"
        case .leave: return zh ? "离开（会询问；草稿保留）" : "leave (asks; the draft is kept)"
        case .toEditor: return zh ? "切换到编辑模式（YAML/JSON）" : "switch to the editor (YAML/JSON)"
        case .importFile: return zh ? "导入 YAML/JSON 文件" : "import a YAML/JSON file"
        case .toForm: return zh ? "回到表单（文本能解析时）" : "back to the form (when the text parses)"
        case .convert: return zh ? "在 YAML 与 JSON 之间切换" : "switch YAML <-> JSON"
        case .externalEditor: return zh ? "在 `$EDITOR` 中编辑" : "edit in `$EDITOR`"
        case .find: return zh ? "查找" : "search"
        case .undo: return zh ? "撤销（`^Z` 是挂起）" : "undo (`^Z` is suspend)"
        case .redo: return zh ? "重做" : "redo"
        }
    }
}
