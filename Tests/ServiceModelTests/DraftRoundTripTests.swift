import Foundation
import Testing
@testable import ServiceModel

/// A draft read from a manifest and applied to it gives that manifest back, for every
/// Service of the public corpus.
struct DraftRoundTripTests {
    /// The corpus files: `Corpus.files`, or, when the package is checked out deeper than the
    /// shared folder (a git worktree), the first `shared/corpus/realworld` above this file.
    static let files: [URL] = {
        if !Corpus.files.isEmpty { return Corpus.files }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/corpus/realworld")
            if let names = try? FileManager.default.contentsOfDirectory(atPath: candidate.path) {
                return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }
                    .sorted().map { candidate.appendingPathComponent($0) }
            }
            directory.deleteLastPathComponent()
        }
        return []
    }()

    static let services: [(file: String, index: Int, node: ManifestNode)] = files.flatMap { url in
        let file = try? ManifestReader.parse(bytes: Corpus.bytes(url), path: url.lastPathComponent)
        return (file?.objects ?? []).filter(\.isService).enumerated().map {
            (url.lastPathComponent, $0.offset, $0.element.node)
        }
    }

    @Test func corpusHasServicesOfEveryKind() {
        #expect(Self.services.count > 60)
        // The corpus has no ExternalName service; ServiceDraftTests covers that kind.
        let kinds = Set(Self.services.map { ServiceDraft(manifest: $0.node).kind })
        #expect(kinds.isSuperset(of: [.virtualIP, .headlessSelector]))
        let access = Set(Self.services.map { ServiceDraft(manifest: $0.node).externalAccess })
        #expect(access == Set(ExternalAccess.allCases))
    }

    @Test func everyCorpusServiceRoundTripsUnchanged() {
        var failures: [String] = []
        for service in Self.services {
            let back = ServiceDraft(manifest: service.node).apply(to: service.node)
            if !back.sameData(as: service.node) {
                failures.append("\(service.file) #\(service.index): different data")
            } else if back != service.node {
                failures.append("\(service.file) #\(service.index): same data, different order or style")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func everyCorpusServiceReadsBackTheSameDraft() {
        // A draft written into a blank service reads back as the same draft: every field
        // the form shows is written. (Node ports of a service without external access, like
        // `nodePort: 0` on a ClusterIP, are not: the form does not write them.)
        var failures: [String] = []
        for service in Self.services {
            var draft = ServiceDraft(manifest: service.node)
            if draft.externalAccess == .none {
                for index in draft.ports.indices { draft.ports[index].nodePort = "" }
            }
            let fresh = draft.apply(to: ServiceDraft.newManifest)
            var reread = ServiceDraft(manifest: fresh)
            reread.ports = reread.ports.enumerated().map { index, row in
                var row = row
                row.sourceIndex = draft.ports.indices.contains(index) ? draft.ports[index].sourceIndex : nil
                return row
            }
            if reread != draft { failures.append("\(service.file) #\(service.index)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}

/// One edit in the form changes exactly its path in every corpus Service. (Paths are
/// compared as `ServiceDraftTests.differences` spells them: mapping keys as fields.)
struct DraftSingleEditTests {
    typealias Edit = (name: String, path: @Sendable (ServiceDraft) -> FieldPath?, edit: @Sendable (inout ServiceDraft) -> Void)

    static let edits: [Edit] = [
        ("name", { _ in "metadata.name" }, { $0.name += "x" }),
        ("namespace", { _ in "metadata.namespace" }, { $0.namespace = "other" }),
        ("alias", { _ in FieldPath("metadata.annotations").child(ServiceAnnotations.alias) }, { $0.alias = "别名" }),
        ("first port", { $0.ports.isEmpty ? nil : "spec.ports[0].port" }, {
            if !$0.ports.isEmpty { $0.ports[0].port = "65000" }
        }),
        ("first target port", { $0.ports.isEmpty ? nil : "spec.ports[0].targetPort" }, {
            if !$0.ports.isEmpty { $0.ports[0].targetPort = "web-port" }
        }),
        ("a label", { _ in FieldPath("metadata.labels").child("svcwiz.test/edited") }, {
            $0.labels.append(KeyValueRow(key: "svcwiz.test/edited", value: "yes"))
        }),
        ("internal traffic policy", { _ in "spec.internalTrafficPolicy" }, {
            $0.advanced.internalTrafficPolicy = $0.advanced.internalTrafficPolicy == "Local" ? "Cluster" : "Local"
        }),
        ("traffic distribution", { _ in "spec.trafficDistribution" }, {
            $0.advanced.trafficDistribution = $0.advanced.trafficDistribution == "PreferSameNode" ? "PreferSameZone" : "PreferSameNode"
        }),
        ("publish not-ready addresses", { _ in "spec.publishNotReadyAddresses" }, {
            $0.advanced.publishNotReadyAddresses = $0.advanced.publishNotReadyAddresses == "true" ? "false" : "true"
        }),
        ("IP families", { $0.kind == .headlessExternalName ? nil : $0.advanced.ipFamilyList.count == 1 ? "spec.ipFamilies[0]" : "spec.ipFamilies" }, {
            $0.advanced.ipFamilies = $0.advanced.ipFamilies == "IPv6" ? "IPv4" : "IPv6"
        }),
        ("load balancer class", { $0.externalAccess == .loadBalancer ? "spec.loadBalancerClass" : nil }, {
            $0.advanced.loadBalancerClass += "x"
        }),
    ]

    @Test(arguments: edits.indices)
    func oneEditChangesOnePath(editIndex: Int) {
        let edit = Self.edits[editIndex]
        var failures: [String] = []
        for service in DraftRoundTripTests.services {
            var draft = ServiceDraft(manifest: service.node)
            guard let path = edit.path(draft) else { continue }
            edit.edit(&draft)
            let changed = ServiceDraftTests.differences(service.node, draft.apply(to: service.node))
            // The path itself changed, or its parent was added with it.
            let ok = changed.count == 1
                && (changed[0] == path || (path.hasPrefix(changed[0]) && service.node.node(at: changed[0]) == nil))
            if !ok {
                failures.append("\(service.file) #\(service.index): \(changed)")
            }
        }
        #expect(failures.isEmpty, "\(edit.name): \(failures.joined(separator: "\n"))")
    }
}
