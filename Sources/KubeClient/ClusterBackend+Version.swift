import ServiceModel
import ServiceStore

extension ClusterBackend {
    /// The server's release from `GET /version` (`major`, `minor`; managed clusters write
    /// `minor: "28+"`), as the server names it in `gitVersion`.
    package struct ServerVersion: Sendable, Hashable {
        package var major: String
        package var minor: String
        package var gitVersion: String

        /// The rules profile of this release, or why there is none.
        package func kubeVersion() throws(KubeVersionError) -> KubeVersion {
            try KubeVersion.parse(major: major, minor: minor)
        }
    }

    package func serverVersion() async throws(StoreError) -> ServerVersion {
        let response = try await transport.send(.get("/version"))
        guard response.isSuccess, let object = response.json else {
            throw StoreError.from(response, APIOperation(verb: "get", resource: "version", name: "", namespace: nil))
        }
        return ServerVersion(major: object["major"]?.scalarText ?? "", minor: object["minor"]?.scalarText ?? "",
                             gitVersion: object["gitVersion"]?.scalarText ?? "")
    }
}
