import Foundation
import ServiceModel
import ServiceStore

/// The detail screen's content as plain data: a service and its backends in, titled
/// sections out. Rendering only lays these out, so every word here is tested as data.
package enum ServiceDetailContent {
    package static func sections(for data: DetailData, text: UIText, now: Date) -> [DetailSection] {
        sections(for: data.stored, backends: data.backends, events: data.events, nodes: data.nodes, text: text, now: now)
    }

    package static func sections(for stored: StoredService, backends: BackendStatus?, events: [ObjectEvent]? = nil,
                                nodes: NodeAddresses = .unknown(.workspace), text: UIText, now: Date) -> [DetailSection] {
        let manifest = stored.manifest
        let summary = ServiceSummary(manifest: manifest)
        var sections = [
            attributes(manifest, summary, text: text, now: now),
            access(summary, nodes: nodes, backends: backends, text: text),
            ports(summary, text: text),
            backendsSection(summary, backends, text: text),
            pairsSection(text(.sectionLabels), manifest["metadata"]?["labels"], empty: text(.noLabels)),
            pairsSection(text(.sectionAnnotations), manifest["metadata"]?["annotations"], empty: text(.noAnnotations)),
        ]
        if let events {
            sections.append(eventsSection(events, text: text, now: now))
        }
        return sections
    }

    static func attributes(_ manifest: ManifestNode, _ s: ServiceSummary, text: UIText, now: Date) -> DetailSection {
        let spec = manifest["spec"]
        let annotations = manifest["metadata"]?["annotations"]
        var pairs = [
            DetailPair(text(.attrNamespace), s.namespace),
            DetailPair(text(.attrType), typeText(s, text: text)),
        ]
        switch s.kind {
        case .headlessExternalName:
            pairs.append(DetailPair(text(.attrExternalName), s.externalName ?? "-"))
        case .headlessSelector:
            pairs.append(DetailPair(text(.attrClusterIP), "None"))
        case .virtualIP:
            pairs.append(DetailPair(text(.attrClusterIP), s.clusterIP ?? text(.assignedByCluster), tone: s.clusterIP == nil ? .muted : .normal))
        }
        if !s.externalIPs.isEmpty { pairs.append(DetailPair(text(.attrExternalIPs), s.externalIPs.joined(separator: ", "))) }
        pairs.append(DetailPair(text(.attrSessionAffinity), affinityText(spec, text: text)))
        if s.kind != .headlessExternalName {
            if s.selector.isEmpty {
                pairs.append(DetailPair(text(.attrSelector), text(.noSelectorWarning), tone: .warning))
            } else {
                pairs.append(DetailPair(text(.attrSelector), ServiceRow.selector(s)))
            }
        }
        if let alias = s.alias { pairs.append(DetailPair(text(.attrAlias), alias)) }
        if let description = annotations?[ServiceAnnotations.description]?.scalarText, !description.isEmpty {
            pairs.append(DetailPair(text(.attrDescription), description))
        }
        if let creator = annotations?[ServiceAnnotations.creator]?.scalarText {
            pairs.append(DetailPair(text(.attrCreator), creator))
        }
        if let created = s.created {
            let day = ISO8601DateFormatter.string(from: created, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            pairs.append(DetailPair(text(.attrCreated), "\(day) (\(ServiceRow.minuteAge(since: created, now: now)))"))
        }
        return DetailSection(title: text(.sectionAttributes), body: .pairs(pairs))
    }

    static func typeText(_ s: ServiceSummary, text: UIText) -> String {
        let kind = ServiceTerms.kind(s.kind, language: text.language)
        switch s.access {
        case .none: return kind
        case .nodePort, .loadBalancer: return kind + ", " + ServiceTerms.access(s.access, language: text.language)
        }
    }

    static func affinityText(_ spec: ManifestNode?, text: UIText) -> String {
        guard spec?["sessionAffinity"]?.scalarText == "ClientIP" else { return text(.affinityNone) }
        let seconds = spec?["sessionAffinityConfig"]?["clientIP"]?["timeoutSeconds"]?.int ?? 10800
        return text(.affinityClientIP, duration(seconds))
    }

    /// `10800` as `3h`, `90` as `1m30s`: how long an operator reads a timeout.
    static func duration(_ seconds: Int) -> String {
        let h = seconds / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        var out = ""
        if h > 0 { out += "\(h)h" }
        if m > 0 { out += "\(m)m" }
        if s > 0 || out.isEmpty { out += "\(s)s" }
        return out
    }

    static func ports(_ s: ServiceSummary, text: UIText) -> DetailSection {
        let header = [text(.portName), text(.portProtocol), text(.portPort), text(.portTarget), text(.portNodePort), text(.portAppProtocol)]
        let rows = s.ports.map { p in
            [p.name ?? "-", p.protocol, p.port.map(String.init) ?? "?", p.targetPort ?? p.port.map(String.init) ?? "-",
             p.nodePort.map(String.init) ?? "-", p.appProtocol ?? "-"]
        }
        return DetailSection(title: text(.sectionPorts), body: .table(header: header, rows: rows))
    }

    /// Newest first, as `kubectl describe` lists them: age, type, reason, count and message.
    static func eventsSection(_ events: [ObjectEvent], text: UIText, now: Date) -> DetailSection {
        guard !events.isEmpty else {
            return DetailSection(title: text(.sectionEvents), body: .lines([DetailPair("", text(.noEvents), tone: .muted)]))
        }
        let sorted = events.sorted { ($0.lastSeen ?? .distantPast) > ($1.lastSeen ?? .distantPast) }
        let lines = sorted.map { event -> DetailPair in
            let age = (event.lastSeen ?? event.firstSeen).map { ServiceRow.minuteAge(since: $0, now: now) } ?? "-"
            let count = event.count > 1 ? " (x\(event.count))" : ""
            return DetailPair("\(age)  \(event.type)", "\(event.reason)\(count): \(event.message)",
                              tone: event.type == "Warning" ? .warning : .normal)
        }
        return DetailSection(title: text(.sectionEvents), body: .lines(lines))
    }

    static func pairsSection(_ title: String, _ node: ManifestNode?, empty: String) -> DetailSection {
        let pairs = node?.stringPairs ?? []
        guard !pairs.isEmpty else { return DetailSection(title: title, body: .lines([DetailPair("", empty, tone: .muted)])) }
        return DetailSection(title: title, body: .lines(pairs.map { DetailPair($0.key, $0.value) }))
    }
}
