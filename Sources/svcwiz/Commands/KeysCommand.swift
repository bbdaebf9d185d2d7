import ArgumentParser
import Foundation
import ServiceModel
import SvcWizApp

/// `svcwiz keys`: every key table of the app (screens and overlays), printed from `KeyMap`,
/// `UIText` and `KeyHelp`, the same data the handlers, footers and `?` help use. The
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

    let language: Language
    private var zh: Bool { language == .zh }
    private var t: UIText { UIText(language) }

    var tables: [Table] {
        [
            Table(title: zh ? "全局（列表与详情）" : "Everywhere (list and detail)",
                  note: zh ? "在向导和编辑模式中，可打印的按键属于输入框，只有 `^C` 和 `^Z` 仍然有效。"
                      : "In the wizard and the editor, printable keys belong to the fields: only `^C` and `^Z` apply there.",
                  rows: merge([KeyMap.global])),
            Table(title: zh ? "服务列表" : "Service list",
                  note: zh ? "标有 ¹ 的按键在 `--read-only` 下不存在。" : "Keys marked ¹ are not there with `--read-only`.",
                  rows: readOnlyRows(full: KeyMap.list(readOnly: false), readOnly: KeyMap.list(readOnly: true))),
            Table(title: zh ? "服务详情" : "Service detail",
                  note: zh ? "标有 ¹ 的按键在 `--read-only` 下不存在。" : "Keys marked ¹ are not there with `--read-only`.",
                  rows: readOnlyRows(full: KeyMap.detail(readOnly: false), readOnly: KeyMap.detail(readOnly: true))),
            Table(title: zh ? "创建向导与编辑表单" : "Create wizard and edit forms",
                  note: zh ? "“创建 / 保存”：创建向导中为前者，编辑已有服务时为后者。帮助在 F1（`?` 是可输入的字符）。"
                      : "`create / save`: the first in the create wizard, the second when editing a service. Help is on F1 here (`?` is a character you can type).",
                  rows: merge([KeyMap.wizard(create: true), KeyMap.wizard(create: false)])),
            Table(title: zh ? "向导的检查页" : "Wizard review page",
                  note: zh ? "最后一步之后：将写入的清单。" : "After the last step: the manifest that will be written.",
                  rows: merge([KeyMap.review(create: true), KeyMap.review(create: false)])),
            Table(title: zh ? "编辑模式（YAML/JSON 编辑器）" : "Editor pane (YAML/JSON)",
                  note: zh ? "“JSON / YAML”：在 YAML 中切换到 JSON，在 JSON 中切换到 YAML。方向键、Home/End、PgUp/PgDn 移动光标。"
                      : "`JSON / YAML`: in YAML it switches to JSON, in JSON to YAML. Arrows, Home/End and PgUp/PgDn move the cursor.",
                  rows: merge([
                      KeyMap.editor(create: true, language: .yaml), KeyMap.editor(create: false, language: .yaml),
                      KeyMap.editor(create: true, language: .json),
                  ])),
            Table(title: zh ? "选择列表" : "Choosers",
                  note: zh ? "命名空间、要编辑的部分、文件中的服务。" : "Namespace, the part to edit, the Service of a file.",
                  rows: merge([KeyMap.chooser])),
            Table(title: zh ? "指定工作负载" : "Workload picker",
                  note: zh ? "服务设置步骤中的 `^W`：项目中的部署、有状态副本集和守护进程集。共有的标签若还选中未指定的工作负载，会先列出它们并询问是否继续。"
                      : "`^W` in the service settings step: Deployments, StatefulSets and DaemonSets of the project. When the shared labels also select workloads you did not pick, they are listed and a yes / no question asks first.",
                  rows: merge([KeyMap.workloadPicker])),
            Table(title: zh ? "是 / 否问题" : "Yes / no questions",
                  note: zh ? "离开向导、覆盖文件、转换带注释的 YAML。" : "Leave the wizard, overwrite a file, convert commented YAML.",
                  rows: merge([KeyMap.confirm])),
            Table(title: zh ? "输入行" : "Prompts", note: zh ? "`:`、导出、导入；其他按键编辑文本。" : "`:`, export, import; other keys edit the text.",
                  rows: merge([KeyMap.prompt])),
            Table(title: zh ? "删除确认" : "Delete confirmation", note: zh ? "其他按键输入名称。" : "Other keys type the name.",
                  rows: merge([KeyMap.deleteConfirmation])),
            Table(title: zh ? "未删除的服务" : "Deletes refused", note: zh ? "服务在查看后已更改，未被删除。" : "The services changed since you looked at them and were not deleted.",
                  rows: merge([KeyMap.deleteRefusal])),
            Table(title: zh ? "保存前的差异" : "Diff before saving", note: nil, rows: merge([KeyMap.diff])),
            Table(title: zh ? "冲突" : "Conflict", note: nil, rows: merge([KeyMap.conflict])),
            Table(title: zh ? "未完成的草稿" : "Unfinished draft", note: nil, rows: merge([KeyMap.resumeDraft])),
            Table(title: zh ? "帮助与消息" : "Help and messages", note: nil, rows: merge([KeyMap.panel])),
        ]
    }

    /// One row per distinct key combination; labels that differ between variants are joined.
    private func merge(_ variants: [[KeyBinding]]) -> [Row] {
        var rows: [Row] = []
        for (index, binding) in variants[0].enumerated() where !rows.contains(where: { $0.keys == binding.keyNames }) {
            var labels: [String] = []
            for variant in variants where index < variant.count {
                let label = t(variant[index].label)
                if !labels.contains(label) { labels.append(label) }
            }
            let footer = variants.contains { index < $0.count && $0[index].inFooter }
            rows.append(Row(keys: binding.keyNames, label: labels.joined(separator: " / "), inFooter: footer,
                            meaning: t(binding.help)))
        }
        return rows
    }

    private func readOnlyRows(full: [KeyBinding], readOnly: [KeyBinding]) -> [Row] {
        merge([full]).map { row in
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
}
