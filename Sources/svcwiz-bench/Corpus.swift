import Foundation
import ServiceModel

/// The benchmark's own data: realistic Services (labels, annotations, one to three ports, a
/// mix of types), every fourth with a Chinese alias, named so that the order by name is the
/// order of the index (`svc-000000-…` first).
enum Corpus {
    static let words = ["orders", "payments", "catalog", "users", "search", "gateway", "inventory", "shipping",
                        "auth", "metrics", "billing", "reviews", "cart", "notify", "profile", "media"]
    static let aliases = ["订单服务", "支付网关", "商品目录", "用户中心", "搜索服务", "统一网关", "库存管理", "物流跟踪",
                          "认证中心", "监控指标", "计费系统", "评价服务", "购物车", "消息通知", "个人资料", "媒体存储"]
    static let teams = ["payments", "storefront", "platform", "identity", "data"]

    static func name(_ i: Int) -> String {
        "svc-" + padded(i, 6) + "-" + words[i % words.count]
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// One Service as a YAML document, about 700 bytes. Long because most of it is the
    /// document's own text, which reads best whole.
    static func yaml(_ i: Int, namespace: String = "default", clusterIP: Bool = true) -> String {
        let word = words[i % words.count]
        let app = word + "-" + String(i % 997)
        let tier = ["frontend", "backend", "cache", "worker"][i % 4]
        var text = """
        apiVersion: v1
        kind: Service
        metadata:
          name: \(name(i))
          namespace: \(namespace)
          labels:
            app: \(app)
            tier: \(tier)
            team: \(teams[i % teams.count])
            version: v\(i % 5 + 1)
          annotations:

        """
        if i % 4 == 0 {
            text += "    kubesphere.io/alias-name: \(aliases[i % aliases.count])\(i % 100)\n"
        }
        text += """
            kubesphere.io/description: \(word.capitalized) API for the \(tier) of shop \(i % 50), owned by \(teams[i % teams.count])
            kubesphere.io/creator: admin

        """
        let kind = i % 10
        text += "spec:\n"
        if kind == 9 {
            text += "  type: ExternalName\n  externalName: \(word).\(teams[i % teams.count]).example.com\n"
            return text
        }
        switch kind {
        case 7: text += "  type: NodePort\n"
        case 8: text += "  type: LoadBalancer\n"
        default: text += "  type: ClusterIP\n"
        }
        if kind == 6 {
            text += "  clusterIP: None\n"
        } else if clusterIP {
            text += "  clusterIP: 10.96.\(i / 250 % 256).\(i % 250 + 1)\n"
        }
        text += """
          selector:
            app: \(app)
            tier: \(tier)
          ports:
          - name: http
            protocol: TCP
            port: \(80 + i % 3)
            targetPort: \(8080 + i % 7)

        """
        if kind == 7 { text += "    nodePort: \(30000 + i % 2768)\n" }
        if i % 3 != 0 {
            text += """
              - name: metrics
                protocol: TCP
                port: 9090
                targetPort: metrics

            """
        }
        if i % 5 == 0 {
            text += """
              - name: grpc
                protocol: TCP
                port: 50051
                targetPort: 50051
                appProtocol: grpc

            """
        }
        text += "  sessionAffinity: \(i % 11 == 0 ? "ClientIP" : "None")\n"
        return text
    }

    /// A workspace of `count` services in namespace `default`, one file each
    /// (`default/<name>.service.yaml`, as svcwiz itself writes them). Kept under `base` and
    /// reused when it is already complete.
    static func workspace(count: Int, base: String) throws -> String {
        let root = base + "/workspace-\(count)"
        let done = root + "/.complete"
        if FileManager.default.fileExists(atPath: done) { return root }
        try? FileManager.default.removeItem(atPath: root)
        try FileManager.default.createDirectory(atPath: root + "/default", withIntermediateDirectories: true)
        for i in 0..<count {
            try write(yaml(i), to: root + "/default/" + name(i) + ".service.yaml")
        }
        try write("", to: done)
        return root
    }

    static func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw BenchError("cannot write \(path)") }
        defer { close(fd) }
        var text = text
        let ok = text.withUTF8 { buffer in
            Foundation.write(fd, buffer.baseAddress, buffer.count) == buffer.count
        }
        if !ok { throw BenchError("short write to \(path)") }
    }

    /// The manifests of `count` services, as a cluster stores them (no clusterIP: the test
    /// server assigns one).
    static func manifests(count: Int, namespace: String) throws -> [ManifestNode] {
        var nodes: [ManifestNode] = []
        nodes.reserveCapacity(count)
        for i in 0..<count {
            guard let root = try ManifestReader.parse(yaml(i, namespace: namespace, clusterIP: false), format: .yaml)
                .documents.first?.root else { throw BenchError("service \(i) does not parse") }
            nodes.append(root)
        }
        return nodes
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
