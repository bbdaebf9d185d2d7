#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The slim per-row view of a Service that the list keeps for every service, so that a list
/// of 100,000 services filters and sorts without touching manifests. Its fields live in one
/// packed allocation (`PackedRow`), decoded when read: copies of a row share it.
package struct ServiceSummary: Sendable, Hashable, Identifiable {
    package struct Port: Sendable, Hashable {
        package var name: String?
        package var port: Int?
        package var `protocol`: String
        /// The target as written: a number or a port name; nil when defaulted to `port`.
        package var targetPort: String?
        package var nodePort: Int?
        package var appProtocol: String?

        package init(name: String?, port: Int?, protocol: String, targetPort: String?, nodePort: Int?, appProtocol: String?) {
            self.name = name
            self.port = port
            self.protocol = `protocol`
            self.targetPort = targetPort
            self.nodePort = nodePort
            self.appProtocol = appProtocol
        }
    }

    /// Ready and total backends: endpoints on a cluster, matched workloads in a workspace.
    package struct BackendCount: Sendable, Hashable {
        package var ready: Int
        package var total: Int
        package init(ready: Int, total: Int) {
            self.ready = ready
            self.total = total
        }
    }

    /// Every field but `backends` and `version`, packed (see `PackedRow`): reading one decodes
    /// it, setting one (rare: tests and edits of single rows) packs the row again.
    var packed: PackedRow
    /// Ready and total as two 32-bit halves, or `noBackends`: set after the row is read.
    var backendBits: UInt64 = ServiceSummary.noBackends
    /// The version this row was read at, which a delete from the row must expect: the
    /// `metadata.resourceVersion` on a cluster, the document's content hash in a workspace.
    /// Set by the backend (a manifest file's own `resourceVersion` says nothing about it).
    package var version: String?

    package var namespace: String {
        get { withNamespaceBytes { String(decoding: $0, as: UTF8.self) } }
        set { repack { $0.namespace = newValue } }
    }

    package var name: String {
        get { withNameBytes { String(decoding: $0, as: UTF8.self) } }
        set { repack { $0.name = newValue } }
    }

    package var alias: String? {
        get { optional(Fields.hasAlias) }
        set { repack { $0.alias = newValue } }
    }

    package var kind: ServiceKind {
        get { read { reader in reader.skipNames(); return ServiceKind.allCases[Int(reader.byte())] } }
        set { repack { $0.kind = newValue } }
    }

    package var access: ExternalAccess {
        get { read { reader in reader.skipNames(); reader.skip(1); return ExternalAccess.allCases[Int(reader.byte())] } }
        set { repack { $0.access = newValue } }
    }

    /// `spec.clusterIP` as stored; nil when not yet assigned (workspace files).
    package var clusterIP: String? {
        get { optional(Fields.hasClusterIP) }
        set { repack { $0.clusterIP = newValue } }
    }

    package var externalName: String? {
        get { optional(Fields.hasExternalName) }
        set { repack { $0.externalName = newValue } }
    }

    package var externalIPs: [String] {
        get { read { reader in reader.skipToLists(); reader.skipPorts(); reader.skipPairs(); reader.skipPairs(); return reader.strings() } }
        set { repack { $0.externalIPs = newValue } }
    }

    /// LoadBalancer ingress IPs or host names from `status.loadBalancer.ingress`.
    package var ingress: [String] {
        get {
            read { reader in
                reader.skipToLists(); reader.skipPorts(); reader.skipPairs(); reader.skipPairs(); reader.skipStrings()
                return reader.strings()
            }
        }
        set { repack { $0.ingress = newValue } }
    }

    package var ports: [Port] {
        get { read { reader in reader.skipToLists(); return reader.ports() } }
        set { repack { $0.ports = newValue } }
    }

    package var selector: [Pair] {
        get { read { reader in reader.skipToLists(); reader.skipPorts(); return reader.pairs() } }
        set { repack { $0.selector = newValue } }
    }

    package var labels: [Pair] {
        get { read { reader in reader.skipToLists(); reader.skipPorts(); reader.skipPairs(); return reader.pairs() } }
        set { repack { $0.labels = newValue } }
    }

    package var created: Date? {
        get {
            read { reader in
                reader.skipNames()
                reader.skip(2)
                guard reader.byte() & Fields.hasCreated != 0 else { return nil }
                return Date(timeIntervalSinceReferenceDate: Double(bitPattern: reader.uint64()))
            }
        }
        set { repack { $0.created = newValue } }
    }

    /// Ready and total backends: endpoints on a cluster, matched workloads in a workspace.
    package var backends: BackendCount? {
        get {
            guard backendBits != Self.noBackends else { return nil }
            return BackendCount(ready: Int(Int32(truncatingIfNeeded: backendBits >> 32)),
                                total: Int(Int32(truncatingIfNeeded: backendBits)))
        }
        set {
            guard let newValue else { return backendBits = Self.noBackends }
            func half(_ value: Int) -> UInt64 { UInt64(UInt32(bitPattern: Int32(clamping: value))) }
            backendBits = half(newValue.ready) << 32 | half(newValue.total)
        }
    }

    /// No count fits in 31 bits with both halves at `Int32.min`.
    private static let noBackends = UInt64(UInt32(bitPattern: Int32.min)) << 32 | UInt64(UInt32(bitPattern: Int32.min))

    package struct Pair: Sendable, Hashable {
        package var key: String
        package var value: String
        package init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    package var id: ServiceID { ServiceID(namespace: namespace, name: name) }

    /// A summary from its fields.
    package init(namespace: String, name: String, alias: String?, kind: ServiceKind, access: ExternalAccess,
                clusterIP: String?, externalName: String?, externalIPs: [String], ingress: [String], ports: [Port],
                selector: [Pair], labels: [Pair], created: Date?, backends: BackendCount?, version: String? = nil) {
        packed = Fields(namespace: namespace, name: name, alias: alias, kind: kind, access: access, clusterIP: clusterIP,
                        externalName: externalName, externalIPs: externalIPs, ingress: ingress, ports: ports,
                        selector: selector, labels: labels, created: created).packed()
        self.version = version
        self.backends = backends
    }

    /// What the list shows of a Service. The workspace index caches these on disk: bump
    /// `WorkspaceCache.format` (ServiceStore) when what is read here changes.
    package init(manifest: ManifestNode, defaultNamespace: String = "default") {
        let metadata = manifest["metadata"]
        let spec = manifest["spec"]
        let kind = ServiceKind(spec: spec)
        let fields = Fields(
            namespace: metadata?["namespace"]?.scalarText ?? defaultNamespace,
            name: metadata?["name"]?.scalarText ?? "",
            alias: metadata?["annotations"]?[ServiceAnnotations.alias]?.scalarText.flatMap { $0.isEmpty ? nil : $0 },
            kind: kind,
            access: kind == .virtualIP ? ExternalAccess(spec: spec) : .none,
            clusterIP: spec?["clusterIP"]?.scalarText.flatMap { $0.isEmpty ? nil : $0 },
            externalName: spec?["externalName"]?.scalarText,
            externalIPs: (spec?["externalIPs"]?.items ?? []).compactMap(\.scalarText),
            ingress: (manifest["status"]?["loadBalancer"]?["ingress"]?.items ?? []).compactMap {
                $0["ip"]?.scalarText ?? $0["hostname"]?.scalarText
            },
            ports: (spec?["ports"]?.items ?? []).map { port in
                Port(name: port["name"]?.scalarText,
                     port: port["port"]?.int,
                     protocol: port["protocol"]?.scalarText ?? "TCP",
                     targetPort: port["targetPort"]?.scalarText,
                     nodePort: port["nodePort"]?.int,
                     appProtocol: port["appProtocol"]?.scalarText)
            },
            selector: (spec?["selector"]?.stringPairs ?? []).map { Pair(key: $0.key, value: $0.value) },
            labels: (metadata?["labels"]?.stringPairs ?? []).map { Pair(key: $0.key, value: $0.value) },
            created: metadata?["creationTimestamp"]?.scalarText.flatMap(ServiceSummary.parseTimestamp))
        packed = fields.packed()
        version = nil
    }

    /// RFC 3339 timestamps as the API server writes them (`2026-11-20T10:00:00Z`).
    package static func parseTimestamp(_ text: String) -> Date? {
        if let seconds = secondsSince1970(text) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        return RFC3339.date(text)
    }
}

extension ServiceSummary {
    /// `YYYY-MM-DDTHH:MM:SSZ`, the form the API server writes, without a formatter (making
    /// one per row was most of a 10,000-row list's decoding); nil for any other form, and
    /// for days past the 28th, which `RFC3339` checks against the month.
    static func secondsSince1970(_ text: String) -> Int? {
        let pattern = "0000-00-00T00:00:00Z".utf8
        guard text.utf8.count == pattern.count else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(14)
        for (byte, expected) in zip(text.utf8, pattern) {
            if expected == UInt8(ascii: "0") {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                digits.append(Int(byte - 0x30))
            } else if byte != expected {
                return nil
            }
        }
        func number(_ from: Int, _ count: Int) -> Int { digits[from..<from + count].reduce(0) { $0 * 10 + $1 } }
        let (year, month, day) = (number(0, 4), number(4, 2), number(6, 2))
        let (hour, minute, second) = (number(8, 2), number(10, 2), number(12, 2))
        guard (1...12).contains(month), (1...28).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        // Days from the civil date (Howard Hinnant's algorithm, proleptic Gregorian).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3_600 + minute * 60 + second
    }
}

/// The annotation keys KubeSphere's console writes, which the wizard's step 1 owns.
package enum ServiceAnnotations {
    package static let alias = "kubesphere.io/alias-name"
    package static let description = "kubesphere.io/description"
    package static let creator = "kubesphere.io/creator"
}
