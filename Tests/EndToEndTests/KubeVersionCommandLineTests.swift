import Foundation
import Testing

/// `svcwiz validate` by the rules of a chosen Kubernetes release: the four examples
/// on both sides of their change, warnings, and how the release is chosen.
@Suite struct KubeVersionCommandLineTests {
    static let header = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n"

    /// A temporary folder holding `files` (name: YAML text).
    func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-kv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    func validate(_ file: URL, _ arguments: [String], environment: [String: String] = [:]) async throws -> Spawned {
        try await SvcWizBinary.run(["validate"] + arguments + [file.path], environment: environment)
    }

    @Test func externalIPsWithLocalTrafficPolicyIsValidFrom128() async throws {
        let dir = try folder(["f.yaml": Self.header + "  externalIPs: [203.0.113.10]\n  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        let old = try await validate(file, ["--kube-version", "1.24"])
        #expect(old.status == 1)
        #expect(old.stdout.contains("\(file.path):8: spec.externalTrafficPolicy: "))
        #expect(old.stdout.contains("checked against Kubernetes 1.24 (set by --kube-version)"))
        let new = try await validate(file, ["--kube-version", "latest"])
        #expect(new.status == 0, "\(new.stdout)")
        #expect(new.stdout.contains("service/web: valid"))
        #expect(new.stdout.contains("\(file.path):7: warning: spec.externalIPs: spec.externalIPs is deprecated"))
        #expect(new.stdout.contains("checked against Kubernetes 1.36 (set by --kube-version)"))
    }

    @Test func kubeletPortOnALoadBalancerIsRefusedBefore133() async throws {
        let dir = try folder(["f.yaml": Self.header + "  type: LoadBalancer\n  ports:\n  - port: 10250\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        let old = try await validate(file, ["--kube-version", "1.32"])
        #expect(old.status == 1)
        #expect(old.stdout.contains("\(file.path):9: spec.ports[0]: may not expose port 10250 externally"))
        let new = try await validate(file, ["--kube-version", "1.33"])
        #expect(new.status == 0, "\(new.stdout)")
    }

    @Test func topologyAnnotationsMustAgreeFrom127() async throws {
        let text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.kubernetes.io/topology-mode: Auto\n"
            + "    service.kubernetes.io/topology-aware-hints: Disabled\nspec:\n  ports:\n  - port: 80\n"
        let dir = try folder(["f.yaml": text])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        let old = try await validate(file, ["--kube-version", "1.24"])
        #expect(old.status == 0, "\(old.stdout)")
        #expect(!old.stdout.contains("warning:"))
        let new = try await validate(file, ["--kube-version", "latest"])
        #expect(new.status == 1)
        #expect(new.stdout.contains("\(file.path):6: metadata.annotations[service.kubernetes.io/topology-mode]: must match"))
        #expect(new.stdout.contains("\(file.path):7: warning: metadata.annotations[service.kubernetes.io/topology-aware-hints]: this annotation is deprecated"))
    }

    @Test func twoIPFamiliesWithoutAPolicyAreRefusedOnEveryRelease() async throws {
        let dir = try folder(["f.yaml": Self.header + "  ipFamilies: [IPv4, IPv6]\n  ports:\n  - port: 80\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        for version in ["1.24", "latest"] {
            let result = try await validate(file, ["--kube-version", version])
            #expect(result.status == 1, "\(version)")
            // The policy is not written: the line is that of spec, where it would go.
            #expect(result.stdout.contains("\(file.path):5: spec.ipFamilyPolicy: this cluster is not configured for dual-stack services"), "\(version)")
        }
    }

    @Test func trafficDistributionIsDroppedByOldServersAndCheckedByNewOnes() async throws {
        let dir = try folder(["f.yaml": Self.header + "  trafficDistribution: PreferSameNode\n  ports:\n  - port: 80\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        let old = try await validate(file, ["--kube-version", "1.24"])
        #expect(old.status == 0, "\(old.stdout)")
        #expect(old.stdout.contains("\(file.path):7: warning: spec.trafficDistribution: dropped by 1.24 servers"))
        let beta = try await validate(file, ["--kube-version", "1.31"])
        #expect(beta.status == 1)
        #expect(beta.stdout.contains("spec.trafficDistribution: "))
        #expect(try await validate(file, ["--kube-version", "latest"]).status == 0)
    }

    @Test func theReleaseComesFromTheEnvironmentThenTheWorkspaceFile() async throws {
        let dir = try folder([
            "f.yaml": Self.header + "  type: LoadBalancer\n  ports:\n  - port: 10250\n",
            ".svcwiz.yaml": "# the cluster we deploy to\nkubernetesVersion: \"1.30\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        let fromFile = try await validate(file, ["--workspace", dir.path])
        #expect(fromFile.status == 1)
        #expect(fromFile.stdout.contains("checked against Kubernetes 1.30 (set by kubernetesVersion in \(dir.path)/.svcwiz.yaml)"))
        let fromEnvironment = try await validate(file, ["--workspace", dir.path], environment: ["SVCWIZ_KUBE_VERSION": "1.33"])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stdout)")
        #expect(fromEnvironment.stdout.contains("checked against Kubernetes 1.33 (set by SVCWIZ_KUBE_VERSION)"))
        let fromFlag = try await validate(file, ["--workspace", dir.path, "--kube-version", "1.24"], environment: ["SVCWIZ_KUBE_VERSION": "1.33"])
        #expect(fromFlag.status == 1)
        let newest = try await validate(file, [], environment: ["SVCWIZ_KUBE_VERSION": ""])
        #expect(newest.stdout.contains("checked against Kubernetes 1.36 (the newest supported)"))
    }

    @Test func anUnsupportedReleaseIsAClearError() async throws {
        let dir = try folder(["f.yaml": Self.header + "  ports:\n  - port: 80\n", ".svcwiz.yaml": "kubernetesVersion: 1.20\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        let flag = try await validate(file, ["--kube-version", "1.99"])
        #expect(flag.status == 1)
        #expect(flag.stderr.contains("--kube-version: Kubernetes 1.99 is not supported; svcwiz has the rules of 1.24 to 1.36"))
        let environment = try await validate(file, [], environment: ["SVCWIZ_KUBE_VERSION": "one"])
        #expect(environment.stderr.contains("SVCWIZ_KUBE_VERSION: one is not a Kubernetes version"))
        let setting = try await validate(file, ["--workspace", dir.path])
        #expect(setting.status == 1)
        #expect(setting.stderr.contains("\(dir.path)/.svcwiz.yaml:1: kubernetesVersion: Kubernetes 1.20 is not supported"))
    }

    @Test func applyToAWorkspaceChecksByTheChosenRelease() async throws {
        let workspace = try ProjectPaths.copyOfShop()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let dir = try folder(["f.yaml": "apiVersion: v1\nkind: Service\nmetadata:\n  name: outer\n  namespace: shop\nspec:\n"
            + "  selector: {app: outer}\n  externalIPs: [203.0.113.10]\n  externalTrafficPolicy: Local\n  ports:\n  - port: 80\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml").path
        let old = try await SvcWizBinary.run(["apply", "-f", file, "--workspace", workspace.path, "--kube-version", "1.27"])
        #expect(old.status == 1)
        #expect(old.stderr.contains("spec.externalTrafficPolicy"))
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("shop/outer.service.yaml").path))
        let new = try await SvcWizBinary.run(["apply", "-f", file, "--workspace", workspace.path, "--kube-version", "1.28"])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.contains("service/outer created"))
        let latest = try await SvcWizBinary.run(["apply", "-f", file, "--workspace", workspace.path])
        #expect(latest.stderr.contains("\(file):8: warning: spec.externalIPs: spec.externalIPs is deprecated"), "\(latest.stderr)")
    }

    @Test func warningsAloneExitZero() async throws {
        let dir = try folder(["f.yaml": Self.header + "  type: LoadBalancer\n  loadBalancerIP: 010.0.0.1\n  ports:\n  - port: 80\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("f.yaml")
        let result = try await validate(file, ["--kube-version", "latest"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("\(file.path):8: warning: spec.loadBalancerIP: 010.0.0.1 has leading zeros"))
        let old = try await validate(file, ["--kube-version", "1.26"])
        #expect(!old.stdout.contains("warning:"))
    }
}
