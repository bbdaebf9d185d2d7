import ServiceModel
import ServiceStore

extension ClusterBackend {
    /// The server's release from `GET /version` (`major`, `minor`; managed clusters write
    /// `minor: "28+"`), as the server names it in `gitVersion`.
    public struct ServerVersion: Sendable, Hashable {
        public var major: String
        public var minor: String
        public var gitVersion: String

        /// The rules profile of this release, or why there is none.
        public func kubeVersion() throws(KubeVersionError) -> KubeVersion {
            try KubeVersion.parse(major: major, minor: minor)
        }
    }

    public func serverVersion() async throws(StoreError) -> ServerVersion {
        let response = try await transport.send(.get("/version"))
        guard response.isSuccess, let object = response.json else {
            throw StoreError.from(response, APIOperation(verb: "get", resource: "version", name: "", namespace: nil))
        }
        return ServerVersion(major: object["major"]?.scalarText ?? "", minor: object["minor"]?.scalarText ?? "",
                             gitVersion: object["gitVersion"]?.scalarText ?? "")
    }
}
