/// The message keys validation uses. Every key has an English and a Chinese text in the
/// `Catalog`; the comment on each key lists its arguments (`{0}`, `{1}`, ...).
extension MessageKey {
    // MARK: Document
    /// The value of `apiVersion` must be `v1`. No arguments.
    package static let apiVersionV1: MessageKey = "apiVersion.v1"
    /// The value of `kind` must be `Service`. No arguments.
    package static let kindService: MessageKey = "kind.service"

    // MARK: Types (what the API server refuses while decoding, with 400)
    /// {0}: an example number.
    package static let typeInteger: MessageKey = "type.integer"
    /// {0}: the smallest, {1}: the largest number the field holds.
    package static let typeIntegerRange: MessageKey = "type.integerRange"
    /// {0}: the value written as text.
    package static let typeString: MessageKey = "type.string"
    /// No arguments.
    package static let typeBoolean: MessageKey = "type.boolean"
    /// {0}: an example entry (`app: web`).
    package static let typeMapping: MessageKey = "type.mapping"
    /// {0}: an example item (`- port: 80`).
    package static let typeSequence: MessageKey = "type.sequence"
    /// No arguments.
    package static let typePortOrName: MessageKey = "type.portOrName"

    // MARK: Required values
    /// No arguments.
    package static let nameRequired: MessageKey = "name.required"
    /// No arguments.
    package static let portsRequired: MessageKey = "ports.required"
    /// No arguments.
    package static let portNameRequired: MessageKey = "port.name.required"
    /// No arguments.
    package static let externalNameRequired: MessageKey = "externalName.required"
    /// No arguments.
    package static let clusterIPsRequired: MessageKey = "clusterIPs.required"

    // MARK: Names (apimachinery's IsDNS1035Label, IsDNS1123Label, IsQualifiedName, ...)
    /// {0}: the maximum number of characters.
    package static let tooLong: MessageKey = "text.tooLong"
    /// No arguments.
    package static let dns1035Label: MessageKey = "dns1035.format"
    /// No arguments.
    package static let dns1123Label: MessageKey = "dns1123Label.format"
    /// No arguments.
    package static let dns1123LabelDots: MessageKey = "dns1123Label.dots"
    /// No arguments.
    package static let dns1123Subdomain: MessageKey = "dns1123Subdomain.format"
    /// No arguments.
    package static let qualifiedNameSlashes: MessageKey = "qualifiedName.slashes"
    /// No arguments.
    package static let qualifiedNamePrefixEmpty: MessageKey = "qualifiedName.prefixEmpty"
    /// {0}: the maximum number of characters of the prefix.
    package static let qualifiedNamePrefixTooLong: MessageKey = "qualifiedName.prefixTooLong"
    /// No arguments.
    package static let qualifiedNamePrefix: MessageKey = "qualifiedName.prefix"
    /// No arguments.
    package static let qualifiedNameEmpty: MessageKey = "qualifiedName.nameEmpty"
    /// {0}: the maximum number of characters of the name part.
    package static let qualifiedNameTooLong: MessageKey = "qualifiedName.nameTooLong"
    /// No arguments.
    package static let qualifiedName: MessageKey = "qualifiedName.name"
    /// No arguments.
    package static let labelValue: MessageKey = "labelValue.format"
    /// No arguments.
    package static let portNameCharset: MessageKey = "portName.charset"
    /// No arguments.
    package static let portNameLetter: MessageKey = "portName.letter"
    /// No arguments.
    package static let portNameHyphens: MessageKey = "portName.hyphens"
    /// No arguments.
    package static let portNameHyphenEnds: MessageKey = "portName.hyphenEnds"

    // MARK: Ports
    /// {0}: smallest, {1}: largest port.
    package static let portRange: MessageKey = "port.range"
    /// {0}: smallest, {1}: largest port.
    package static let targetPortRange: MessageKey = "targetPort.range"
    /// {0}: smallest, {1}: largest node port of the cluster.
    package static let nodePortRange: MessageKey = "nodePort.range"
    /// No arguments.
    package static let nodePortNeedsExternalAccess: MessageKey = "nodePort.clusterIP"
    /// {0}: the name.
    package static let portNameDuplicate: MessageKey = "port.name.duplicate"
    /// {0}: the port, {1}: the protocol.
    package static let portDuplicate: MessageKey = "port.duplicate"
    /// {0}: the node port, {1}: the protocol.
    package static let nodePortDuplicate: MessageKey = "nodePort.duplicate"

    // MARK: Choices
    /// {0}: the supported values, joined by ", ".
    package static let notSupported: MessageKey = "value.notSupported"
    /// {0}: the duplicated value.
    package static let duplicate: MessageKey = "value.duplicate"
    /// {0}: the current value that must be kept.
    package static let immutable: MessageKey = "value.immutable"

    // MARK: Service
    /// {0}: the service type (NodePort, LoadBalancer).
    package static let headlessNotAllowed: MessageKey = "clusterIP.headlessType"
    /// No arguments.
    package static let externalNameForbids: MessageKey = "externalName.forbids"
    /// {0}: smallest, {1}: largest number of seconds.
    package static let timeoutRange: MessageKey = "timeout.range"
    /// No arguments.
    package static let loadBalancerOnly: MessageKey = "type.loadBalancerOnly"
    /// No arguments.
    package static let externalTrafficPolicyType: MessageKey = "externalTrafficPolicy.type"
    /// No arguments.
    package static let healthCheckNodePortNegative: MessageKey = "healthCheckNodePort.negative"
    /// No arguments.
    package static let healthCheckNodePortType: MessageKey = "healthCheckNodePort.type"
    /// {0}: the limit in bytes.
    package static let annotationsTooLong: MessageKey = "annotations.tooLong"

    // MARK: Addresses
    /// No arguments.
    package static let ipAddress: MessageKey = "ip.invalid"
    /// No arguments.
    package static let ipUnspecified: MessageKey = "ip.unspecified"
    /// No arguments.
    package static let ipLoopback: MessageKey = "ip.loopback"
    /// No arguments.
    package static let ipLinkLocalMulticast: MessageKey = "ip.linkLocalMulticast"
    /// No arguments.
    package static let ipLinkLocal: MessageKey = "ip.linkLocal"
    /// No arguments.
    package static let cidr: MessageKey = "cidr.invalid"
    /// No arguments.
    package static let clusterIPsFirstMatches: MessageKey = "clusterIPs.firstMatches"
    /// No arguments.
    package static let clusterIPsEmpty: MessageKey = "clusterIPs.empty"
    /// No arguments.
    package static let clusterIPsNoneAlone: MessageKey = "clusterIPs.noneAlone"
    /// No arguments.
    package static let clusterIPsTooMany: MessageKey = "clusterIPs.tooMany"
    /// No arguments.
    package static let clusterIPsOnePerFamily: MessageKey = "clusterIPs.onePerFamily"
    /// {0}: IPv4 or IPv6, {1}: the index in ipFamilies.
    package static let clusterIPFamily: MessageKey = "clusterIP.family"
    /// No arguments.
    package static let ipFamilyPolicySingleStack: MessageKey = "ipFamilyPolicy.singleStack"
    /// No arguments.
    package static let clusterIPPrimaryUnset: MessageKey = "clusterIP.primaryUnset"
    /// No arguments.
    package static let ipFamilyPolicyRelease: MessageKey = "ipFamilyPolicy.release"

    // MARK: Wizard
    /// No arguments.
    package static let aliasSpaces: MessageKey = "alias.spaces"
    /// No arguments.
    package static let selectorRequiredHeadless: MessageKey = "selector.requiredHeadless"
    /// {0}: the key.
    package static let duplicateKey: MessageKey = "key.duplicate"

    // MARK: Server
    /// {0}: the API server's own message for the field (a cause of a 422), shown as it came
    /// by `FieldError.message(in:)` in every language; not in the catalog.
    package static let serverMessage: MessageKey = "server.message"
}

/// The keys of the rules and warnings that differ between Kubernetes releases, and of the
/// release choice itself.
extension MessageKey {
    // MARK: Rules of some releases
    /// {0}: the port (10250).
    package static let kubeletPortExposed: MessageKey = "port.kubelet"
    /// {0}: the other annotation's key, {1}: its value.
    package static let topologyModeMismatch: MessageKey = "annotations.topologyMode"
    /// No arguments.
    package static let externalTrafficPolicyExternal: MessageKey = "externalTrafficPolicy.external"
    /// No arguments.
    package static let ipFamilyPolicyNotDualStack: MessageKey = "ipFamilyPolicy.notDualStack"
    /// {0}: the family, {1}: the cluster's families.
    package static let ipFamilyNotConfigured: MessageKey = "ipFamilies.notConfigured"

    // MARK: Warnings
    /// {0}: the release.
    package static let warningFieldUnknown: MessageKey = "warning.fieldUnknown"
    /// {0}: the release.
    package static let warningFieldGatedOff: MessageKey = "warning.fieldGatedOff"
    /// {0}: the annotation to use instead.
    package static let warningTopologyHintsDeprecated: MessageKey = "warning.topologyHints"
    /// {0}: the address as written.
    package static let warningLeadingZeros: MessageKey = "warning.leadingZeros"
    /// {0}: the address as written, {1}: its canonical form.
    package static let warningNotCanonical: MessageKey = "warning.notCanonical"
    /// No arguments.
    package static let warningIgnoredForHeadless: MessageKey = "warning.ignoredHeadless"
    /// No arguments.
    package static let warningExternalIPsDeprecated: MessageKey = "warning.externalIPsDeprecated"
    /// No arguments.
    package static let warningIgnoredForExternalName: MessageKey = "warning.ignoredExternalName"
    /// No arguments.
    package static let warningExternalNameIgnored: MessageKey = "warning.externalNameIgnored"
    /// {0}: the deprecated value, {1}: the value to use.
    package static let warningPreferCloseDeprecated: MessageKey = "warning.preferClose"

    // MARK: The release
    /// {0}: what was written, {1}: the oldest, {2}: the newest supported release.
    package static let kubeVersionUnreadable: MessageKey = "kubeVersion.unreadable"
    /// {0}: what was written, {1}: the oldest, {2}: the newest supported release.
    package static let kubeVersionUnsupported: MessageKey = "kubeVersion.unsupported"
    /// {0}: the release, {1}: where the choice came from.
    package static let kubeVersionUsed: MessageKey = "kubeVersion.used"
    /// No arguments.
    package static let kubeVersionFromFlag: MessageKey = "kubeVersion.fromFlag"
    /// No arguments.
    package static let kubeVersionFromEnvironment: MessageKey = "kubeVersion.fromEnvironment"
    /// {0}: the file.
    package static let kubeVersionFromFile: MessageKey = "kubeVersion.fromFile"
    /// No arguments.
    package static let kubeVersionFromDefault: MessageKey = "kubeVersion.fromDefault"
    /// No arguments.
    package static let kubeVersionFromCluster: MessageKey = "kubeVersion.fromCluster"
    /// No arguments.
    package static let kubeVersionClusterUnanswered: MessageKey = "kubeVersion.clusterUnanswered"
}
