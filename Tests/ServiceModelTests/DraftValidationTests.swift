import Testing
@testable import ServiceModel

struct DraftValidationTests {
    /// A new service with everything the wizard requires filled in.
    static var valid: ServiceDraft {
        var draft = ServiceDraft.empty(namespace: "shop")
        draft.setName("web")
        draft.selector = [KeyValueRow(key: "app", value: "web")]
        draft.ports[0].port = "80"
        draft.ports[0].targetPort = "8080"
        return draft
    }

    @Test func aCompleteNewServiceHasNoErrors() {
        #expect(Self.valid.validate(base: ServiceDraft.newManifest) == [])
    }

    @Test(arguments: [
        ("80x", FieldError(path: "spec.ports[0].port", kind: .invalid, key: .portRange,
                           arguments: ["1", "65535"], badValue: "80x")),
        ("70000", FieldError(path: "spec.ports[0].port", kind: .invalid, key: .portRange,
                             arguments: ["1", "65535"], badValue: "70000")),
    ])
    func aPortIsReportedOnceWhetherTheManifestCanHoldItOrNot(typed: String, expected: FieldError) {
        var draft = Self.valid
        draft.ports[0].port = typed
        let errors = draft.validate(base: ServiceDraft.newManifest)
        #expect(errors == [expected])
        #expect(Catalog.text(errors[0].key, errors[0].arguments, language: .en).contains("1 to 65535"))
        #expect(draft.location(of: errors[0]) == DraftLocation(step: .serviceSettings, row: 0, rows: .ports, field: "port"))
    }

    @Test func nodePortAndTimeoutTypedAsTextAreReported() {
        var draft = Self.valid
        draft.externalAccess = .nodePort
        draft.ports[0].nodePort = "3008O"
        draft.sessionAffinity = .clientIP
        draft.sessionAffinityTimeout = "3h"
        let errors = draft.validate(base: ServiceDraft.newManifest)
        #expect(errors.map(\.path) == ["spec.ports[0].nodePort", "spec.sessionAffinityConfig.clientIP.timeoutSeconds"])
        #expect(errors.map(\.key) == [.nodePortRange, .timeoutRange])
        #expect(errors.map { draft.location(of: $0).step } == [.externalAccess, .serviceSettings])
    }

    @Test func duplicateAndKeylessRowsAreReportedAtTheirRows() {
        var draft = Self.valid
        draft.labels = [KeyValueRow(key: "app", value: "web"), KeyValueRow(key: "app", value: "other"),
                        KeyValueRow(key: "", value: "orphan"), KeyValueRow()]
        let errors = draft.validate(base: ServiceDraft.newManifest)
        #expect(errors.count == 2)
        #expect(errors.contains { $0.kind == .duplicate && $0.key == .duplicateKey && $0.location == FieldPath("metadata.labels").key("app") })
        #expect(errors.contains { $0.location == FieldPath("metadata.labels").key("") })
        #expect(errors.map { draft.location(of: $0) } == [
            DraftLocation(step: .labels, row: 2, rows: .labels),
            DraftLocation(step: .labels, row: 1, rows: .labels),
        ])
    }

    @Test func errorsOfTheWrittenManifestComeFromTheValidator() {
        var draft = Self.valid
        draft.kind = .headlessSelector
        draft.selector = []
        draft.ports[0].targetPort = "Not_A_Name"
        let errors = draft.validate(base: ServiceDraft.newManifest)
        #expect(errors.contains { $0.path == "spec.ports[0].targetPort" })
        #expect(errors.contains { $0.path == "spec.selector" && $0.key == .selectorRequiredHeadless })
        #expect(errors.allSatisfy { draft.location(of: $0).step == .serviceSettings })
    }

    @Test func hiddenSelectorRowsOfAnExternalNameAreNotChecked() {
        var draft = Self.valid
        draft.selector.append(KeyValueRow(key: "app", value: "dup"))
        draft.kind = .headlessExternalName
        draft.externalName = "db.example.com"
        #expect(draft.validate(base: ServiceDraft.newManifest) == [])
    }
}

struct DraftCorpusValidationTests {
    @Test func anUneditedCorpusServiceValidatesAsItsManifest() {
        var failures: [String] = []
        for service in DraftRoundTripTests.services {
            let draft = ServiceDraft(manifest: service.node)
            let expected = ServiceValidator.validate(service.node, rules: .kubernetes)
            if draft.validate(base: service.node, rules: .kubernetes) != expected {
                failures.append("\(service.file) #\(service.index)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    @Test func anUneditedHexPortIsTheValidatorsToJudge() throws {
        let base = try #require(try ManifestReader.objects("""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {selector: {app: web}, ports: [{port: 0x50}]}
        """).first)
        #expect(ServiceDraft(manifest: base).validate(base: base) == [])
    }
}
