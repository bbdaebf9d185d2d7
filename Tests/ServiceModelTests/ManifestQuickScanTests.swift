import Foundation
import Testing
@testable import ServiceModel

/// The line scan a cold start orders a workspace by: what it answers is what the parser
/// reads, and what it cannot be sure of it does not answer.
struct ManifestQuickScanTests {
    typealias Found = ManifestQuickScan.Found

    static func service(_ name: String, _ namespace: String = "default") -> ServiceID {
        ServiceID(namespace: namespace, name: name)
    }

    /// What `ManifestReader` reads, in the scan's terms; nil when the text does not parse.
    static func parsed(_ bytes: [UInt8], path: String) -> Found? {
        guard let file = try? ManifestReader.parse(bytes: bytes, path: path) else { return nil }
        var found = Found()
        for object in file.objects where object.node.isMapping {
            if object.isService {
                let id = ServiceID(manifest: object.node)
                if !id.name.isEmpty { found.services.append(id) }
            } else if let kind = object.kind, Workload.Kind(rawValue: kind) != nil {
                found.workloadNamespaces.append(object.node["metadata"]?["namespace"]?.scalarText ?? "default")
            }
        }
        return found
    }

    static let answered: [(String, Found)] = [
        ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n", Found(services: [service("web")])),
        ("kind: Service\nmetadata:\n    namespace: shop # the team's\n    name: 'web-1'\nspec:\n  ports:\n  - port: 80\n",
         Found(services: [service("web-1", "shop")])),
        ("# a comment\nkind: \"Service\"\nmetadata:\n  labels:\n    name: not-this\n  name: api\n", Found(services: [service("api")])),
        ("kind: Service\nmetadata:\n  name: a\n---\nkind: Deployment\nmetadata:\n  name: d\n  namespace: ops\n---\n# only a comment\n",
         Found(services: [service("a")], workloadNamespaces: ["ops"])),
        ("kind: ConfigMap\ndata:\n  kind: |\n    kind: Service\nmetadata:\n  name: x\n", Found()),
        ("kind: Service\nmetadata:\n  annotations:\n    note: |\n      name: inside\n      \"open\n  name: real\n",
         Found(services: [service("real")])),
        ("kind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web, \"tier\": \"front]\"}\n  ports: [{port: 80}]\n",
         Found(services: [service("web")])),
        ("kind: Service\nmetadata:\n  name: web\n  annotations:\n    a: \"it's \\\" here\"\n    b: 'it''s'\n",
         Found(services: [service("web")])),
        ("kind: Service\nmetadata:\n  name: 2048-game\n", Found(services: [service("2048-game")])),
        ("", Found()),
        ("---\n---\n", Found()),
    ]

    static let unanswered: [(String, String)] = [
        ("json", "{\"kind\": \"Service\", \"metadata\": {\"name\": \"web\"}}"),
        ("flow metadata", "kind: Service\nmetadata: {name: web}\n"),
        ("List", "kind: List\nitems:\n- kind: Service\n  metadata:\n    name: web\n"),
        ("ServiceList", "kind: ServiceList\nitems: []\n"),
        ("no name", "kind: Service\nmetadata:\n  labels: {}\n"),
        ("anchor", "kind: Service\nmetadata: &m\n  name: web\n"),
        ("alias name", "kind: Service\nmetadata:\n  name: *n\n"),
        ("merge key", "kind: Service\nmetadata:\n  <<: *m\n  name: web\n"),
        ("tagged kind", "kind: !!str Service\nmetadata:\n  name: web\n"),
        ("quoted key", "kind: Service\nmetadata:\n  \"name\": web\n"),
        ("name continued", "kind: Service\nmetadata:\n  name: web\n    more\n"),
        ("kind continued", "kind: Service\n  Account\nmetadata:\n  name: web\n"),
        ("unclosed quote", "kind: Service\nmetadata:\n  labels:\n    a: \"b\n  name: x\"\n  name: web\n"),
        ("unclosed flow", "kind: Service\nmetadata:\n  labels: {a: b,\n  name: x}\n  name: web\n"),
        ("quote inside a flow scalar", "kind: Service\nmetadata:\n  labels: [a:\"b]\"]\n  name: web\n"),
        ("CRLF", "kind: Service\r\nmetadata:\r\n  name: web\r\n"),
        ("BOM", "\u{FEFF}kind: Service\nmetadata:\n  name: web\n"),
        ("line separator", "kind: Service\nmetadata:\n  labels:\n    a: b\u{2028}  name: x\n  name: web\n"),
        ("indented root", "  kind: Service\n  metadata:\n    name: web\n"),
        ("tab indentation", "kind: Service\nmetadata:\n\tname: web\n"),
        ("sequence root", "- kind: Service\n  metadata:\n    name: web\n"),
        ("null name", "kind: Service\nmetadata:\n  name: null\n"),
        ("boolean namespace", "kind: Service\nmetadata:\n  name: web\n  namespace: yes\n"),
        ("name twice", "kind: Service\nmetadata:\n  name: web\n  name: api\n"),
        ("escaped quote in name", "kind: Service\nmetadata:\n  name: \"w\\x65b\"\n"),
        ("directive", "%YAML 1.1\n---\nkind: Service\nmetadata:\n  name: web\n"),
        ("content on the marker line", "--- kind: Service\nmetadata:\n  name: web\n"),
        ("metadata less indented later", "kind: Service\nmetadata:\n    labels: {}\n  name: web\n"),
    ]

    @Test func answersPlainBlockYAML() {
        for (text, expected) in Self.answered {
            let bytes = Array(text.utf8)
            #expect(ManifestQuickScan.scan(bytes, path: "a.yaml") == expected, "\(text)")
            #expect(Self.parsed(bytes, path: "a.yaml") == expected, "the parser reads \(text) otherwise")
        }
    }

    @Test func doesNotAnswerWhatItCannotBeSureOf() {
        for (label, text) in Self.unanswered {
            #expect(ManifestQuickScan.scan(Array(text.utf8), path: "a.yaml") == nil, "\(label)")
        }
        #expect(ManifestQuickScan.scan(Array("kind: Service\nmetadata:\n  name: web\n".utf8), path: "a.json") == nil)
    }

    /// Every answer on the public corpus, and on each file with one line changed in ways
    /// that move the structure (removed, doubled, indented, a quote or bracket opened), is
    /// what the parser reads from the files that parse.
    @Test func agreesWithTheParserOnTheCorpusAndItsMutations() throws {
        let files = DraftRoundTripTests.files
        try #require(!files.isEmpty, "../shared/corpus/realworld not found")
        var answers = 0, checked = 0
        for url in files {
            let bytes = Corpus.bytes(url)
            let path = url.lastPathComponent
            if let found = ManifestQuickScan.scan(bytes, path: path), let parsed = Self.parsed(bytes, path: path) {
                #expect(found == parsed, "\(path)")
                answers += 1
            }
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            for i in lines.indices.prefix(80) {
                for variant in Self.mutations(of: lines, at: i) {
                    let mutated = Array(variant.utf8)
                    guard let found = ManifestQuickScan.scan(mutated, path: path),
                          let parsed = Self.parsed(mutated, path: path) else { continue }
                    checked += 1
                    #expect(found == parsed, "\(path), line \(i + 1) changed:\n\(variant)")
                }
            }
        }
        // Most of the corpus is plain block YAML: a scan that answered nothing would agree vacuously.
        #expect(answers >= 25, "answered \(answers) of \(files.count) files")
        #expect(checked >= 1000)
    }

    static func mutations(of lines: [Substring], at i: Int) -> [String] {
        let line = String(lines[i])
        var edits: [String] = ["", line + "\n" + line, "  " + line, String(line.dropFirst(min(2, line.count)))]
        if let colon = line.range(of: ": ") {
            let head = line[..<colon.upperBound], tail = line[colon.upperBound...]
            edits += [head + "\"" + tail, head + "[" + tail, head + "|\n" + tail, head + "'" + tail, head + "&a " + tail]
        }
        return edits.map { edit in
            var copy = lines.map(String.init)
            copy[i] = edit
            return copy.joined(separator: "\n")
        }
    }

    /// Services as the benchmark writes them (labels, annotations with a Chinese alias, ports).
    @Test func agreesOnGeneratedServices() {
        for i in 0..<200 {
            let text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: svc-\(i)-orders
              namespace: team-\(i % 3)
              labels:
                app: orders-\(i)
                version: v\(i % 5)
              annotations:
                kubesphere.io/alias-name: 订单服务\(i)
                kubesphere.io/description: Orders API for shop \(i), owned by payments
            spec:
              type: ClusterIP
              selector:
                app: orders-\(i)
              ports:
              - name: http
                protocol: TCP
                port: 80
                targetPort: 8080

            """
            let bytes = Array(text.utf8)
            let found = ManifestQuickScan.scan(bytes, path: "s.yaml")
            #expect(found == Found(services: [Self.service("svc-\(i)-orders", "team-\(i % 3)")]))
            #expect(found == Self.parsed(bytes, path: "s.yaml"))
        }
    }
}
