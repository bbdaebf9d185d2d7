/// Drafts are saved on every change so that nothing typed is lost, not even text the
/// manifest cannot hold yet (a port of `80x`): the draft itself is what is written.
/// The picked workloads are not saved; they only offer target ports while the wizard is open.
extension ServiceDraft: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, alias, description, namespace, type, clusterIP, externalName, selector, ports
        case sessionAffinity, sessionAffinityTimeout, labels, annotations, loadBalancerAnnotations
        case externalTrafficPolicy, loadBalancerSourceRanges, advanced
    }

    package init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self = ServiceDraft(manifest: ServiceDraft.newManifest)
        name = try c.decode(String.self, forKey: .name)
        alias = try c.decode(String.self, forKey: .alias)
        description = try c.decode(String.self, forKey: .description)
        namespace = try c.decode(String.self, forKey: .namespace)
        type = try c.decode(String.self, forKey: .type)
        clusterIP = try c.decode(String.self, forKey: .clusterIP)
        externalName = try c.decode(String.self, forKey: .externalName)
        selector = try c.decode([KeyValueRow].self, forKey: .selector)
        ports = try c.decode([PortRow].self, forKey: .ports)
        sessionAffinityTimeout = try c.decode(String.self, forKey: .sessionAffinityTimeout)
        sessionAffinity = try c.decode(SessionAffinity.self, forKey: .sessionAffinity)
        labels = try c.decode([KeyValueRow].self, forKey: .labels)
        annotations = try c.decode([KeyValueRow].self, forKey: .annotations)
        loadBalancerAnnotations = try c.decode([KeyValueRow].self, forKey: .loadBalancerAnnotations)
        externalTrafficPolicy = try c.decode(String.self, forKey: .externalTrafficPolicy)
        loadBalancerSourceRanges = try c.decode([String].self, forKey: .loadBalancerSourceRanges)
        // Drafts saved before the Advanced fields existed have none.
        advanced = try c.decodeIfPresent(AdvancedSettings.self, forKey: .advanced) ?? AdvancedSettings()
    }

    package func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(alias, forKey: .alias)
        try c.encode(description, forKey: .description)
        try c.encode(namespace, forKey: .namespace)
        try c.encode(type, forKey: .type)
        try c.encode(clusterIP, forKey: .clusterIP)
        try c.encode(externalName, forKey: .externalName)
        try c.encode(selector, forKey: .selector)
        try c.encode(ports, forKey: .ports)
        try c.encode(sessionAffinity, forKey: .sessionAffinity)
        try c.encode(sessionAffinityTimeout, forKey: .sessionAffinityTimeout)
        try c.encode(labels, forKey: .labels)
        try c.encode(annotations, forKey: .annotations)
        try c.encode(loadBalancerAnnotations, forKey: .loadBalancerAnnotations)
        try c.encode(externalTrafficPolicy, forKey: .externalTrafficPolicy)
        try c.encode(loadBalancerSourceRanges, forKey: .loadBalancerSourceRanges)
        try c.encode(advanced, forKey: .advanced)
    }
}

extension ServiceDraft.SessionAffinity: Codable {}
