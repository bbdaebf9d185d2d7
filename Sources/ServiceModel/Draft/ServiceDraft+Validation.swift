// Validating a draft: the manifest it writes, checked by ServiceValidator, plus what the
// manifest cannot show (text typed where a number goes, duplicate and key-less rows).

extension ServiceDraft {
    /// The errors of the draft: `ServiceValidator` on `apply(to: base)` with `rules` (the
    /// wizard's by default), plus errors for rows the manifest cannot express. Where the
    /// draft reports a field itself (a port typed as `80x`, left out of the manifest), the
    /// validator's error for the same field is dropped.
    ///
    /// - Parameter previous: the stored service when editing one, so update rules apply.
    package func validate(base: ManifestNode, previous: ManifestNode? = nil, rules: RuleSet = .wizard) -> [FieldError] {
        let manifest = apply(to: base)
        let own = unwrittenErrors(in: manifest, rules: rules)
        let located = Set(own.map(\.location))
        let checked = ServiceValidator.validate(manifest, previous: previous, rules: rules)
        return own + checked.filter { !located.contains($0.location) }
    }

    /// Errors for what the draft holds but `manifest`, the draft applied, could not take.
    func unwrittenErrors(in manifest: ManifestNode, rules: RuleSet) -> [FieldError] {
        var errors: [FieldError] = []
        let ports = FieldPath("spec.ports")
        let nodePortRange = rules.nodePortRange ?? PortRules.defaultNodePortRange
        for (index, row) in self.ports.enumerated() {
            errors += Self.numberError(row.port, range: PortRules.validPorts, key: .portRange,
                                       at: ports.index(index).child("port"), in: manifest)
            if externalAccess != .none {
                errors += Self.numberError(row.nodePort, range: nodePortRange, key: .nodePortRange,
                                           at: ports.index(index).child("nodePort"), in: manifest)
            }
        }
        if sessionAffinity == .clientIP {
            errors += Self.numberError(sessionAffinityTimeout, range: PortRules.timeoutRange, key: .timeoutRange,
                                       at: "spec.sessionAffinityConfig.clientIP.timeoutSeconds", in: manifest)
        }
        if kind != .headlessExternalName {
            errors += Self.rowErrors(selector, at: "spec.selector", keyRule: LabelRules.key)
        }
        errors += Self.rowErrors(labels, at: "metadata.labels", keyRule: LabelRules.key)
        var annotationRows = [KeyValueRow(key: ServiceAnnotations.alias, value: alias),
                              KeyValueRow(key: ServiceAnnotations.description, value: description)]
            .filter { !$0.value.isEmpty } + annotations
        if externalAccess == .loadBalancer { annotationRows += loadBalancerAnnotations }
        errors += Self.rowErrors(annotationRows, at: "metadata.annotations", keyRule: LabelRules.annotationKey)
        return errors
    }

    /// An `.invalid` error when text was typed but the manifest has no number for it (an
    /// unedited `0x50` is kept as written, so it is the validator's to judge).
    private static func numberError(_ text: String, range: ClosedRange<Int>, key: MessageKey, at path: FieldPath,
                                    in manifest: ManifestNode) -> [FieldError] {
        guard !text.isEmpty, manifest.node(at: path) == nil else { return [] }
        return [FieldError(path: path, kind: .invalid, key: key,
                           arguments: ["\(range.lowerBound)", "\(range.upperBound)"], badValue: text)]
    }

    /// Rows the mapping drops: a value without a key (the key rule's first error, "must not
    /// be empty"), and every row after the first with the same key.
    private static func rowErrors(_ rows: [KeyValueRow], at path: FieldPath,
                                  keyRule: (String, FieldPath) -> [FieldError]) -> [FieldError] {
        var errors: [FieldError] = []
        if rows.contains(where: { $0.key.isEmpty && !$0.value.isEmpty }) {
            errors += keyRule("", path).prefix(1)
        }
        let keyed = rows.filter { !$0.key.isEmpty }.map { (key: $0.key, value: $0.value) }
        return errors + LabelRules.duplicateKeys(keyed, path: path)
    }
}
