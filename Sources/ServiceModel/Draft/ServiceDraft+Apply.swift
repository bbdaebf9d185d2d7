// Writing a draft back into a manifest.
//
// `apply(to:)` reads the base the same way `init(manifest:)` does and writes only the fields
// whose text differs from that reading. An unedited field keeps its node as written, so its
// scalar kind and style survive (`port: "80"` stays a string, `targetPort: 8080` an int), and
// a draft read from a manifest and applied to it gives that manifest back unchanged.
//
// Some fields belong to one kind or access only (the selector, `externalName`, node ports,
// LoadBalancer annotations and source ranges, the ClientIP timeout). Such a field is written
// while the draft uses it; when the draft has switched away from a base that used it, it is
// removed; when neither uses it, the base's value is left as it was (an imported manifest
// keeps what it says).

extension ServiceDraft {
    /// `base` with the form's fields written into it and nothing else changed.
    ///
    /// `base` should be the manifest the draft was read from (or `newManifest` for a new
    /// service): port rows find their original port by the index they were read from.
    package func apply(to base: ManifestNode) -> ManifestNode {
        let original = ServiceDraft(manifest: base)
        var out = base
        writeMetadata(into: &out, original: original, base: base)
        writeSpec(into: &out, original: original, base: base)
        return out
    }

    // MARK: - metadata

    private func writeMetadata(into out: inout ManifestNode, original: ServiceDraft, base: ManifestNode) {
        let metadata = FieldPath("metadata")
        let baseAnnotations = base.node(at: metadata.child("annotations"))
        var wanted: [KeyValueRow] = []
        for (key, value) in [(ServiceAnnotations.alias, alias), (ServiceAnnotations.description, description)] {
            // An empty value is written only when the base already says so.
            let before = baseAnnotations?[key]
            if !value.isEmpty || (before != nil && (before?.scalarText ?? "") == value) {
                wanted.append(KeyValueRow(key: key, value: value))
            }
        }
        wanted += annotations
        if externalAccess == .loadBalancer { wanted += loadBalancerAnnotations }
        Self.writeMapping(wanted, at: metadata.child("annotations"), in: &out, base: base)
        Self.writeMapping(labels, at: metadata.child("labels"), in: &out, base: base)
        Self.writeText(name, was: original.name, at: metadata.child("name"), in: &out, encode: ManifestNode.string)
        Self.writeText(namespace, was: original.namespace, at: metadata.child("namespace"), in: &out,
                       encode: ManifestNode.string)
    }

    // MARK: - spec

    private func writeSpec(into out: inout ManifestNode, original: ServiceDraft, base: ManifestNode) {
        let spec = FieldPath("spec")
        let isExternalName = kind == .headlessExternalName
        let wasExternalName = original.kind == .headlessExternalName
        let access = externalAccess
        let baseAccess = original.externalAccess

        if !isExternalName {
            Self.writeText(clusterIP, was: original.clusterIP, at: spec.child("clusterIP"), in: &out,
                           encode: ManifestNode.string)
            if clusterIP != original.clusterIP, base.node(at: spec.child("clusterIPs")) != nil {
                out.set(spec.child("clusterIPs"), to: clusterIP.isEmpty ? nil : .sequence([.string(clusterIP)]))
            }
        } else if !wasExternalName {
            // Kubernetes forbids these on an ExternalName.
            for field in ["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"] {
                out.set(spec.child(field), to: nil)
            }
        }

        writeIfUsed(isExternalName, wasUsed: wasExternalName, at: spec.child("externalName"), in: &out) {
            Self.writeText(externalName, was: original.externalName, at: $1, in: &$0, encode: ManifestNode.string)
        }
        let usesNodes = access != .none, usedNodes = baseAccess != .none
        writeIfUsed(usesNodes, wasUsed: usedNodes, at: spec.child("externalTrafficPolicy"), in: &out) {
            Self.writeText(externalTrafficPolicy, was: original.externalTrafficPolicy, at: $1, in: &$0,
                           encode: ManifestNode.string)
        }
        let usesLoadBalancer = access == .loadBalancer, usedLoadBalancer = baseAccess == .loadBalancer
        writeIfUsed(usesLoadBalancer, wasUsed: usedLoadBalancer, at: spec.child("loadBalancerSourceRanges"), in: &out) {
            Self.writeList(loadBalancerSourceRanges, was: original.loadBalancerSourceRanges, at: $1, in: &$0)
        }
        if usedLoadBalancer, !usesLoadBalancer {
            // Fields Kubernetes allows for LoadBalancer only, dropped as the API server does.
            for field in ["loadBalancerIP", "loadBalancerClass", "allocateLoadBalancerNodePorts", "healthCheckNodePort"] {
                out.set(spec.child(field), to: nil)
            }
        }

        writePorts(into: &out, at: spec.child("ports"), base: base, writesNodePorts: usesNodes,
                   baseWroteNodePorts: usedNodes)
        writeIfUsed(!isExternalName, wasUsed: !wasExternalName, at: spec.child("selector"), in: &out) {
            Self.writeMapping(selector, at: $1, in: &$0, base: base)
        }

        writeSessionAffinity(into: &out, original: original, spec: spec)
        Self.writeText(type, was: original.type, at: spec.child("type"), in: &out, encode: ManifestNode.string)
        writeAdvanced(into: &out, original: original)
    }

    /// `sessionAffinity`, and its timeout while it is ClientIP.
    private func writeSessionAffinity(into out: inout ManifestNode, original: ServiceDraft, spec: FieldPath) {
        if sessionAffinity != original.sessionAffinity {
            out.set(spec.child("sessionAffinity"), to: .string(sessionAffinity.rawValue))
        }
        let usesClientIP = sessionAffinity == .clientIP, usedClientIP = original.sessionAffinity == .clientIP
        writeIfUsed(usesClientIP, wasUsed: usedClientIP, at: spec.child("sessionAffinityConfig"), in: &out) { out, config in
            let timeout = config.child("clientIP").child("timeoutSeconds")
            guard sessionAffinityTimeout != original.sessionAffinityTimeout else { return }
            if let seconds = DraftNumber.parse(sessionAffinityTimeout) {
                out.set(timeout, to: .int(seconds))
            } else {
                out.remove(timeout, pruningEmptyParentsUpTo: spec)
            }
        }
    }

    /// Port rows become `spec.ports` items in row order, each edited from the port it was
    /// read from; a field whose text is unchanged keeps its node.
    private func writePorts(into out: inout ManifestNode, at path: FieldPath, base: ManifestNode,
                            writesNodePorts: Bool, baseWroteNodePorts: Bool) {
        let baseList = base.node(at: path)
        let baseItems = baseList?.items ?? []
        // Blank rows the user added at the end (the new draft's first row, an unused ^A) are
        // not ports yet; dropping only trailing ones keeps row i at spec.ports[i].
        var rows = ports
        while let last = rows.last, last.isBlank, last.sourceIndex == nil { rows.removeLast() }
        let items = rows.map { row -> ManifestNode in
            let source = row.sourceIndex.flatMap { baseItems.indices.contains($0) ? baseItems[$0] : nil }
            let before = source.map { PortRow(node: $0, index: 0) }
            var item = source ?? .mapping()
            for field in PortRow.Field.allCases {
                if field == .nodePort, !writesNodePorts {
                    if baseWroteNodePorts { item[field.rawValue] = nil }
                    continue
                }
                let text = row.text(field)
                guard text != (before?.text(field) ?? "") else { continue }
                if !item.isMapping { item = .mapping() }
                item[field.rawValue] = PortRow.encode(text, as: field)
            }
            return item
        }
        guard items != baseItems else { return }
        out.set(path, to: items.isEmpty ? nil : ManifestNode(.sequence(items), position: baseList?.position))
    }

    // MARK: - helpers

    /// Runs `write` while the draft uses the field; removes it when the draft stopped using a
    /// field the base used; otherwise leaves the base's value alone.
    func writeIfUsed(_ used: Bool, wasUsed: Bool, at path: FieldPath, in out: inout ManifestNode,
                             write: (inout ManifestNode, FieldPath) -> Void) {
        if used {
            write(&out, path)
        } else if wasUsed {
            out.set(path, to: nil)
        }
    }

    /// Writes a text field when it differs from the base's reading; empty text, or text the
    /// manifest cannot hold, removes the key.
    static func writeText(_ text: String, was before: String, at path: FieldPath, in out: inout ManifestNode,
                                  encode: (String) -> ManifestNode?) {
        guard text != before else { return }
        out.set(path, to: text.isEmpty ? nil : encode(text))
    }

    /// Writes key/value rows as a mapping when they say something other than the base's.
    private static func writeMapping(_ rows: [KeyValueRow], at path: FieldPath, in out: inout ManifestNode,
                                     base: ManifestNode) {
        let pairs = rows.writablePairs
        let before = base.node(at: path)
        let beforePairs = [KeyValueRow](mapping: before)
        guard Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) })
                != Dictionary(beforePairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        else { return }
        let merged = (before ?? .mapping()).merging(stringPairs: pairs.map { ($0.key, $0.value) })
        out.set(path, to: merged)
    }

    /// Writes a list of strings when it differs from the base's reading; unchanged items keep
    /// their node.
    static func writeList(_ values: [String], was before: [String], at path: FieldPath,
                                  in out: inout ManifestNode) {
        guard values != before else { return }
        let baseItems = out.node(at: path)?.items ?? []
        let items = values.enumerated().map { index, value -> ManifestNode in
            if baseItems.indices.contains(index), before.indices.contains(index), before[index] == value {
                return baseItems[index]
            }
            return .string(value)
        }
        out.set(path, to: items.isEmpty ? nil : .sequence(items))
    }
}
