import Foundation
import Testing
@testable import ServiceModel

/// The recorded kube-apiserver v1.24 fixtures (/work/shared/fixtures/kube-api, see its
/// README): every request the server refused with 422 must get the same set of
/// (field, reason) causes from `ServiceValidator`, and every Service it accepted must get none.
enum KubeFixtures {
    /// `SVCWIZ_KUBE_FIXTURES`, then `Tests/Fixtures/kube-api` in this package, then the
    /// shared folder of the development machine.
    static let directory: URL? = {
        var candidates: [URL] = []
        if let override = ProcessInfo.processInfo.environment["SVCWIZ_KUBE_FIXTURES"] {
            candidates.append(URL(fileURLWithPath: override))
        }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(package.appendingPathComponent("Fixtures/kube-api"))
        candidates.append(URL(fileURLWithPath: "/work/shared/fixtures/kube-api"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }()

    struct Fixture: Sendable {
        var number: Int
        var method: String
        var path: String
        var contentType: String
        var body: ManifestNode
        var status: Int
        var response: ManifestNode

        /// The stored Service a PUT or PATCH changed. For an accepted change, the stored
        /// object with the same uid and the highest resourceVersion up to the response's (the
        /// fixtures are numbered in recording order, except 109 and 126, recorded later on a
        /// re-created service); for a refused one, the last one recorded before it.
        func previous(in all: [Fixture]) -> ManifestNode? {
            guard method != "POST" else { return nil }
            let parts = path.split(separator: "/")
            let name = String(parts.last ?? ""), namespace = String(parts[parts.count - 3])
            let candidates = all.filter { other in
                other.number != number && (200...201).contains(other.status)
                    && other.response["kind"]?.string == "Service"
                    && other.response["metadata"]?["name"]?.string == name
                    && other.response["metadata"]?["namespace"]?.string == namespace
            }
            guard response["kind"]?.string == "Service" else {
                return candidates.last { $0.number < number }?.response
            }
            let version = response.resourceVersion
            return candidates
                .filter { $0.response["metadata"]?["uid"] == response["metadata"]?["uid"] && $0.response.resourceVersion <= version }
                .max { $0.response.resourceVersion < $1.response.resourceVersion }?.response
        }

        /// The object the server validated: the body, or the previous object with a JSON
        /// merge patch (RFC 7386) applied.
        func object(in all: [Fixture]) -> ManifestNode {
            guard contentType == "application/merge-patch+json", let previous = previous(in: all) else { return body }
            return mergePatch(previous, body)
        }

        /// The causes of a 422 response.
        var causes: Set<Cause> {
            Set((response["details"]?["causes"]?.items ?? []).map {
                Cause(field: $0["field"]?.string ?? "", reason: $0["reason"]?.string ?? "")
            })
        }
    }

    static let all: [Fixture] = {
        guard let directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return names.sorted().compactMap { name -> Fixture? in
            guard name.hasSuffix(".json"), let number = Int(name.prefix(3)),
                  let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  let node = try? TestJSON.parse(data),
                  let request = node["request"], let response = node["response"]
            else { return nil }
            return Fixture(
                number: number, method: request["method"]?.string ?? "", path: request["path"]?.string ?? "",
                contentType: request["headers"]?["Content-Type"]?.string ?? "", body: request["body"] ?? .null,
                status: response["status"]?.int ?? 0, response: response["body"] ?? .null)
        }
    }()

    static func fixture(_ number: Int) -> Fixture? { all.first { $0.number == number } }

    /// Dry-run responses carry placeholder allocations (060: node port 32769, outside the
    /// range), so only their requests are checked.
    static let placeholderResponses: Set<Int> = [60]

    static func mergePatch(_ target: ManifestNode, _ patch: ManifestNode) -> ManifestNode {
        guard let entries = patch.entries else { return patch }
        var result = target.isMapping ? target : .mapping()
        for entry in entries {
            result[entry.key] = entry.value.isNull ? nil : mergePatch(result[entry.key] ?? .null, entry.value)
        }
        return result
    }
}

extension ManifestNode {
    fileprivate var resourceVersion: Int { Int(self["metadata"]?["resourceVersion"]?.string ?? "") ?? 0 }
}

/// A 422 fixture and how its causes relate to ours.
struct InvalidFixture: Sendable, CustomTestStringConvertible {
    var number: Int
    /// Causes we report that the server hid, and why.
    var extra: Set<Cause> = []
    var testDescription: String { String(format: "%03d", number) }
}

/// 422 fixtures whose causes need cluster state, with the reason they are not compared.
let serverOnlyFixtures: [Int: String] = [
    64: "nodePort 30080 is already allocated to another service: only the cluster knows",
    75: "nodePort 30080 is already allocated to another service: only the cluster knows",
    78: "clusterIP 192.168.1.10 is outside the service CIDR 10.96.0.0/16: a cluster setting",
    79: "clusterIP 10.96.100.100 is already allocated: only the cluster knows",
]

let invalidFixtures: [InvalidFixture] = [
    InvalidFixture(number: 62), InvalidFixture(number: 71), InvalidFixture(number: 72), InvalidFixture(number: 73),
    InvalidFixture(number: 74),
    // The server allocates node ports before it validates and returns the range error
    // alone, hiding the bad name; we report both at once.
    InvalidFixture(number: 76, extra: [Cause(field: "metadata.name", reason: "FieldValueInvalid")]),
    InvalidFixture(number: 77), InvalidFixture(number: 80), InvalidFixture(number: 81), InvalidFixture(number: 82),
    InvalidFixture(number: 83), InvalidFixture(number: 84), InvalidFixture(number: 85), InvalidFixture(number: 86),
    InvalidFixture(number: 103), InvalidFixture(number: 104), InvalidFixture(number: 116), InvalidFixture(number: 120),
]

@Suite(.enabled(if: KubeFixtures.directory != nil, "the kube-api fixtures are not on this machine"))
struct KubeFixtureValidationTests {
    @Test func everyServiceFixtureWithA422IsCoveredOrSkippedWithAReason() {
        let covered = Set(invalidFixtures.map(\.number)).union(serverOnlyFixtures.keys)
        let all422 = KubeFixtures.all.filter { $0.status == 422 && $0.path.contains("/services") && $0.body.isMapping }
            .filter { $0.contentType == "application/json" || $0.contentType == "application/merge-patch+json" }
        #expect(!all422.isEmpty)
        #expect(Set(all422.map(\.number)) == covered)
    }

    @Test(arguments: invalidFixtures)
    func sameCausesAsTheAPIServer(_ expected: InvalidFixture) throws {
        let fixture = try #require(KubeFixtures.fixture(expected.number))
        #expect(fixture.status == 422)
        let previous = fixture.previous(in: KubeFixtures.all)
        let errors = ServiceValidator.validate(fixture.object(in: KubeFixtures.all), previous: previous, rules: recordedServer)
        #expect(Set(errors.map(\.cause)) == fixture.causes.union(expected.extra), "\(errors)")
    }

    @Test func causesOfTheManyCausesFixtureComeInTheServersOrder() throws {
        let fixture = try #require(KubeFixtures.fixture(71))
        let server = (fixture.response["details"]?["causes"]?.items ?? []).map {
            "\($0["field"]?.string ?? "") \($0["reason"]?.string ?? "")"
        }
        #expect(ServiceValidator.validate(fixture.body, rules: recordedServer).map(\.cause.description) == server)
    }

    @Test(arguments: KubeFixtures.all.filter { fixture in
        (200...201).contains(fixture.status) && fixture.path.contains("/services") && ["POST", "PUT", "PATCH"].contains(fixture.method)
            && ["application/json", "application/merge-patch+json"].contains(fixture.contentType)
    }.map(\.number))
    func everyServiceTheAPIServerAcceptedIsValid(_ number: Int) throws {
        let fixture = try #require(KubeFixtures.fixture(number))
        let previous = fixture.previous(in: KubeFixtures.all)
        #expect(ServiceValidator.validate(fixture.object(in: KubeFixtures.all), previous: previous, rules: recordedServer).isEmpty)
        if !KubeFixtures.placeholderResponses.contains(number) {
            #expect(ServiceValidator.validate(fixture.response, previous: previous, rules: recordedServer).isEmpty)
        }
    }

    @Test func aQuotedOrWordPortIsATypeErrorAsIn090() throws {
        let fixture = try #require(KubeFixtures.fixture(90))
        #expect(fixture.status == 400)
        let errors = ServiceValidator.validate(fixture.body, rules: recordedServer)
        #expect(errors.map(\.cause.description) == ["spec.ports[0].port FieldValueInvalid"])
        #expect(errors.first?.message(in: .en) == "must be a number without quotes, e.g. 80")
    }

    @Test func aPodIsNotAServiceAsIn092() throws {
        let fixture = try #require(KubeFixtures.fixture(92))
        #expect(ServiceValidator.validate(fixture.body, rules: recordedServer).map(\.key) == [.kindService])
    }

    @Test func defaultsMatchWhatTheServerStored() throws {
        // The fields SetDefaults_Service fills are the ones the 201 responses show.
        for number in [40, 43, 44, 46, 47, 48, 50, 52] {
            let fixture = try #require(KubeFixtures.fixture(number))
            let defaulted = ServiceDefaults.apply(to: fixture.body)
            for field in ["type", "sessionAffinity", "sessionAffinityConfig", "externalTrafficPolicy", "internalTrafficPolicy",
                          "allocateLoadBalancerNodePorts"] {
                let mine = defaulted["spec"]?[field], server = fixture.response["spec"]?[field]
                #expect(mine.map { server?.sameData(as: $0) ?? false } ?? (server == nil), "\(number) spec.\(field)")
            }
            let ports = defaulted["spec"]?["ports"]?.items ?? []
            let serverPorts = fixture.response["spec"]?["ports"]?.items ?? []
            #expect(ports.count == serverPorts.count)
            for (mine, server) in zip(ports, serverPorts) {
                for field in ["protocol", "targetPort"] {
                    #expect(mine[field].map { server[field]?.sameData(as: $0) ?? false } ?? false, "\(number) ports.\(field)")
                }
            }
        }
    }
}

/// The fixtures were recorded from a single-stack v1.24 API server: its rules are the ones
/// to match.
private let recordedServer = RuleSet.server(.oldest)
