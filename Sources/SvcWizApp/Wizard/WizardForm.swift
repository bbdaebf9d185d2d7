import ServiceModel
import TerminalUI

/// A step laid out as lines of cells, before drawing: labels, text fields, choices, hints
/// and messages. Building lines first lets the view scroll to the focused field.
struct FormLine {
    enum Cell {
        case label(String)
        case text(WizardField, width: Int)
        case choice(WizardField)
        case note(String, Style)
    }

    var cells: [Cell]
    /// The field this line is for, when scrolling must keep it in sight.
    var fields: [WizardField] {
        cells.compactMap { cell in
            switch cell {
            case .text(let field, _), .choice(let field): return field
            default: return nil
            }
        }
    }

    static let labelWidth = 15
}

/// Builds the form lines of each step from the wizard state.
enum WizardForm {
    /// Collects lines; a field's messages go on the lines right under it.
    struct Builder {
        let wizard: WizardState
        let language: Language
        var lines: [FormLine] = []

        mutating func add(_ label: String, _ cells: [FormLine.Cell], messagesFor fields: [WizardField] = []) {
            lines.append(FormLine(cells: [.label(label)] + cells))
            for field in fields {
                for message in wizard.messages(for: field, language: language) {
                    lines.append(FormLine(cells: [.label(""), .note("! " + message, .error)]))
                }
                for warning in wizard.warningMessages(for: field, language: language) {
                    lines.append(FormLine(cells: [.label(""), .note("! " + warning, .warning)]))
                }
            }
        }

        mutating func append(_ line: FormLine) {
            lines.append(line)
        }
    }

    static func lines(_ wizard: WizardState, text t: UIText, width: Int = 80) -> [FormLine] {
        let language = t.language
        var b = Builder(wizard: wizard, language: language)
        switch wizard.step {
        case .basicInfo:
            if wizard.isCreate {
                b.add(t(.fieldName), [.text(.name, width: 32)], messagesFor: [.name])
                b.append(FormLine(cells: [.label(""), .note(t(.hintName), .muted)]))
            } else {
                b.add(t(.fieldName), [.note(wizard.draft.name, .normal)])
            }
            b.add(t(.fieldAlias), [.text(.alias, width: 32)], messagesFor: [.alias])
            b.add(t(.fieldDescription), [.text(.description, width: 48)], messagesFor: [.description])
            if wizard.isCreate {
                b.add(t(.fieldNamespace), [.text(.namespace, width: 24)], messagesFor: [.namespace])
            } else {
                b.add(t(.fieldNamespace), [.note(wizard.draft.namespace, .normal)])
            }
        case .serviceSettings:
            if wizard.isCreate {
                b.add(t(.fieldType), [.choice(.kind)], messagesFor: [.kind])
            } else {
                b.add(t(.fieldType), [.note(ServiceTerms.kind(wizard.draft.kind, language: language) + "  " + t(.typeLocked), .muted)])
            }
            b.append(FormLine(cells: []))
            if wizard.draft.kind == .headlessExternalName {
                b.add(t(.fieldExternalName), [.text(.externalName, width: 40)], messagesFor: [.externalName])
                b.append(FormLine(cells: [.label(""), .note(t(.hintExternalName), .muted)]))
            } else {
                selectorLines(wizard, t, into: &b)
                b.append(FormLine(cells: []))
                portLines(wizard, t, into: &b)
            }
            b.append(FormLine(cells: []))
            var affinity: [FormLine.Cell] = [.choice(.affinity)]
            if wizard.draft.sessionAffinity == .clientIP {
                affinity += [.note("  " + t(.fieldTimeout) + " ", .normal), .text(.affinityTimeout, width: 7), .note(" s", .normal)]
            }
            b.add(t(.fieldAffinity), affinity, messagesFor: [.affinity, .affinityTimeout])
            advancedLines(wizard, t, step: .serviceSettings, into: &b)
        case .labels:
            for i in 0..<max(1, wizard.draft.labels.count) {
                b.add(i == 0 ? t(.fieldLabels) : "", [.text(.labelKey(i), width: 24), .note(" = ", .normal), .text(.labelValue(i), width: 24)],
                    messagesFor: [.labelKey(i), .labelValue(i)])
            }
            b.append(FormLine(cells: [.label(""), .note(t(.hintAddRow), .muted)]))
            b.append(FormLine(cells: []))
            b.append(FormLine(cells: [.note(t(.sectionAdvanced), .header)]))
            for i in 0..<max(1, wizard.draft.annotations.count) {
                b.add(i == 0 ? t(.fieldAnnotations) : "", [.text(.annotationKey(i), width: 30), .note(" = ", .normal), .text(.annotationValue(i), width: 24)],
                    messagesFor: [.annotationKey(i), .annotationValue(i)])
            }
        case .externalAccess:
            guard wizard.draft.kind == .virtualIP else {
                b.append(FormLine(cells: [.note(t(.accessHeadlessOnly), .muted)]))
                break
            }
            b.add(t(.fieldAccess), [.choice(.access)], messagesFor: [.access])
            guard wizard.draft.externalAccess != .none else {
                b.append(FormLine(cells: [.label(""), .note(t(.hintAccessNone), .muted)]))
                break
            }
            for (i, port) in wizard.draft.ports.enumerated() {
                let name = (port.name.isEmpty ? "" : port.name + ":") + (port.port.isEmpty ? "?" : port.port) + "/" + port.effectiveProtocol
                b.add(i == 0 ? t(.fieldNodePorts) : "", [.note(name.padded(toWidth: 18), .normal), .text(.nodePort(i), width: 7),
                                                       .note("  " + t(.hintNodePort), .muted)], messagesFor: [.nodePort(i)])
            }
            if wizard.draft.externalAccess == .loadBalancer {
                b.append(FormLine(cells: []))
                b.add(t(.fieldProvider), [.choice(.provider)])
                for i in 0..<max(1, wizard.draft.loadBalancerAnnotations.count) {
                    // Preset keys are long: give them what the form can spare.
                    let keyWidth = max(20, min(44, width - FormLine.labelWidth - 3 - 14 - 2))
                    b.add("", [.text(.loadBalancerKey(i), width: keyWidth), .note(" = ", .normal), .text(.loadBalancerValue(i), width: 14)],
                        messagesFor: [.loadBalancerKey(i), .loadBalancerValue(i)])
                }
            }
            b.append(FormLine(cells: []))
            b.append(FormLine(cells: [.note(t(.sectionAdvanced), .header)]))
            b.add(t(.fieldTrafficPolicy), [.choice(.trafficPolicy)], messagesFor: [.trafficPolicy])
            if wizard.draft.externalAccess == .loadBalancer {
                for i in 0..<max(1, wizard.draft.loadBalancerSourceRanges.count) {
                    b.add(i == 0 ? t(.fieldSourceRanges) : "", [.text(.sourceRange(i), width: 20)], messagesFor: [.sourceRange(i)])
                }
                for field in wizard.advancedFields(of: .externalAccess) {
                    let cell: FormLine.Cell = field.isChoice ? .choice(.advanced(field)) : .text(.advanced(field), width: 28)
                    b.add(t(field.label), [cell], messagesFor: [.advanced(field)])
                }
            }
        }
        for message in wizard.generalMessages(of: wizard.step, language: language) {
            b.append(FormLine(cells: [.note("! " + message, .error)]))
        }
        return b.lines
    }

    /// What an empty field shows, muted, so an operator sees where to type.
    static func placeholder(for field: WizardField, text t: UIText) -> String {
        switch field {
        case .selectorKey, .labelKey, .annotationKey, .loadBalancerKey: return t(.placeholderKey)
        case .selectorValue, .labelValue, .annotationValue, .loadBalancerValue: return t(.placeholderValue)
        case .portName: return t(.placeholderPortName)
        case .portAppProtocol: return "http"
        case .port: return "80"
        case .portTarget: return t(.placeholderTarget)
        case .nodePort: return t(.placeholderAuto)
        case .sourceRange: return "10.0.0.0/8"
        case .externalName: return "db.example.com"
        case .name: return "web-api"
        case .affinityTimeout: return "10800"
        case .advanced(let field): return field.placeholder
        default: return ""
        }
    }

    private static func selectorLines(_ wizard: WizardState, _ t: UIText, into b: inout Builder) {
        for i in 0..<max(1, wizard.draft.selector.count) {
            var cells: [FormLine.Cell] = [.text(.selectorKey(i), width: 18), .note(" = ", .normal), .text(.selectorValue(i), width: 18)]
            if i == 0 { cells.append(.note("  " + t(.hintPickWorkload), .keyHint)) }
            b.add(i == 0 ? t(.fieldSelector) : "", cells, messagesFor: [.selectorKey(i), .selectorValue(i)])
        }
        if let matching = wizard.matchingWorkloads {
            if matching.isEmpty {
                let warning = wizard.draft.selector.allSatisfy { $0.key.isEmpty } ? t(.noSelectorWarning) : t(.matchesNone)
                b.append(FormLine(cells: [.label(""), .note("! " + warning, .warning)]))
            } else {
                let names = matching.prefix(3).map { t.workload($0) }.joined(separator: ", ")
                b.append(FormLine(cells: [.label(""), .note(t(.matches, String(matching.count), names), .success)]))
            }
        }
    }

    private static func portLines(_ wizard: WizardState, _ t: UIText, into b: inout Builder) {
        let header = [(t(.portName), 11), (t(.portProtocol), 7), (t(.portAppProtocolShort), 11), (t(.portPort), 7), (t(.portTarget), 10)]
            .map { $0.0.truncated(toWidth: $0.1 - 1).padded(toWidth: $0.1) }.joined()
        b.append(FormLine(cells: [.label(t(.fieldPorts)), .note(header, .header)]))
        for i in 0..<max(1, wizard.draft.ports.count) {
            b.add("", [.text(.portName(i), width: 10), .note(" ", .normal), .choice(.portProtocol(i)), .note(" ", .normal),
                     .text(.portAppProtocol(i), width: 10), .note(" ", .normal), .text(.port(i), width: 6), .note(" ", .normal),
                     .text(.portTarget(i), width: 10)],
                messagesFor: [.portName(i), .portProtocol(i), .portAppProtocol(i), .port(i), .portTarget(i)])
        }
        let suggestions = wizard.draft.targetPortSuggestions
        if !suggestions.isEmpty {
            let list = suggestions.map { p in p.name.map { "\($0) (\(p.port))" } ?? String(p.port) }.joined(separator: ", ")
            b.append(FormLine(cells: [.label(""), .note(t(.hintTargetPorts, list), .muted)]))
        }
        b.append(FormLine(cells: [.label(""), .note(t(.hintAddRow), .muted)]))
    }
}
