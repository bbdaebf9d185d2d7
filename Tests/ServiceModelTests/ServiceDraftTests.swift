import Testing
@testable import ServiceModel

struct ServiceDraftTests {
    static let loadBalancerYAML = """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
      namespace: shop
      uid: 1234
      resourceVersion: "42"
      labels:
        app: web
        version: "1.0"
      annotations:
        kubesphere.io/alias-name: 网站
        kubesphere.io/description: |
          the shop's web front
        kubesphere.io/creator: admin
        service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids: eip-1
        service.beta.kubernetes.io/qingcloud-load-balancer-type: "0"
    spec:
      type: LoadBalancer
      clusterIP: 10.0.0.7
      clusterIPs:
      - 10.0.0.7
      selector:
        app: web
      ports:
      - name: http
        protocol: TCP
        appProtocol: http
        port: "80"
        targetPort: 8080
        nodePort: 30080
        x-unknown: keep
      - name: metrics
        port: 9090
        targetPort: metrics
      sessionAffinity: ClientIP
      sessionAffinityConfig:
        clientIP:
          timeoutSeconds: 600
      externalTrafficPolicy: Local
      loadBalancerSourceRanges:
      - 10.0.0.0/8
      loadBalancerIP: 1.2.3.4
      futureField: {a: 1}
    status:
      loadBalancer:
        ingress:
        - ip: 1.2.3.4
    """

    static func node(_ yaml: String) throws -> ManifestNode {
        try #require(try ManifestReader.objects(yaml).first)
    }

    /// Every path where two nodes differ, as deep as both are mappings or sequences.
    static func differences(_ a: ManifestNode?, _ b: ManifestNode?, at path: FieldPath = .root) -> [FieldPath] {
        if let ea = a?.entries, let eb = b?.entries {
            let keys = ea.map(\.key) + eb.map(\.key).filter { k in !ea.contains { $0.key == k } }
            return keys.flatMap { differences(a?[$0], b?[$0], at: path.child($0)) }
        }
        if let ia = a?.items, let ib = b?.items, ia.count == ib.count {
            return ia.indices.flatMap { differences(ia[$0], ib[$0], at: path.index($0)) }
        }
        return a == b ? [] : [path]
    }

    // MARK: reading

    @Test func readsEveryField() throws {
        let draft = ServiceDraft(manifest: try Self.node(Self.loadBalancerYAML))
        #expect(draft.name == "web")
        #expect(draft.namespace == "shop")
        #expect(draft.alias == "网站")
        #expect(draft.description == "the shop's web front\n")
        #expect(draft.kind == .virtualIP)
        #expect(draft.externalAccess == .loadBalancer)
        #expect(draft.clusterIP == "10.0.0.7")
        #expect(draft.selector == [KeyValueRow(key: "app", value: "web")])
        #expect(draft.ports.count == 2)
        let http = draft.ports[0]
        #expect([http.name, http.protocol, http.appProtocol, http.port, http.targetPort, http.nodePort]
            == ["http", "TCP", "http", "80", "8080", "30080"])
        let metrics = draft.ports[1]
        #expect([metrics.name, metrics.protocol, metrics.port, metrics.targetPort, metrics.nodePort]
            == ["metrics", "", "9090", "metrics", ""])
        #expect(metrics.effectiveProtocol == "TCP")
        #expect(draft.sessionAffinity == .clientIP)
        #expect(draft.sessionAffinityTimeout == "600")
        #expect(draft.labels == [KeyValueRow(key: "app", value: "web"), KeyValueRow(key: "version", value: "1.0")])
        #expect(draft.annotations == [KeyValueRow(key: "kubesphere.io/creator", value: "admin")])
        #expect(draft.loadBalancerProvider == .qingCloud)
        #expect(draft.loadBalancerAnnotations == [
            KeyValueRow(key: LoadBalancerProvider.qingCloudEIPIDs, value: "eip-1"),
            KeyValueRow(key: LoadBalancerProvider.qingCloudType, value: "0"),
        ])
        #expect(draft.externalTrafficPolicy == "Local")
        #expect(draft.loadBalancerSourceRanges == ["10.0.0.0/8"])
    }

    @Test func presetKeysOfAServiceThatIsNotALoadBalancerAreOrdinaryAnnotations() throws {
        let draft = ServiceDraft(manifest: try Self.node("""
        metadata:
          annotations:
            lb.kubesphere.io/v1alpha1: openelb
        spec:
          type: NodePort
        """))
        #expect(draft.loadBalancerAnnotations.isEmpty)
        #expect(draft.annotations == [KeyValueRow(key: LoadBalancerProvider.openELBLoadBalancer, value: "openelb")])
    }

    // MARK: applying

    @Test func applyTouchesOnlyOwnedPaths() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.name = "web2"
        draft.namespace = "shop2"
        draft.alias = "新"
        draft.description = ""
        draft.labels.append(KeyValueRow(key: "tier", value: "front"))
        draft.annotations = [KeyValueRow(key: "note", value: "x")]
        draft.selector = [KeyValueRow(key: "app", value: "web2")]
        draft.ports[0].targetPort = "8081"
        draft.ports[1].port = "9091"
        draft.sessionAffinityTimeout = "700"
        draft.externalTrafficPolicy = "Cluster"
        draft.loadBalancerSourceRanges = ["192.168.0.0/16"]
        draft.loadBalancerAnnotations[0].value = "eip-2"
        let out = draft.apply(to: base)
        let owned: [FieldPath] = [
            "metadata.name", "metadata.namespace", "metadata.labels", "metadata.annotations", "spec.selector",
            "spec.ports[0].targetPort", "spec.ports[1].port", "spec.sessionAffinityConfig.clientIP.timeoutSeconds",
            "spec.externalTrafficPolicy", "spec.loadBalancerSourceRanges",
        ]
        let changed = Self.differences(base, out)
        #expect(!changed.isEmpty)
        for path in changed {
            #expect(owned.contains { path.hasPrefix($0) }, "\(path) changed")
        }
        #expect(out.keys == base.keys)
        #expect(out["status"] == base["status"])
        #expect(out.node(at: "spec.ports[0].x-unknown")?.string == "keep")
        #expect(out.node(at: "spec.futureField") == base.node(at: "spec.futureField"))
        #expect(out.node(at: "metadata.annotations")?.keys == [
            ServiceAnnotations.alias, LoadBalancerProvider.qingCloudEIPIDs, LoadBalancerProvider.qingCloudType, "note",
        ])
        #expect(ServiceDraft(manifest: out).apply(to: out) == out)
    }

    @Test func uneditedValuesKeepTheirScalarKinds() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.ports[1].name = "prom"
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.ports[0].port")?.string == "80")
        #expect(out.node(at: "spec.ports[0].targetPort")?.int == 8080)
        #expect(out.node(at: "spec.ports[1].targetPort")?.string == "metrics")
        #expect(out.node(at: "metadata.labels.version")?.string == "1.0")
    }

    @Test(arguments: [
        ("8081", ManifestNode.int(8081)),
        ("http-web", ManifestNode.string("http-web")),
        ("", nil),
    ])
    func editedTargetPortIsANumberWhenDigitsElseAName(typed: String, written: ManifestNode?) throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.ports[0].targetPort = typed
        #expect(draft.apply(to: base).node(at: "spec.ports[0].targetPort") == written)
    }

    @Test func aPortTheManifestCannotHoldStaysInTheDraftAndIsLeftOut() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.ports[0].port = "80x"
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.ports[0].port") == nil)
        #expect(out.node(at: "spec.ports[0].name")?.string == "http")
        #expect(draft.ports[0].port == "80x")
        draft.ports[0].port = "81"
        #expect(draft.apply(to: base).node(at: "spec.ports[0].port") == .int(81))
    }

    @Test func removingAPortRowKeepsTheOtherPortsAsWritten() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.ports.swapAt(0, 1)
        draft.ports.removeLast()
        draft.ports.append(PortRow(name: "https", port: "443"))
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.ports[0]") == base.node(at: "spec.ports[1]"))
        #expect(out.node(at: "spec.ports[1]") == .mapping(["name": .string("https"), "port": .int(443), "protocol": .string("TCP")]))
    }

    @Test func duplicateAndHalfTypedRowsStayInTheDraftAndTheFirstKeyWins() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.labels = [KeyValueRow(key: "app", value: "a"), KeyValueRow(key: "", value: "half"),
                        KeyValueRow(key: "app", value: "b"), KeyValueRow()]
        let out = draft.apply(to: base)
        #expect(out.node(at: "metadata.labels") == .mapping(["app": .string("a")]))
        #expect(draft.labels.count == 4)
        draft.labels = []
        #expect(draft.apply(to: base).node(at: "metadata.labels") == nil)
    }

    @Test func newServiceIsWrittenInKubectlOrder() {
        var draft = ServiceDraft.empty(namespace: "shop")
        #expect(draft.kind == .virtualIP)
        #expect(draft.externalAccess == .none)
        draft.setName("web")
        draft.alias = "网站"
        draft.selector = [KeyValueRow(key: "app", value: "web")]
        draft.ports[0].port = "80"
        draft.ports[0].targetPort = "8080"
        #expect(YAMLWriter.write(draft.makeManifest()) == """
        apiVersion: v1
        kind: Service
        metadata:
          annotations:
            kubesphere.io/alias-name: 网站
          labels:
            app: web
          name: web
          namespace: shop
        spec:
          ports:
          - port: 80
            protocol: TCP
            targetPort: 8080
          selector:
            app: web
          type: ClusterIP

        """)
    }

    // MARK: kinds

    @Test func switchingKindKeepsPortsAndSelector() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        let ports = draft.ports, selector = draft.selector

        draft.kind = .headlessSelector
        #expect(draft.externalAccess == .none)
        var out = draft.apply(to: base)
        #expect(out.node(at: "spec.clusterIP")?.string == "None")
        #expect(out.node(at: "spec.clusterIPs") == .sequence([.string("None")]))
        #expect(out.node(at: "spec.type")?.string == "ClusterIP")
        #expect(out.node(at: "spec.selector") == base.node(at: "spec.selector"))
        #expect(out.node(at: "spec.ports[0].nodePort") == nil)

        draft.kind = .headlessExternalName
        draft.externalName = "db.example.com"
        out = draft.apply(to: base)
        #expect(out.node(at: "spec.type")?.string == "ExternalName")
        #expect(out.node(at: "spec.externalName")?.string == "db.example.com")
        #expect(out.node(at: "spec.selector") == nil)
        #expect(out.node(at: "spec.clusterIP") == nil)
        #expect(out.node(at: "spec.clusterIPs") == nil)
        #expect(out.node(at: "spec.ports")?.items?.count == 2, "an ExternalName writes its ports")
        #expect(draft.selector == selector)

        draft.kind = .virtualIP
        #expect(draft.selector == selector)
        #expect(draft.ports.map(\.port) == ports.map(\.port))
        out = draft.apply(to: base)
        #expect(out.node(at: "spec.selector") == base.node(at: "spec.selector"))
        #expect(out.node(at: "spec.externalName") == nil)
        #expect(out.node(at: "spec.type")?.string == "ClusterIP")
    }

    @Test func anExternalNameReadWithPortsAndASelectorKeepsThem() throws {
        let base = try Self.node("""
        apiVersion: v1
        kind: Service
        metadata: {name: db}
        spec:
          type: ExternalName
          externalName: db.example.com
          selector: {app: db}
          ports:
          - port: 5432
        """)
        var draft = ServiceDraft(manifest: base)
        #expect(draft.kind == .headlessExternalName)
        #expect(draft.externalAccess == .none)
        #expect(draft.apply(to: base) == base)
        draft.externalName = "db2.example.com"
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.ports") == base.node(at: "spec.ports"))
        #expect(out.node(at: "spec.selector") == base.node(at: "spec.selector"))
        #expect(out.node(at: "spec.externalName")?.string == "db2.example.com")

        draft.kind = .headlessSelector
        let headless = draft.apply(to: base)
        #expect(headless.node(at: "spec.externalName") == nil)
        #expect(headless.node(at: "spec.clusterIP")?.string == "None")
        #expect(headless.node(at: "spec.type")?.string == "ClusterIP")
    }

    @Test(arguments: [ServiceKind.headlessSelector, .headlessExternalName])
    func headlessKindsHaveNoExternalAccess(kind: ServiceKind) throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.kind = kind
        #expect(draft.externalAccess == .none)
        draft.externalAccess = .nodePort
        #expect(draft.externalAccess == .none)
        #expect(draft.kind == kind)
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.type")?.string != "LoadBalancer")
        #expect(out.node(at: "spec.ports[0].nodePort") == nil)
        #expect(out.node(at: "spec.loadBalancerSourceRanges") == nil)
        #expect(out.node(at: "spec.loadBalancerIP") == nil)
        #expect(out.node(at: "spec.externalTrafficPolicy") == nil)
        #expect(out.node(at: "metadata.annotations")?.keys == [
            ServiceAnnotations.alias, ServiceAnnotations.description, ServiceAnnotations.creator,
        ])
    }

    // MARK: external access

    @Test(arguments: [ExternalAccess.nodePort, .loadBalancer])
    func switchingToNoneRemovesNodePorts(from access: ExternalAccess) throws {
        var start = ServiceDraft.empty(namespace: "shop")
        start.setName("web")
        start.externalAccess = access
        start.ports = [PortRow(port: "80", nodePort: "30080"), PortRow(port: "81", nodePort: "30081")]
        let base = start.makeManifest()
        #expect(base.node(at: "spec.ports[1].nodePort") == .int(30081))
        var draft = ServiceDraft(manifest: base)
        draft.externalAccess = .none
        #expect(draft.ports.allSatisfy { $0.nodePort.isEmpty })
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.type")?.string == "ClusterIP")
        #expect(out.node(at: "spec.ports")?.items?.allSatisfy { $0["nodePort"] == nil } == true)
        #expect(out.node(at: "spec.ports[1].port") == .int(81))
    }

    @Test func aNodePortTypedDirectlyIntoTypeStillDropsNodePorts() throws {
        let base = try Self.node("spec: {type: NodePort, ports: [{port: 80, nodePort: 30080}]}")
        var draft = ServiceDraft(manifest: base)
        draft.type = "ClusterIP"
        #expect(draft.apply(to: base).node(at: "spec.ports[0]") == .mapping(["port": .int(80)]))
    }

    @Test func leavingLoadBalancerRemovesPresetAnnotationsOnly() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.annotations.append(KeyValueRow(key: "service.beta.kubernetes.io/aws-load-balancer-type", value: "nlb"))
        draft.externalAccess = .nodePort
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.type")?.string == "NodePort")
        #expect(out.node(at: "metadata.annotations")?.keys == [
            ServiceAnnotations.alias, ServiceAnnotations.description, ServiceAnnotations.creator,
            "service.beta.kubernetes.io/aws-load-balancer-type",
        ])
        #expect(out.node(at: "spec.loadBalancerSourceRanges") == nil)
        #expect(out.node(at: "spec.loadBalancerIP") == nil)
        #expect(out.node(at: "spec.ports[0].nodePort") == .int(30080))
        #expect(out.node(at: "spec.externalTrafficPolicy")?.string == "Local")
        #expect(draft.loadBalancerProvider == .qingCloud, "the rows stay in the draft for switching back")
        draft.externalAccess = .loadBalancer
        #expect(draft.apply(to: base).node(at: "metadata.annotations")?.keys == [
            ServiceAnnotations.alias, ServiceAnnotations.description, ServiceAnnotations.creator,
            LoadBalancerProvider.qingCloudEIPIDs, LoadBalancerProvider.qingCloudType,
            "service.beta.kubernetes.io/aws-load-balancer-type",
        ])
    }

    @Test func choosingAProviderWritesItsPreset() throws {
        var draft = ServiceDraft.empty(namespace: "shop")
        draft.setName("web")
        draft.externalAccess = .loadBalancer
        draft.loadBalancerAnnotations = [KeyValueRow(key: "mine", value: "1")]
        #expect(draft.loadBalancerProvider == .custom)
        draft.loadBalancerProvider = .openELB
        #expect(draft.loadBalancerAnnotations == LoadBalancerProvider.openELB.presetRows + [KeyValueRow(key: "mine", value: "1")])
        draft.loadBalancerAnnotations[2].value = "eip-pool"
        draft.loadBalancerProvider = .qingCloud
        #expect(draft.loadBalancerAnnotations.map(\.key) == LoadBalancerProvider.qingCloud.presetKeys + ["mine"])
        #expect(draft.loadBalancerAnnotations.value(of: LoadBalancerProvider.qingCloudType) == "0")
        draft.loadBalancerProvider = .openELB
        draft.loadBalancerAnnotations[2].value = "eip-pool"
        let annotations = draft.makeManifest().node(at: "metadata.annotations")
        #expect(annotations == .mapping([
            "lb.kubesphere.io/v1alpha1": .string("openelb"),
            "protocol.openelb.kubesphere.io/v1alpha1": .string("layer2"),
            "eip.openelb.kubesphere.io/v1alpha2": .string("eip-pool"),
            "mine": .string("1"),
        ]))
        draft.loadBalancerProvider = .custom
        #expect(draft.loadBalancerAnnotations == [KeyValueRow(key: "mine", value: "1")])
    }

    // MARK: session affinity

    @Test func sessionAffinityNoneDropsTheTimeoutConfig() throws {
        let base = try Self.node(Self.loadBalancerYAML)
        var draft = ServiceDraft(manifest: base)
        draft.sessionAffinity = .none
        let out = draft.apply(to: base)
        #expect(out.node(at: "spec.sessionAffinity")?.string == "None")
        #expect(out.node(at: "spec.sessionAffinityConfig") == nil)
        #expect(draft.sessionAffinityTimeout == "600")
        draft.sessionAffinity = .clientIP
        #expect(draft.apply(to: base) == base)
    }

    @Test func clientIPProposesTheDefaultTimeout() {
        var draft = ServiceDraft.empty(namespace: "shop")
        draft.sessionAffinity = .clientIP
        #expect(draft.sessionAffinityTimeout == "10800")
        let out = draft.makeManifest()
        #expect(out.node(at: "spec.sessionAffinity")?.string == "ClientIP")
        #expect(out.node(at: "spec.sessionAffinityConfig.clientIP.timeoutSeconds") == .int(10800))
    }

    // MARK: proposals

    @Test func workloadPickReplacesTheSelector() {
        var draft = ServiceDraft.empty(namespace: "shop")
        draft.selector = [KeyValueRow(key: "app", value: "old")]
        let workload = Workload(kind: .deployment, name: "web", namespace: "shop",
                                podLabels: [("app", "web"), ("tier", "front")], replicas: 2,
                                containerPorts: [.init(name: "http", port: 8080, protocol: "TCP")])
        let change = draft.pick([workload])
        #expect(change.replacedExisting)
        #expect(change.previous == [KeyValueRow(key: "app", value: "old")])
        #expect(draft.selector == [KeyValueRow(key: "app", value: "web"), KeyValueRow(key: "tier", value: "front")])
        #expect(draft.pickedWorkloads == [workload])
        #expect(draft.targetPortSuggestions.map(\.port) == [8080])
        #expect(draft.makeManifest().node(at: "spec.selector")?.keys == ["app", "tier"])

        var blank = ServiceDraft.empty(namespace: "shop")
        blank.selector = [KeyValueRow()]
        #expect(!blank.pick([workload]).replacedExisting)
    }

    @Test func typingANameProposesTheAppLabelUntilTheUserChangesLabels() {
        var draft = ServiceDraft.empty(namespace: "shop")
        draft.setName("w")
        draft.setName("web")
        #expect(draft.labels == [KeyValueRow(key: "app", value: "web")])
        draft.setName("")
        #expect(draft.labels.isEmpty)
        draft.setName("web")
        draft.labels[0].value = "shop-web"
        draft.setName("web2")
        #expect(draft.labels == [KeyValueRow(key: "app", value: "shop-web")])
        #expect(!draft.labelsFollowName)
    }

    @Test(arguments: [
        ("", "", "http", "http-"),
        ("", "", "grpc", "grpc-"),
        ("http-web", "http", "grpc", "grpc-web"),
        ("web", "http", "grpc", "web"),
        ("http-", "http", "example.com/custom", ""),
        ("", "", "example.com/custom", ""),
    ])
    func appProtocolProposesANamePrefix(name: String, before: String, after: String, expected: String) {
        var row = PortRow(name: name, appProtocol: before)
        row.setAppProtocol(after)
        #expect(row.appProtocol == after)
        #expect(row.name == expected)
    }

    // MARK: steps

    @Test(arguments: [
        ("metadata.name", WizardStep.basicInfo),
        ("metadata.namespace", .basicInfo),
        ("metadata.annotations[kubesphere.io/alias-name]", .basicInfo),
        ("metadata.annotations[kubesphere.io/description]", .basicInfo),
        ("metadata.labels", .labels),
        ("metadata.labels[app]", .labels),
        ("metadata.annotations", .labels),
        ("metadata.annotations[prometheus.io/scrape]", .labels),
        ("metadata.annotations[service.beta.kubernetes.io/qingcloud-load-balancer-eip-ids]", .externalAccess),
        ("spec.type", .serviceSettings),
        ("spec.clusterIP", .serviceSettings),
        ("spec.externalName", .serviceSettings),
        ("spec.selector[app]", .serviceSettings),
        ("spec.ports", .serviceSettings),
        ("spec.ports[1].targetPort", .serviceSettings),
        ("spec.ports[1].nodePort", .externalAccess),
        ("spec.sessionAffinityConfig.clientIP.timeoutSeconds", .serviceSettings),
        ("spec.externalTrafficPolicy", .externalAccess),
        ("spec.loadBalancerSourceRanges[0]", .externalAccess),
        ("kind", .basicInfo),
    ])
    func stepForPath(path: String, step: WizardStep) {
        #expect(WizardStep.step(for: FieldPath(path)) == step)
    }

    @Test func errorsAreLocatedAtTheirRow() throws {
        var draft = ServiceDraft(manifest: try Self.node(Self.loadBalancerYAML))
        draft.loadBalancerAnnotations.append(KeyValueRow(key: "custom/lb", value: "x"))
        #expect(draft.location(of: "spec.ports[1].targetPort")
            == DraftLocation(step: .serviceSettings, row: 1, rows: .ports, field: "targetPort"))
        #expect(draft.location(of: "metadata.labels[version]") == DraftLocation(step: .labels, row: 1, rows: .labels))
        #expect(draft.location(of: "metadata.annotations[kubesphere.io/creator]")
            == DraftLocation(step: .labels, row: 0, rows: .annotations))
        #expect(draft.location(of: "metadata.annotations[custom/lb]")
            == DraftLocation(step: .externalAccess, row: 2, rows: .loadBalancerAnnotations))
        #expect(draft.location(of: "metadata.labels") == DraftLocation(step: .labels))
        #expect(draft.location(of: "spec.loadBalancerSourceRanges[0]")
            == DraftLocation(step: .externalAccess, row: 0, rows: .loadBalancerSourceRanges))
    }
}
