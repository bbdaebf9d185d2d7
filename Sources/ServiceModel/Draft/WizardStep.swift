/// The four steps of the create wizard, in order.
package enum WizardStep: Int, Sendable, Hashable, CaseIterable, Comparable {
    case basicInfo, serviceSettings, labels, externalAccess

    package static func < (lhs: WizardStep, rhs: WizardStep) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The step that shows the field at `path`, so that an error (`FieldError.path`) is shown
    /// where the user can fix it. Paths no step shows fall to the step of their part of the
    /// manifest: `metadata.*` to basic info, `spec.*` to service settings.
    package static func step(for path: FieldPath) -> WizardStep {
        let parts = path.components
        switch (parts.first, parts.dropFirst().first) {
        case (.field("metadata"), .field("labels")):
            return .labels
        case (.field("metadata"), .field("annotations")):
            guard parts.count > 2, case .key(let key) = parts[2] else { return .labels }
            if key == ServiceAnnotations.alias || key == ServiceAnnotations.description { return .basicInfo }
            return LoadBalancerProvider.allPresetKeys.contains(key) ? .externalAccess : .labels
        case (.field("spec"), .field("ports")):
            return parts.last == .field("nodePort") ? .externalAccess : .serviceSettings
        case (.field("spec"), .field(let name)) where externalAccessFields.contains(name):
            return .externalAccess
        case (.field("spec"), _):
            return .serviceSettings
        default:
            return .basicInfo
        }
    }

    /// The `spec` fields of step 4 (and the LoadBalancer fields the editor may hold).
    static let externalAccessFields: Set<String> = [
        "externalTrafficPolicy", "loadBalancerSourceRanges", "loadBalancerIP", "loadBalancerClass",
        "allocateLoadBalancerNodePorts", "healthCheckNodePort", "externalIPs",
    ]
}

/// Where a field of the manifest is edited in the wizard: the step, and the row of a row
/// editor (ports, selector, labels, annotations, source ranges) when there is one.
package struct DraftLocation: Sendable, Hashable {
    package var step: WizardStep
    /// The index in the step's row list (`ports`, `selector`, `labels`, `annotations`,
    /// `loadBalancerAnnotations`, `loadBalancerSourceRanges`).
    package var row: Int?
    /// Which row list `row` indexes.
    package var rows: RowList?
    /// The field within a port row (`targetPort`), when the path names one.
    package var field: String?

    package enum RowList: String, Sendable, Hashable {
        case ports, selector, labels, annotations, loadBalancerAnnotations, loadBalancerSourceRanges
    }

    package init(step: WizardStep, row: Int? = nil, rows: RowList? = nil, field: String? = nil) {
        self.step = step
        self.row = row
        self.rows = rows
        self.field = field
    }
}

extension ServiceDraft {
    /// Where to show a validation error: its path with the map key or list index it names
    /// (`FieldError.location`), e.g. a bad label key reported at `metadata.labels`.
    /// A duplicate key is shown at its second row, the one to remove.
    package func location(of error: FieldError) -> DraftLocation {
        var found = location(of: error.location)
        guard error.kind == .duplicate, case .key(let key)? = error.location.components.last,
              let list = found.rows, let rows = keyRows(list) else { return found }
        found.row = rows.indices.filter { rows[$0].key == key }.dropFirst().first ?? found.row
        return found
    }

    private func keyRows(_ list: DraftLocation.RowList) -> [KeyValueRow]? {
        switch list {
        case .selector: return selector
        case .labels: return labels
        case .annotations: return annotations
        case .loadBalancerAnnotations: return loadBalancerAnnotations
        case .ports, .loadBalancerSourceRanges: return nil
        }
    }

    /// The step and row where the field at `path` is edited: `spec.ports[1].targetPort` is
    /// row 1 of the ports in service settings; `metadata.labels[app]` is the first label row
    /// with key `app`; a LoadBalancer annotation is a row of step 4.
    package func location(of path: FieldPath) -> DraftLocation {
        let parts = path.components
        var step = WizardStep.step(for: path)
        func keyRow(_ list: DraftLocation.RowList, in rows: [KeyValueRow]) -> DraftLocation {
            guard parts.count > 2, case .key(let key) = parts[2] else { return DraftLocation(step: step) }
            return DraftLocation(step: step, row: rows.firstIndex(where: { $0.key == key }), rows: list)
        }
        switch (parts.first, parts.dropFirst().first) {
        case (.field("spec"), .field("ports")):
            guard parts.count > 2, case .index(let index) = parts[2] else { return DraftLocation(step: step) }
            var field: String?
            if parts.count > 3, case .field(let name) = parts[3] { field = name }
            return DraftLocation(step: step, row: ports.indices.contains(index) ? index : nil, rows: .ports, field: field)
        case (.field("spec"), .field("selector")):
            return keyRow(.selector, in: selector)
        case (.field("spec"), .field("loadBalancerSourceRanges")):
            guard parts.count > 2, case .index(let index) = parts[2] else { return DraftLocation(step: step) }
            return DraftLocation(step: step, row: loadBalancerSourceRanges.indices.contains(index) ? index : nil,
                                 rows: .loadBalancerSourceRanges)
        case (.field("metadata"), .field("labels")):
            return keyRow(.labels, in: labels)
        case (.field("metadata"), .field("annotations")):
            if parts.count > 2, case .key(let key) = parts[2], loadBalancerAnnotations.contains(where: { $0.key == key }) {
                step = .externalAccess
                return keyRow(.loadBalancerAnnotations, in: loadBalancerAnnotations)
            }
            return step == .labels ? keyRow(.annotations, in: annotations) : DraftLocation(step: step)
        default:
            return DraftLocation(step: step)
        }
    }
}
