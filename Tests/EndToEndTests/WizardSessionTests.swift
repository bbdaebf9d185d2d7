import Foundation
import Testing
import ServiceModel
#if canImport(Glibc)
import Glibc
#endif

/// The create wizard driven by keys alone in a real terminal, on a copy of the example
/// workspace; every created file is checked with `svcwiz validate` and read back.
@Suite(.serialized)
struct WizardSessionTests {
    enum Step {
        case press([String])
        case type(String)
        case wait(String)

        static func keys(_ names: String...) -> Step { .press(names) }
    }

    final class Session: @unchecked Sendable {
        let workspace: URL
        let state: URL
        let tmux: TmuxSession

        init(workspace: URL, state: URL, tmux: TmuxSession) {
            self.workspace = workspace
            self.state = state
            self.tmux = tmux
        }

        static func start() async throws -> Session {
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-state-\(UUID().uuidString)")
            return Session(workspace: try ProjectPaths.copyOfShop(), state: state,
                           tmux: try await TmuxSession.start(environment: ["XDG_STATE_HOME": state.path]))
        }

        deinit {
            try? FileManager.default.removeItem(at: workspace)
            try? FileManager.default.removeItem(at: state)
        }

        func launch() async throws {
            try await tmux.type("\(SvcWizBinary.path) --workspace '\(workspace.path)'")
            try await tmux.keys("Enter")
            try await tmux.waitFor { $0.contains("NAME") && $0.contains("services") }
        }

        func run(_ steps: [Step]) async throws {
            for step in steps {
                switch step {
                case .press(let names):
                    for name in names {
                        try await tmux.keys(name)
                        try await Task.sleep(nanoseconds: 120_000_000)
                    }
                case .type(let text):
                    try await tmux.type(text)
                    try await Task.sleep(nanoseconds: 120_000_000)
                case .wait(let text):
                    try await tmux.waitFor { $0.contains(text) }
                }
            }
        }

        func created(_ name: String) async throws -> ManifestNode {
            let path = workspace.appendingPathComponent("shop/\(name).service.yaml").path
            let validation = try await SvcWizBinary.run(["validate", path])
            #expect(validation.status == 0, "\(validation.stdout)")
            return try #require(try ManifestReader.objects(String(contentsOfFile: path, encoding: .utf8)).first)
        }
    }

    @Test func everyTypeAndAccessModeByKeysAlone() async throws {
        let session = try await Session.start()
        try await session.launch()
        // VirtualIP with a selector picked from a workload, two ports and a fixed NodePort.
        try await session.run([.keys("c"), .wait("Create service"), .type("shop-api"), .keys("C-n"), .wait("Selector"),
                         .keys("C-w"), .wait("Pick workloads"), .keys("Down", "Enter"), .wait("Deployment cart"),
                         .keys("Tab", "Tab", "Tab", "Tab"), .type("http"), .keys("Tab", "Tab", "Tab"), .type("80"),
                         .keys("Tab"), .type("8080"), .keys("C-a"), .type("metrics"), .keys("Tab", "Tab", "Tab"), .type("9090"),
                         .keys("C-n"), .wait("Labels"), .keys("C-n"), .wait("Access"), .keys("Right"), .wait("Node ports"),
                         .keys("Tab"), .type("30090"), .keys("C-s"), .wait("Created service shop-api")])
        let nodePort = try await session.created("shop-api")
        #expect(nodePort.node(at: "spec.type")?.string == "NodePort")
        #expect(nodePort.node(at: "spec.selector.app")?.string == "cart")
        #expect(nodePort.node(at: "spec.ports[0].nodePort")?.int == 30090)
        #expect(nodePort.node(at: "spec.ports[1].port")?.int == 9090)
        #expect(nodePort.node(at: "metadata.labels.app")?.string == "shop-api")

        // Headless with a selector.
        try await session.run([.keys("Escape"), .wait("NAME"), .keys("c"), .wait("Create service"), .type("db"), .keys("C-n"),
                         .wait("Selector"), .keys("Right"), .keys("Tab"), .type("app"), .keys("Tab"), .type("mysql"),
                         .keys("Tab"), .type("mysql"), .keys("Tab", "Tab", "Tab"), .type("3306"), .keys("C-s"), .wait("Created service db")])
        let headless = try await session.created("db")
        #expect(headless.node(at: "spec.clusterIP")?.string == "None")
        #expect(headless.node(at: "spec.ports[0].port")?.int == 3306)

        // Headless with an external name.
        try await session.run([.keys("Escape"), .wait("NAME"), .keys("c"), .wait("Create service"), .type("pay"), .keys("C-n"),
                         .wait("Selector"), .keys("Right", "Right"), .wait("External name"), .keys("Tab"),
                         .type("pay.example.com"), .keys("C-s"), .wait("Created service pay")])
        let external = try await session.created("pay")
        #expect(external.node(at: "spec.type")?.string == "ExternalName")
        #expect(external.node(at: "spec.externalName")?.string == "pay.example.com")

        // LoadBalancer with the QingCloud preset.
        try await session.run([.keys("Escape"), .wait("NAME"), .keys("c"), .wait("Create service"), .type("edge2"), .keys("C-n"),
                         .wait("Selector"), .keys("Tab"), .type("app"), .keys("Tab"), .type("frontend"), .keys("Tab"),
                         .type("https"), .keys("Tab", "Tab", "Tab"), .type("443"), .keys("Tab"), .type("8080"),
                         .keys("C-n"), .wait("Labels"), .keys("C-n"), .wait("Access"), .keys("Right", "Right"), .wait("Provider"),
                         .keys("Tab", "Tab"), .keys("Left", "Left"), .wait("qingcloud"), .keys("Tab", "Tab"), .type("eip-123"),
                         .keys("C-s"), .wait("Created service edge2")])
        let balancer = try await session.created("edge2")
        #expect(balancer.node(at: "spec.type")?.string == "LoadBalancer")
        #expect(balancer.node(at: "metadata.annotations[service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids]")?.string == "eip-123")
        #expect(balancer.node(at: "metadata.annotations[service.beta.kubernetes.io/qingcloud-load-balancer-type]")?.string == "0")

        // LoadBalancer with the OpenELB preset.
        try await session.run([.keys("Escape"), .wait("NAME"), .keys("c"), .wait("Create service"), .type("edge3"), .keys("C-n"),
                         .wait("Selector"), .keys("Tab"), .type("app"), .keys("Tab"), .type("frontend"), .keys("Tab"),
                         .type("http"), .keys("Tab", "Tab", "Tab"), .type("80"), .keys("C-n"), .wait("Labels"), .keys("C-n"),
                         .wait("Access"), .keys("Right", "Right"), .wait("Provider"), .keys("Tab", "Tab"), .keys("Left"),
                         .wait("openelb"), .keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab"), .type("eip-pool"),
                         .keys("C-s"), .wait("Created service edge3")])
        let openELB = try await session.created("edge3")
        #expect(openELB.node(at: "metadata.annotations[lb.kubesphere.io/v1alpha1]")?.string == "openelb")
        #expect(openELB.node(at: "metadata.annotations[eip.openelb.kubesphere.io/v1alpha2]")?.string == "eip-pool")

        // VirtualIP without external access, with ClientIP session affinity.
        try await session.run([.keys("Escape"), .wait("NAME"), .keys("c"), .wait("Create service"), .type("sticky"), .keys("C-n"),
                         .wait("Selector"), .keys("Tab"), .type("app"), .keys("Tab"), .type("cart"), .keys("Tab"),
                         .type("http"), .keys("Tab", "Tab", "Tab"), .type("80"), .keys("Tab", "Tab"), .keys("Right"),
                         .wait("timeout"), .keys("C-s"), .wait("Created service sticky")])
        let sticky = try await session.created("sticky")
        #expect(sticky.node(at: "spec.sessionAffinity")?.string == "ClientIP")
        #expect(sticky.node(at: "spec.sessionAffinityConfig.clientIP.timeoutSeconds")?.int == 10800)
        #expect(sticky.node(at: "spec.type") == nil || sticky.node(at: "spec.type")?.string == "ClusterIP")
        try await session.run([.keys("Escape"), .wait("NAME"), .keys("q")])
    }

    /// Ctrl-W, Space on cart and catalog (two Deployments that share only `tier: api`),
    /// Enter: the selector is that one label, both workloads match, both workloads' ports
    /// are offered, and the file written selects both.
    @Test func pickingTwoWorkloadsThatShareOneLabelSelectsBoth() async throws {
        let session = try await Session.start()
        try await session.launch()
        try await session.run([.keys("c"), .wait("Create service"), .type("shop-api"), .keys("C-n"), .wait("Selector"),
                               .keys("C-w"), .wait("Deployment catalog  app=catalog,tier=api"),
                               .keys("Down", "Space"), .wait("1 marked, sharing app=cart,tier=api"),
                               .keys("Space"), .wait("2 marked, sharing tier=api"),
                               .keys("Enter"), .wait("Selector set to tier=api"),
                               .wait("matches 2: Deployment cart, Deployment catalog"),
                               .wait("workload ports: http (8080), http (8000), grpc (50051)"),
                               .keys("Tab", "Tab", "Tab", "Tab", "Tab"), .type("80"), .keys("Tab"), .type("http"),
                               .keys("C-s"), .wait("Created service shop-api")])
        let created = try await session.created("shop-api")
        #expect(created.node(at: "spec.selector")?.keys == ["tier"])
        #expect(created.node(at: "spec.selector.tier")?.string == "api")
        #expect(created.node(at: "spec.ports[0].port")?.int == 80)
        #expect(created.node(at: "spec.ports[0].targetPort")?.string == "http")
    }

    @Test func aKilledWizardResumesFromItsDraft() async throws {
        let session = try await Session.start()
        try await session.launch()
        try await session.run([.keys("c"), .wait("Create service"), .type("resumed"), .keys("C-n"), .wait("Selector"),
                         .keys("Tab", "Tab", "Tab"), .type("http"), .keys("Tab", "Tab", "Tab"), .type("80"), .keys("C-n"),
                         .wait("[3 Labels]"), .keys("Tab", "Tab"), .type("team"), .keys("Tab"), .type("web")])
        let pids = try await session.tmux.childPIDs()
        #expect(!pids.isEmpty)
        for pid in pids { kill(pid, SIGKILL) }
        // SIGKILL cannot be caught, so the terminal is left as it was: reset it, as a person would.
        // The tty is still raw (no CR to NL), so end the line with C-j, and type nothing more
        // until the reset has run: a key sent while the tty is raw would stay in the next line
        // (an Enter as a literal CR before the command).
        try await session.tmux.waitFor { $0.contains("Killed") }
        try await session.tmux.type("stty sane; tput rmcup; clear; echo reset-$((6 * 7))")
        try await session.tmux.keys("C-j")
        try await session.tmux.waitFor { $0.contains("reset-42") }
        try await session.launch()
        try await session.run([.keys("c"), .wait("Unfinished draft"), .wait("resumed"), .keys("r"), .wait("[3 Labels]")])
        let screen = try await session.tmux.screen()
        #expect(screen.contains("team"))
        #expect(screen.contains("web"))
        try await session.run([.keys("C-s"), .wait("Created service resumed")])
        let created = try await session.created("resumed")
        #expect(created.node(at: "metadata.annotations.team")?.string == "web")
        try await session.run([.keys("Escape"), .wait("NAME"), .keys("c"), .wait("Create service")])
        let screen2 = try await session.tmux.screen()
        #expect(!screen2.contains("Unfinished draft"), "a created service removes its draft")
    }
}
