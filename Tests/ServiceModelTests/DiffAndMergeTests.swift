import Testing
@testable import ServiceModel

struct DiffAndMergeTests {
    @Test func diffMarksAddedAndRemovedLines() {
        let old = "a\nb\nc\nd\n"
        let new = "a\nB\nc\nd\ne\n"
        #expect(LineDiff.lines(from: old, to: new) == [.same("a"), .removed("b"), .added("B"), .same("c"), .same("d"), .added("e")])
    }

    @Test func identicalTextsHaveNoUnifiedDiff() {
        #expect(LineDiff.unified(from: "x\ny\n", to: "x\ny\n").isEmpty)
    }

    @Test func unifiedDiffKeepsContextAndSeparatesHunks() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        var lines = (1...20).map(String.init)
        lines[1] = "two"
        lines[17] = "eighteen"
        let diff = LineDiff.unified(from: old, to: lines.joined(separator: "\n"), context: 1)
        #expect(diff == [.same("@@"), .same("1"), .removed("2"), .added("two"), .same("3"),
                         .same("@@"), .same("17"), .removed("18"), .added("eighteen"), .same("19")])
    }

    @Test func threeWayMergeKeepsBothSidesChanges() throws {
        let base = try ManifestReader.objects("metadata:\n  name: web\n  labels: {a: '1'}\nspec:\n  type: ClusterIP\n")[0]
        let ours = try ManifestReader.objects("metadata:\n  name: web\n  labels: {a: '1'}\nspec:\n  type: NodePort\n")[0]
        let theirs = try ManifestReader.objects("metadata:\n  name: web\n  labels: {a: '1', b: '2'}\nspec:\n  type: ClusterIP\n")[0]
        let merged = try #require(ManifestMerge.threeWay(base: base, ours: ours, theirs: theirs))
        #expect(merged.node(at: "spec.type")?.string == "NodePort")
        #expect(merged.node(at: "metadata.labels.b")?.string == "2")
    }

    @Test func threeWayMergePrefersOursWhereBothChanged() throws {
        let base = try ManifestReader.objects("spec: {type: ClusterIP}\n")[0]
        let ours = try ManifestReader.objects("spec: {type: NodePort}\n")[0]
        let theirs = try ManifestReader.objects("spec: {type: LoadBalancer}\n")[0]
        #expect(ManifestMerge.threeWay(base: base, ours: ours, theirs: theirs)?.node(at: "spec.type")?.string == "NodePort")
    }

    @Test func aKeyRemovedByUsStaysRemoved() throws {
        let base = try ManifestReader.objects("a: 1\nb: 2\n")[0]
        let ours = try ManifestReader.objects("a: 1\n")[0]
        let theirs = try ManifestReader.objects("a: 1\nb: 2\nc: 3\n")[0]
        #expect(ManifestMerge.threeWay(base: base, ours: ours, theirs: theirs)?.keys == ["a", "c"])
    }
}
