/// The message keys validation uses. Every key has an English and a Chinese text in the
/// `Catalog`; the comment on each key lists its arguments (`{0}`, `{1}`, ...).
extension MessageKey {
    // MARK: Document
    /// The value of `apiVersion` must be `v1`. No arguments.
    public static let apiVersionV1: MessageKey = "apiVersion.v1"
    /// The value of `kind` must be `Service`. No arguments.
    public static let kindService: MessageKey = "kind.service"

    // MARK: Types (what the API server refuses while decoding, with 400)
    /// {0}: an example number.
    public static let typeInteger: MessageKey = "type.integer"
    /// {0}: the smallest, {1}: the largest number the field holds.
    public static let typeIntegerRange: MessageKey = "type.integerRange"
    /// {0}: the value written as text.
    public static let typeString: MessageKey = "type.string"
    /// No arguments.
    public static let typeBoolean: MessageKey = "type.boolean"
    /// {0}: an example entry (`app: web`).
    public static let typeMapping: MessageKey = "type.mapping"
    /// {0}: an example item (`- port: 80`).
    public static let typeSequence: MessageKey = "type.sequence"
    /// No arguments.
    public static let typePortOrName: MessageKey = "type.portOrName"

    // MARK: Required values
    /// No arguments.
    public static let nameRequired: MessageKey = "name.required"
    /// No arguments.
    public static let portsRequired: MessageKey = "ports.required"
    /// No arguments.
    public static let portNameRequired: MessageKey = "port.name.required"
    /// No arguments.
    public static let externalNameRequired: MessageKey = "externalName.required"
    /// No arguments.
    public static let clusterIPsRequired: MessageKey = "clusterIPs.required"

    // MARK: Names (apimachinery's IsDNS1035Label, IsDNS1123Label, IsQualifiedName, ...)
    /// {0}: the maximum number of characters.
    public static let tooLong: MessageKey = "text.tooLong"
    /// No arguments.
    public static let dns1035Label: MessageKey = "dns1035.format"
    /// No arguments.
    public static let dns1123Label: MessageKey = "dns1123Label.format"
    /// No arguments.
    public static let dns1123LabelDots: MessageKey = "dns1123Label.dots"
    /// No arguments.
    public static let dns1123Subdomain: MessageKey = "dns1123Subdomain.format"
    /// No arguments.
    public static let qualifiedNameSlashes: MessageKey = "qualifiedName.slashes"
    /// No arguments.
    public static let qualifiedNamePrefixEmpty: MessageKey = "qualifiedName.prefixEmpty"
    /// {0}: the maximum number of characters of the prefix.
    public static let qualifiedNamePrefixTooLong: MessageKey = "qualifiedName.prefixTooLong"
    /// No arguments.
    public static let qualifiedNamePrefix: MessageKey = "qualifiedName.prefix"
    /// No arguments.
    public static let qualifiedNameEmpty: MessageKey = "qualifiedName.nameEmpty"
    /// {0}: the maximum number of characters of the name part.
    public static let qualifiedNameTooLong: MessageKey = "qualifiedName.nameTooLong"
    /// No arguments.
    public static let qualifiedName: MessageKey = "qualifiedName.name"
    /// No arguments.
    public static let labelValue: MessageKey = "labelValue.format"
    /// No arguments.
    public static let portNameCharset: MessageKey = "portName.charset"
    /// No arguments.
    public static let portNameLetter: MessageKey = "portName.letter"
    /// No arguments.
    public static let portNameHyphens: MessageKey = "portName.hyphens"
    /// No arguments.
    public static let portNameHyphenEnds: MessageKey = "portName.hyphenEnds"

    // MARK: Ports
    /// {0}: smallest, {1}: largest port.
    public static let portRange: MessageKey = "port.range"
    /// {0}: smallest, {1}: largest port.
    public static let targetPortRange: MessageKey = "targetPort.range"
    /// {0}: smallest, {1}: largest node port of the cluster.
    public static let nodePortRange: MessageKey = "nodePort.range"
    /// No arguments.
    public static let nodePortNeedsExternalAccess: MessageKey = "nodePort.clusterIP"
    /// {0}: the name.
    public static let portNameDuplicate: MessageKey = "port.name.duplicate"
    /// {0}: the port, {1}: the protocol.
    public static let portDuplicate: MessageKey = "port.duplicate"
    /// {0}: the node port, {1}: the protocol.
    public static let nodePortDuplicate: MessageKey = "nodePort.duplicate"

    // MARK: Choices
    /// {0}: the supported values, joined by ", ".
    public static let notSupported: MessageKey = "value.notSupported"
    /// {0}: the duplicated value.
    public static let duplicate: MessageKey = "value.duplicate"
    /// {0}: the current value that must be kept.
    public static let immutable: MessageKey = "value.immutable"

    // MARK: Service
    /// {0}: the service type (NodePort, LoadBalancer).
    public static let headlessNotAllowed: MessageKey = "clusterIP.headlessType"
    /// No arguments.
    public static let externalNameForbids: MessageKey = "externalName.forbids"
    /// {0}: smallest, {1}: largest number of seconds.
    public static let timeoutRange: MessageKey = "timeout.range"
    /// No arguments.
    public static let loadBalancerOnly: MessageKey = "type.loadBalancerOnly"
    /// No arguments.
    public static let externalTrafficPolicyType: MessageKey = "externalTrafficPolicy.type"
    /// No arguments.
    public static let healthCheckNodePortNegative: MessageKey = "healthCheckNodePort.negative"
    /// No arguments.
    public static let healthCheckNodePortType: MessageKey = "healthCheckNodePort.type"
    /// {0}: the limit in bytes.
    public static let annotationsTooLong: MessageKey = "annotations.tooLong"

    // MARK: Addresses
    /// No arguments.
    public static let ipAddress: MessageKey = "ip.invalid"
    /// No arguments.
    public static let ipUnspecified: MessageKey = "ip.unspecified"
    /// No arguments.
    public static let ipLoopback: MessageKey = "ip.loopback"
    /// No arguments.
    public static let ipLinkLocalMulticast: MessageKey = "ip.linkLocalMulticast"
    /// No arguments.
    public static let ipLinkLocal: MessageKey = "ip.linkLocal"
    /// No arguments.
    public static let cidr: MessageKey = "cidr.invalid"
    /// No arguments.
    public static let clusterIPsFirstMatches: MessageKey = "clusterIPs.firstMatches"
    /// No arguments.
    public static let clusterIPsEmpty: MessageKey = "clusterIPs.empty"
    /// No arguments.
    public static let clusterIPsNoneAlone: MessageKey = "clusterIPs.noneAlone"
    /// No arguments.
    public static let clusterIPsTooMany: MessageKey = "clusterIPs.tooMany"
    /// No arguments.
    public static let clusterIPsOnePerFamily: MessageKey = "clusterIPs.onePerFamily"
    /// {0}: IPv4 or IPv6, {1}: the index in ipFamilies.
    public static let clusterIPFamily: MessageKey = "clusterIP.family"
    /// No arguments.
    public static let ipFamilyPolicySingleStack: MessageKey = "ipFamilyPolicy.singleStack"
    /// No arguments.
    public static let clusterIPPrimaryUnset: MessageKey = "clusterIP.primaryUnset"
    /// No arguments.
    public static let ipFamilyPolicyRelease: MessageKey = "ipFamilyPolicy.release"

    // MARK: Wizard
    /// No arguments.
    public static let aliasSpaces: MessageKey = "alias.spaces"
    /// No arguments.
    public static let selectorRequiredHeadless: MessageKey = "selector.requiredHeadless"
    /// {0}: the key.
    public static let duplicateKey: MessageKey = "key.duplicate"

    // MARK: Server
    /// {0}: the API server's own message for the field (a cause of a 422), shown as it came
    /// by `FieldError.message(in:)` in every language; not in the catalog.
    public static let serverMessage: MessageKey = "server.message"
}

/// The keys of the rules and warnings that differ between Kubernetes releases, and of the
/// release choice itself.
extension MessageKey {
    // MARK: Rules of some releases
    /// {0}: the port (10250).
    public static let kubeletPortExposed: MessageKey = "port.kubelet"
    /// {0}: the other annotation's key, {1}: its value.
    public static let topologyModeMismatch: MessageKey = "annotations.topologyMode"
    /// No arguments.
    public static let externalTrafficPolicyExternal: MessageKey = "externalTrafficPolicy.external"
    /// No arguments.
    public static let ipFamilyPolicyNotDualStack: MessageKey = "ipFamilyPolicy.notDualStack"
    /// {0}: the family, {1}: the cluster's families.
    public static let ipFamilyNotConfigured: MessageKey = "ipFamilies.notConfigured"

    // MARK: Warnings
    /// {0}: the release.
    public static let warningFieldUnknown: MessageKey = "warning.fieldUnknown"
    /// {0}: the release.
    public static let warningFieldGatedOff: MessageKey = "warning.fieldGatedOff"
    /// {0}: the annotation to use instead.
    public static let warningTopologyHintsDeprecated: MessageKey = "warning.topologyHints"
    /// {0}: the address as written.
    public static let warningLeadingZeros: MessageKey = "warning.leadingZeros"
    /// {0}: the address as written, {1}: its canonical form.
    public static let warningNotCanonical: MessageKey = "warning.notCanonical"
    /// No arguments.
    public static let warningIgnoredForHeadless: MessageKey = "warning.ignoredHeadless"
    /// No arguments.
    public static let warningExternalIPsDeprecated: MessageKey = "warning.externalIPsDeprecated"
    /// No arguments.
    public static let warningIgnoredForExternalName: MessageKey = "warning.ignoredExternalName"
    /// No arguments.
    public static let warningExternalNameIgnored: MessageKey = "warning.externalNameIgnored"
    /// {0}: the deprecated value, {1}: the value to use.
    public static let warningPreferCloseDeprecated: MessageKey = "warning.preferClose"

    // MARK: The release
    /// {0}: what was written, {1}: the oldest, {2}: the newest supported release.
    public static let kubeVersionUnreadable: MessageKey = "kubeVersion.unreadable"
    /// {0}: what was written, {1}: the oldest, {2}: the newest supported release.
    public static let kubeVersionUnsupported: MessageKey = "kubeVersion.unsupported"
    /// {0}: the release, {1}: where the choice came from.
    public static let kubeVersionUsed: MessageKey = "kubeVersion.used"
    /// No arguments.
    public static let kubeVersionFromFlag: MessageKey = "kubeVersion.fromFlag"
    /// No arguments.
    public static let kubeVersionFromEnvironment: MessageKey = "kubeVersion.fromEnvironment"
    /// {0}: the file.
    public static let kubeVersionFromFile: MessageKey = "kubeVersion.fromFile"
    /// No arguments.
    public static let kubeVersionFromDefault: MessageKey = "kubeVersion.fromDefault"
    /// No arguments.
    public static let kubeVersionFromCluster: MessageKey = "kubeVersion.fromCluster"
    /// No arguments.
    public static let kubeVersionClusterUnanswered: MessageKey = "kubeVersion.clusterUnanswered"
}
