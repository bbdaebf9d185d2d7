/// The LoadBalancer plugins the external-access step offers presets for. A preset is a set
/// of annotation rows with fixed keys and default values; `custom` is any rows the user types.
package enum LoadBalancerProvider: String, Sendable, Hashable, CaseIterable {
    /// QingCloud's cloud-controller-manager (KubeSphere's guide: bind an EIP by its ID).
    case qingCloud
    /// OpenELB (formerly PorterLB), KubeSphere's bare-metal load balancer.
    case openELB
    /// No preset: the annotation rows are the user's own.
    case custom

    /// The preset's annotation rows with their default values, in the order they are shown.
    package var presetRows: [KeyValueRow] {
        switch self {
        case .qingCloud:
            return [KeyValueRow(key: Self.qingCloudEIPIDs, value: ""),
                    KeyValueRow(key: Self.qingCloudType, value: "0")]
        case .openELB:
            return [KeyValueRow(key: Self.openELBLoadBalancer, value: "openelb"),
                    KeyValueRow(key: Self.openELBProtocol, value: "layer2"),
                    KeyValueRow(key: Self.openELBEIP, value: "")]
        case .custom:
            return []
        }
    }

    /// The annotation keys the preset owns.
    package var presetKeys: [String] { presetRows.map(\.key) }

    /// Every key some preset owns: these are read into the LoadBalancer rows of a
    /// LoadBalancer service rather than into the general annotation rows.
    package static let allPresetKeys: Set<String> = Set(allCases.flatMap(\.presetKeys))

    /// The provider whose keys appear in `rows` (OpenELB first, as its marker key is explicit).
    package init(rows: [KeyValueRow]) {
        let keys = Set(rows.map(\.key))
        if !keys.isDisjoint(with: LoadBalancerProvider.openELB.presetKeys) {
            self = .openELB
        } else if !keys.isDisjoint(with: LoadBalancerProvider.qingCloud.presetKeys) {
            self = .qingCloud
        } else {
            self = .custom
        }
    }

    package static let qingCloudEIPIDs = "service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids"
    package static let qingCloudType = "service.beta.kubernetes.io/qingcloud-load-balancer-type"
    package static let openELBLoadBalancer = "lb.kubesphere.io/v1alpha1"
    package static let openELBProtocol = "protocol.openelb.kubesphere.io/v1alpha1"
    package static let openELBEIP = "eip.openelb.kubesphere.io/v1alpha2"
}
