import ServiceModel

/// One focusable field of a wizard step. Row fields carry their row index; the rows live
/// in the draft, so a field is only an address, and focus survives rows being added.
package enum WizardField: Sendable, Hashable {
    // Step 1
    case name, alias, description, namespace
    // Step 2
    case kind, externalName
    case selectorKey(Int), selectorValue(Int)
    case portName(Int), portProtocol(Int), portAppProtocol(Int), port(Int), portTarget(Int)
    case affinity, affinityTimeout
    // Step 3
    case labelKey(Int), labelValue(Int), annotationKey(Int), annotationValue(Int)
    // Step 4
    case access, nodePort(Int), provider, loadBalancerKey(Int), loadBalancerValue(Int), trafficPolicy, sourceRange(Int)
    // Steps 2 and 4, Advanced
    case advanced(AdvancedField)

    /// Choice fields change with Space, Enter and the arrow keys; the others take text.
    package var isChoice: Bool {
        switch self {
        case .kind, .portProtocol, .affinity, .access, .provider, .trafficPolicy: return true
        case .advanced(let field): return field.isChoice
        default: return false
        }
    }

    /// Keys of labels, selectors and annotations: qualified names (`prefix/name`).
    var isQualifiedKey: Bool {
        switch self {
        case .selectorKey, .labelKey, .annotationKey, .loadBalancerKey: return true
        default: return false
        }
    }

    /// The row list this field belongs to, and its row.
    var row: (list: DraftLocation.RowList, index: Int)? {
        switch self {
        case .selectorKey(let i), .selectorValue(let i): return (.selector, i)
        case .portName(let i), .portProtocol(let i), .portAppProtocol(let i), .port(let i), .portTarget(let i), .nodePort(let i):
            return (.ports, i)
        case .labelKey(let i), .labelValue(let i): return (.labels, i)
        case .annotationKey(let i), .annotationValue(let i): return (.annotations, i)
        case .loadBalancerKey(let i), .loadBalancerValue(let i): return (.loadBalancerAnnotations, i)
        case .sourceRange(let i): return (.loadBalancerSourceRanges, i)
        default: return nil
        }
    }

    /// The same field in another row of its list.
    func inRow(_ i: Int) -> WizardField {
        switch self {
        case .selectorKey: return .selectorKey(i)
        case .selectorValue: return .selectorValue(i)
        case .portName: return .portName(i)
        case .portProtocol: return .portProtocol(i)
        case .portAppProtocol: return .portAppProtocol(i)
        case .port: return .port(i)
        case .portTarget: return .portTarget(i)
        case .nodePort: return .nodePort(i)
        case .labelKey: return .labelKey(i)
        case .labelValue: return .labelValue(i)
        case .annotationKey: return .annotationKey(i)
        case .annotationValue: return .annotationValue(i)
        case .loadBalancerKey: return .loadBalancerKey(i)
        case .loadBalancerValue: return .loadBalancerValue(i)
        case .sourceRange: return .sourceRange(i)
        default: return self
        }
    }
}
