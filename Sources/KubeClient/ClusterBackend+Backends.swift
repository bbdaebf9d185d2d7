import ServiceModel
import ServiceStore

extension ClusterBackend {
    /// The service's endpoints (EndpointSlices, or Endpoints on clusters without them) with
    /// their pods, nodes and conditions, then the pods its selector matches that are not
    /// endpoints yet (Pending, no IP), and the workloads it selects.
    package func backends(of service: StoredService) async throws(StoreError) -> BackendStatus {
        let (endpoints, targetPorts) = try await endpoints(of: service.id)
        let selector = service.manifest["spec"]?["selector"]?.stringPairs ?? []
        var workloads: [Workload] = []
        var waiting: [BackendPod] = []
        if !selector.isEmpty {
            workloads = ((try? await self.workloads(in: service.namespace)) ?? []).filter { $0.matches(selector: selector) }
            let query = selector.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let pods = ((try? await list(.pods, namespace: service.namespace, query: [("labelSelector", query)]).items) ?? [])
                .map(PodRecord.init)
            let listed = Set(endpoints.compactMap(\.podName))
            waiting = pods.filter { $0.isLive && !listed.contains($0.name) }.map(\.waitingBackend)
        }
        return BackendStatus(workloads: workloads, endpoints: endpoints + waiting, targetPorts: targetPorts)
    }

    /// Ready and total pods per service: one EndpointSlice list (or one Endpoints list on
    /// clusters without slices) for the endpoints, and one pod list for the pods the
    /// selectors match that are not endpoints yet; nil when no endpoints can be read.
    func backendCounts(in namespace: String?, services: [ServiceSummary]) async -> [ServiceID: ServiceSummary.BackendCount]? {
        let selected = services.compactMap { row -> (ServiceID, [(key: String, value: String)])? in
            row.selector.isEmpty ? nil : (row.id, row.selector.map { (key: $0.key, value: $0.value) })
        }
        // Side by side: a relist waits for the slower of the two, not for both in turn.
        async let endpointsRead = endpointMembers(in: namespace)
        async let podsRead = selected.isEmpty ? nil : try? await list(.pods, namespace: namespace).items
        guard var members = await endpointsRead else { return nil }
        if let pods = await podsRead {
            let index = PodIndex(pods.map(PodRecord.init).filter(\.isLive))
            for (id, selector) in selected {
                for pod in index.matching(selector, in: id.namespace) where members[id]?[pod.name] == nil {
                    members[id, default: [:]][pod.name] = false
                }
            }
        }
        return members.mapValues { .init(ready: $0.values.filter { $0 }.count, total: $0.count) }
    }

    /// Per service, each endpoint (by pod name, else address) and whether it is ready.
    private func endpointMembers(in namespace: String?) async -> [ServiceID: [String: Bool]]? {
        var members: [ServiceID: [String: Bool]] = [:]
        do {
            for slice in try await list(.endpointSlices, namespace: namespace).items {
                guard let service = slice["metadata"]?["labels"]?["kubernetes.io/service-name"]?.scalarText else { continue }
                let id = ServiceID(namespace: slice["metadata"]?["namespace"]?.scalarText ?? namespace ?? "default", name: service)
                for endpoint in EndpointReading.slice(slice).endpoints {
                    let key = endpoint.podName ?? endpoint.address ?? ""
                    members[id, default: [:]][key] = (members[id]?[key] ?? false) || endpoint.ready
                }
            }
        } catch .resourceNotFound {
            guard let objects = try? await list(.endpoints, namespace: namespace).items else { return nil }
            for object in objects {
                let id = ServiceID(namespace: object["metadata"]?["namespace"]?.scalarText ?? namespace ?? "default",
                                   name: object["metadata"]?["name"]?.scalarText ?? "")
                for endpoint in EndpointReading.endpoints(object).endpoints {
                    let key = endpoint.podName ?? endpoint.address ?? ""
                    members[id, default: [:]][key] = (members[id]?[key] ?? false) || endpoint.ready
                }
            }
        } catch {
            return nil
        }
        return members
    }

    /// The service's endpoints and its resolved target ports by port name.
    private func endpoints(of service: ServiceID) async throws(StoreError) -> ([BackendPod], [String: Int]) {
        do {
            let slices = try await list(.endpointSlices, namespace: service.namespace,
                                        query: [("labelSelector", "kubernetes.io/service-name=\(service.name)")]).items
            var endpoints: [BackendPod] = []
            var ports: [String: Int] = [:]
            for slice in slices {
                let read = EndpointReading.slice(slice)
                endpoints += read.endpoints
                ports.merge(read.ports) { first, _ in first }
            }
            return (endpoints, ports)
        } catch .resourceNotFound {
            let path = APIResource.endpoints.path(namespace: service.namespace, name: service.name)
            let response = try await transport.send(.get(path))
            if response.status == 404 { return ([], [:]) }
            guard response.isSuccess, let object = response.json else {
                throw StoreError.from(response, APIOperation(verb: "get", resource: "endpoints", id: service))
            }
            let read = EndpointReading.endpoints(object)
            return (read.endpoints, read.ports)
        }
    }
}
