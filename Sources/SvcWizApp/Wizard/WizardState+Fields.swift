#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import TerminalUI

extension WizardState {
    /// The fields of a step in Tab order, from the draft as it is now. An empty row list
    /// still shows one blank row, so there is always somewhere to type.
    package func fields(of step: WizardStep) -> [WizardField] {
        switch step {
        case .basicInfo:
            return isCreate ? [.name, .alias, .description, .namespace] : [.alias, .description]
        case .serviceSettings:
            var fields: [WizardField] = isCreate ? [.kind] : []
            if draft.kind == .headlessExternalName {
                fields.append(.externalName)
            } else {
                for i in 0..<max(1, draft.selector.count) { fields += [.selectorKey(i), .selectorValue(i)] }
                for i in 0..<max(1, draft.ports.count) {
                    fields += [.portName(i), .portProtocol(i), .portAppProtocol(i), .port(i), .portTarget(i)]
                }
            }
            fields.append(.affinity)
            if draft.sessionAffinity == .clientIP { fields.append(.affinityTimeout) }
            return fields + advancedFields(of: step).map(WizardField.advanced)
        case .labels:
            var fields: [WizardField] = []
            for i in 0..<max(1, draft.labels.count) { fields += [.labelKey(i), .labelValue(i)] }
            for i in 0..<max(1, draft.annotations.count) { fields += [.annotationKey(i), .annotationValue(i)] }
            return fields
        case .externalAccess:
            guard draft.kind == .virtualIP else { return [] }
            var fields: [WizardField] = [.access]
            guard draft.externalAccess != .none else { return fields }
            for i in draft.ports.indices { fields.append(.nodePort(i)) }
            if draft.externalAccess == .loadBalancer {
                fields.append(.provider)
                for i in 0..<max(1, draft.loadBalancerAnnotations.count) { fields += [.loadBalancerKey(i), .loadBalancerValue(i)] }
            }
            fields.append(.trafficPolicy)
            if draft.externalAccess == .loadBalancer {
                for i in 0..<max(1, draft.loadBalancerSourceRanges.count) { fields.append(.sourceRange(i)) }
            }
            return fields + advancedFields(of: step).map(WizardField.advanced)
        }
    }

    /// The text a text field shows.
    package func text(of field: WizardField) -> String {
        switch field {
        case .name: return draft.name
        case .alias: return draft.alias
        // The field is one line: newlines show as ↵ and come back as newlines, so editing
        // a multi-line description in the form never flattens it.
        case .description: return draft.description.replacingEvery("\n", with: Self.newlineMark)
        case .namespace: return draft.namespace
        case .externalName: return draft.externalName
        case .selectorKey(let i): return draft.selector[safe: i]?.key ?? ""
        case .selectorValue(let i): return draft.selector[safe: i]?.value ?? ""
        case .portName(let i): return draft.ports[safe: i]?.name ?? ""
        case .portProtocol(let i): return draft.ports[safe: i]?.effectiveProtocol ?? "TCP"
        case .portAppProtocol(let i): return draft.ports[safe: i]?.appProtocol ?? ""
        case .port(let i): return draft.ports[safe: i]?.port ?? ""
        case .portTarget(let i): return draft.ports[safe: i]?.targetPort ?? ""
        case .nodePort(let i): return draft.ports[safe: i]?.nodePort ?? ""
        case .affinityTimeout: return draft.sessionAffinityTimeout
        case .labelKey(let i): return draft.labels[safe: i]?.key ?? ""
        case .labelValue(let i): return draft.labels[safe: i]?.value ?? ""
        case .annotationKey(let i): return draft.annotations[safe: i]?.key ?? ""
        case .annotationValue(let i): return draft.annotations[safe: i]?.value ?? ""
        case .loadBalancerKey(let i): return draft.loadBalancerAnnotations[safe: i]?.key ?? ""
        case .loadBalancerValue(let i): return draft.loadBalancerAnnotations[safe: i]?.value ?? ""
        case .sourceRange(let i): return draft.loadBalancerSourceRanges[safe: i] ?? ""
        case .advanced(let field): return field.isChoice ? "" : draft.advanced[field]
        case .kind, .affinity, .access, .provider, .trafficPolicy: return ""
        }
    }

    /// Writes a text field's text into the draft; typing into the blank row of an empty
    /// list makes it a real row.
    mutating func setText(_ text: String, for field: WizardField) {
        switch field {
        case .name: draft.setName(text)
        case .alias: draft.alias = text
        case .description: draft.description = text.replacingEvery(Self.newlineMark, with: "\n")
        case .namespace: draft.namespace = text
        case .externalName: draft.externalName = text
        case .selectorKey(let i): Self.ensure(&draft.selector, i, KeyValueRow()); draft.selector[i].key = text
        case .selectorValue(let i): Self.ensure(&draft.selector, i, KeyValueRow()); draft.selector[i].value = text
        case .portName(let i): Self.ensure(&draft.ports, i, PortRow()); draft.ports[i].name = text
        case .portAppProtocol(let i): Self.ensure(&draft.ports, i, PortRow()); draft.ports[i].setAppProtocol(text)
        case .port(let i): Self.ensure(&draft.ports, i, PortRow()); draft.ports[i].port = text
        case .portTarget(let i): Self.ensure(&draft.ports, i, PortRow()); draft.ports[i].targetPort = text
        case .nodePort(let i): Self.ensure(&draft.ports, i, PortRow()); draft.ports[i].nodePort = text
        case .affinityTimeout: draft.sessionAffinityTimeout = text
        case .labelKey(let i): Self.ensure(&draft.labels, i, KeyValueRow()); draft.labels[i].key = text
        case .labelValue(let i): Self.ensure(&draft.labels, i, KeyValueRow()); draft.labels[i].value = text
        case .annotationKey(let i): Self.ensure(&draft.annotations, i, KeyValueRow()); draft.annotations[i].key = text
        case .annotationValue(let i): Self.ensure(&draft.annotations, i, KeyValueRow()); draft.annotations[i].value = text
        case .loadBalancerKey(let i):
            Self.ensure(&draft.loadBalancerAnnotations, i, KeyValueRow()); draft.loadBalancerAnnotations[i].key = text
        case .loadBalancerValue(let i):
            Self.ensure(&draft.loadBalancerAnnotations, i, KeyValueRow()); draft.loadBalancerAnnotations[i].value = text
        case .sourceRange(let i): Self.ensure(&draft.loadBalancerSourceRanges, i, ""); draft.loadBalancerSourceRanges[i] = text
        case .advanced(let field): if !field.isChoice { draft.advanced[field] = text }
        case .portProtocol, .kind, .affinity, .access, .provider, .trafficPolicy: break
        }
    }

    static let newlineMark = "↵"

    private static func ensure<T>(_ rows: inout [T], _ index: Int, _ blank: T) {
        while rows.count <= index { rows.append(blank) }
    }

    // MARK: Choices

    /// Port protocols a Service accepts, in the order the form cycles through them.
    static let portProtocols = ["TCP", "UDP", "SCTP"]
    /// `spec.externalTrafficPolicy`'s values.
    static let trafficPolicies = ["Cluster", "Local"]

    /// How many options a choice field has: from the enums and lists the options come from.
    func choiceCount(of field: WizardField) -> Int {
        switch field {
        case .kind: return ServiceKind.allCases.count
        case .portProtocol: return Self.portProtocols.count
        case .affinity: return ServiceDraft.SessionAffinity.allCases.count
        case .access: return ExternalAccess.allCases.count
        case .provider: return LoadBalancerProvider.allCases.count
        case .trafficPolicy: return Self.trafficPolicies.count
        case .advanced(let field): return advancedValues(field).count + 1
        default: return 0
        }
    }

    /// The options of a choice field, in the user's language.
    package func options(of field: WizardField, text t: UIText) -> [String] {
        let language = t.language
        switch field {
        case .kind: return ServiceKind.allCases.map { t(Self.kindKey($0)) }
        case .portProtocol: return Self.portProtocols
        case .affinity: return ServiceDraft.SessionAffinity.allCases.map { $0 == .none ? t(.affinityNone) : $0.rawValue }
        case .access: return ExternalAccess.allCases.map { ServiceTerms.access($0, language: language) }
        case .provider: return LoadBalancerProvider.allCases.map { t(Self.providerKey($0)) }
        case .trafficPolicy: return Self.trafficPolicies
        case .advanced(let field): return advancedOptions(field, text: t)
        default: return []
        }
    }

    private static func kindKey(_ kind: ServiceKind) -> UIKey {
        switch kind {
        case .virtualIP: return .kindVirtualIP
        case .headlessSelector: return .kindHeadlessSelector
        case .headlessExternalName: return .kindHeadlessExternalName
        }
    }

    private static func providerKey(_ provider: LoadBalancerProvider) -> UIKey {
        switch provider {
        case .qingCloud: return .providerQingCloud
        case .openELB: return .providerOpenELB
        case .custom: return .providerCustom
        }
    }

    /// The chosen option of a choice field.
    package func choice(of field: WizardField) -> Int {
        switch field {
        case .kind: return ServiceKind.allCases.firstIndex(of: draft.kind) ?? 0
        case .portProtocol(let i): return Self.portProtocols.firstIndex(of: text(of: .portProtocol(i))) ?? 0
        case .affinity: return ServiceDraft.SessionAffinity.allCases.firstIndex(of: draft.sessionAffinity) ?? 0
        case .access: return ExternalAccess.allCases.firstIndex(of: draft.externalAccess) ?? 0
        case .provider: return LoadBalancerProvider.allCases.firstIndex(of: draft.loadBalancerProvider) ?? 0
        case .trafficPolicy: return Self.trafficPolicies.firstIndex(of: draft.externalTrafficPolicy) ?? 0
        case .advanced(let field): return advancedChoice(field)
        default: return 0
        }
    }

    mutating func choose(_ index: Int, for field: WizardField) {
        switch field {
        case .kind: draft.kind = ServiceKind.allCases[index]
        case .portProtocol(let i):
            Self.ensure(&draft.ports, i, PortRow())
            draft.ports[i].protocol = Self.portProtocols[index]
        case .affinity: draft.sessionAffinity = ServiceDraft.SessionAffinity.allCases[index]
        case .access: draft.externalAccess = ExternalAccess.allCases[index]
        case .provider: draft.loadBalancerProvider = LoadBalancerProvider.allCases[index]
        case .trafficPolicy: draft.externalTrafficPolicy = Self.trafficPolicies[index]
        case .advanced(let field): chooseAdvanced(index, for: field)
        default: break
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
