import ServiceModel
import TerminalUI

extension WizardState {
    /// The Advanced fields a step offers for the target release: step 2 for every service
    /// with a cluster IP (traffic distribution only from the release that serves it), step
    /// 4 for a LoadBalancer.
    func advancedFields(of step: WizardStep) -> [AdvancedField] {
        switch step {
        case .serviceSettings:
            var fields: [AdvancedField] = []
            if !AdvancedField.trafficDistribution.values(profile: rules.profile).isEmpty { fields.append(.trafficDistribution) }
            fields.append(.internalTrafficPolicy)
            if draft.kind != .headlessExternalName { fields += [.ipFamilyPolicy, .ipFamilies] }
            fields.append(.publishNotReadyAddresses)
            return fields
        case .externalAccess:
            return draft.kind == .virtualIP && draft.externalAccess == .loadBalancer ? [.loadBalancerClass, .allocateNodePorts] : []
        case .basicInfo, .labels:
            return []
        }
    }

    /// The choice's options: "default" (unset), then the values. A value the release does not
    /// take but the service has is kept as an option, so reading never changes it.
    func advancedOptions(_ field: AdvancedField, text t: UIText) -> [String] {
        var values = field.values(profile: rules.profile)
        let current = draft.advanced[field]
        if !current.isEmpty && !values.contains(current) { values.append(current) }
        // Booleans read as words of the user's language; other values are Kubernetes terms.
        let words = ["true": t(.optionTrue), "false": t(.optionFalse)]
        return [t(.optionDefault)] + values.map { words[$0] ?? $0 }
    }

    func advancedChoice(_ field: AdvancedField) -> Int {
        let current = draft.advanced[field]
        guard !current.isEmpty else { return 0 }
        var values = field.values(profile: rules.profile)
        if !values.contains(current) { values.append(current) }
        return (values.firstIndex(of: current) ?? 0) + 1
    }

    mutating func chooseAdvanced(_ index: Int, for field: AdvancedField) {
        var values = field.values(profile: rules.profile)
        let current = draft.advanced[field]
        if !current.isEmpty && !values.contains(current) { values.append(current) }
        draft.advanced[field] = index == 0 ? "" : values[safe: index - 1] ?? ""
    }

    /// The manifest path that places a field on its step.
    func stepPath(of field: AdvancedField) -> FieldPath {
        field.isLoadBalancerOnly ? "spec.externalTrafficPolicy" : "spec.selector"
    }
}

extension WizardForm {
    /// A step's Advanced rows, under their own header.
    static func advancedLines(_ wizard: WizardState, _ t: UIText, step: WizardStep, into b: inout Builder) {
        let fields = wizard.advancedFields(of: step)
        guard !fields.isEmpty else { return }
        b.append(FormLine(cells: []))
        b.append(FormLine(cells: [.note(t(.sectionAdvanced), .header)]))
        for field in fields {
            let cell: FormLine.Cell = field.isChoice ? .choice(.advanced(field)) : .text(.advanced(field), width: 28)
            b.add(t(field.label), [cell], messagesFor: [.advanced(field)])
        }
    }
}
