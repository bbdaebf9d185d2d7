import ServiceModel

extension WizardState {
    /// Runs the shared validation on the draft, plus what only the wizard can know: a name
    /// taken in the backend and node ports other services use.
    mutating func revalidate() {
        var all = draft.validate(base: base, previous: stored?.manifest, rules: rules)
        all += serverErrors
        errors = all
        warnings = ServiceValidator.warnings(manifest, previous: stored?.manifest, rules: rules)
    }

    /// The field an error belongs to, or nil when the step shows it as a general message.
    func field(for error: FieldError) -> WizardField? {
        let location = draft.location(of: error)
        if let list = location.rows, let row = location.row {
            switch list {
            case .ports:
                switch location.field {
                case "name": return .portName(row)
                case "protocol": return .portProtocol(row)
                case "appProtocol": return .portAppProtocol(row)
                case "targetPort": return .portTarget(row)
                case "nodePort": return .nodePort(row)
                default: return .port(row)
                }
            case .selector: return .selectorKey(row)
            case .labels: return .labelKey(row)
            case .annotations: return .annotationKey(row)
            case .loadBalancerAnnotations: return .loadBalancerKey(row)
            case .loadBalancerSourceRanges: return .sourceRange(row)
            }
        }
        let path = error.location.description
        switch path {
        case "metadata.name": return .name
        case "metadata.namespace": return .namespace
        case "metadata.annotations[\(ServiceAnnotations.alias)]": return .alias
        case "metadata.annotations[\(ServiceAnnotations.description)]": return .description
        case "spec.externalName": return .externalName
        case "spec.sessionAffinity": return .affinity
        case "spec.externalTrafficPolicy": return .trafficPolicy
        case "spec.type": return location.step == .externalAccess ? .access : .kind
        case "spec.selector": return .selectorKey(0)
        case "spec.ports": return .port(0)
        default:
            if path.hasPrefix("spec.sessionAffinityConfig") { return .affinityTimeout }
            if path.hasPrefix("spec.clusterIP") { return .kind }
            if path.hasPrefix("spec.loadBalancerSourceRanges") { return .sourceRange(0) }
            if let field = AdvancedField(errorPath: error.location) { return .advanced(field) }
            return nil
        }
    }

    /// Whether errors of `field` on `step` are shown yet.
    func isRevealed(_ field: WizardField?, step: WizardStep) -> Bool {
        revealed.contains(step) || field.map(touched.contains) ?? false
    }

    /// The messages shown under a field, in the user's language.
    func messages(for field: WizardField, language: Language) -> [String] {
        var result: [String] = []
        if field == .name, let taken = nameTaken, taken == draft.name, !taken.isEmpty, isCreate {
            result.append(UIText(language)(.nameTaken, taken, draft.namespace))
        }
        if case .nodePort(let i) = field, let number = Int(draft.ports[safe: i]?.nodePort ?? ""),
           let owner = usedNodePorts[number], owner != draft.name {
            result.append(UIText(language)(.nodePortUsed, String(number), owner))
        }
        for error in errors where self.field(for: error) == field {
            result.append(error.message(in: language))
        }
        return isRevealed(field, step: WizardStep.step(for: path(of: field))) ? result : []
    }

    /// Errors of a step that belong to no field it shows.
    func generalMessages(of step: WizardStep, language: Language) -> [String] {
        guard revealed.contains(step) else { return [] }
        let shown = Set(fields(of: step))
        return errors.filter { error in
            draft.location(of: error).step == step && !(field(for: error).map(shown.contains) ?? false)
        }.map { "\($0.location): \($0.message(in: language))" }
    }

    /// True when a step has anything to fix (including what is not revealed yet).
    func hasProblems(_ step: WizardStep) -> Bool {
        if step == .basicInfo, isCreate, let taken = nameTaken, taken == draft.name, !taken.isEmpty { return true }
        if step == .externalAccess, draft.externalAccess != .none,
           draft.ports.contains(where: { Int($0.nodePort).flatMap { usedNodePorts[$0] }.map { $0 != draft.name } ?? false }) {
            return true
        }
        return errors.contains { draft.location(of: $0).step == step }
    }

    /// A manifest path for a field, to find its step.
    func path(of field: WizardField) -> FieldPath {
        switch field {
        case .name: return "metadata.name"
        case .alias, .description, .namespace: return "metadata.name"
        case .kind, .externalName, .selectorKey, .selectorValue, .portName, .portProtocol, .portAppProtocol, .port,
             .portTarget, .affinity, .affinityTimeout:
            return "spec.selector"
        case .labelKey, .labelValue, .annotationKey, .annotationValue: return "metadata.labels"
        case .access, .nodePort, .provider, .loadBalancerKey, .loadBalancerValue, .trafficPolicy, .sourceRange:
            return "spec.externalTrafficPolicy"
        case .advanced(let field): return stepPath(of: field)
        }
    }
}
