import ServiceModel

extension APIStore {
    /// `GET /version` as a server of `kubeVersion` answers it (fields as recorded in
    /// fixture 001).
    var versionBody: ManifestNode {
        .mapping([
            "major": .string("1"), "minor": .string("\(kubeVersion.minor)"),
            "gitVersion": .string("v1.\(kubeVersion.minor).0"), "gitTreeState": .string("clean"),
            "compiler": .string("gc"), "platform": .string("linux/amd64"),
        ])
    }
}
