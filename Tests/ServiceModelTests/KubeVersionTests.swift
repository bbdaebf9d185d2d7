import Testing
@testable import ServiceModel

@Suite struct KubeVersionTests {
    @Test(arguments: [("1.24", 24), ("v1.28.3", 28), ("v1.28.3-gke.1286000", 28), (" 1.36 ", 36), ("latest", 36), ("LATEST", 36), ("1.30", 30)])
    func readsWhatUsersType(_ text: String, _ minor: Int) throws {
        #expect(try KubeVersion.parse(text) == KubeVersion(minor: minor))
    }

    @Test(arguments: ["1.23", "1.37", "2.0", "0.24"])
    func refusesReleasesWithoutAProfile(_ text: String) {
        #expect(throws: KubeVersionError.unsupported(text)) { try KubeVersion.parse(text) }
    }

    @Test(arguments: ["", "1", "1.x", "abc", "1..24", "-1.24"])
    func refusesTextThatIsNoVersion(_ text: String) {
        #expect(throws: KubeVersionError.unreadable(text)) { try KubeVersion.parse(text) }
    }

    @Test func readsManagedClusterMinors() throws {
        #expect(try KubeVersion.parse(major: "1", minor: "28+") == KubeVersion(minor: 28))
        #expect(throws: KubeVersionError.self) { try KubeVersion.parse(major: "1", minor: "") }
    }

    @Test func errorsNameTheSupportedRange() {
        #expect(KubeVersionError.unsupported("1.20").message(in: .en)
            == "Kubernetes 1.20 is not supported; svcwiz has the rules of 1.24 to 1.36 (latest = 1.36)")
        #expect(KubeVersionError.unreadable("1.x").message(in: .zh).contains("1.24 到 1.36"))
    }
}
