/// The fields a release removes from a Service before validating it, without an error:
/// fields its API types do not have (the decoder prunes unknown fields) and fields behind a
/// feature gate that is off (`dropServiceDisabledFields` in the registry's strategy).
enum DroppedFields {
    /// The paths of `manifest` that `profile` drops.
    static func paths(_ manifest: ManifestNode, previous: ManifestNode?, profile: RulesProfile) -> [(path: FieldPath, reason: Reason)] {
        guard manifest["spec"]?["trafficDistribution"] != nil else { return [] }
        switch profile.trafficDistribution {
        case .unknownField:
            return [("spec.trafficDistribution", .unknown)]
        case .gatedOff:
            // The strategy keeps a gated field the stored object already uses.
            let inUse = previous?["spec"]?["trafficDistribution"].map { !$0.isNull } ?? false
            return inUse ? [] : [("spec.trafficDistribution", .gatedOff)]
        case .values:
            return []
        }
    }

    enum Reason {
        case unknown
        case gatedOff
    }

    /// `manifest` without what `profile` drops; with `onlyUnknown`, without the fields the
    /// release's types lack only (a gated field is still decoded, so its JSON type counts).
    static func pruned(_ manifest: ManifestNode, previous: ManifestNode?, profile: RulesProfile, onlyUnknown: Bool = false) -> ManifestNode {
        let dropped = paths(manifest, previous: previous, profile: profile).filter { !onlyUnknown || $0.reason == .unknown }
        guard !dropped.isEmpty else { return manifest }
        var result = manifest
        for entry in dropped { _ = result.set(entry.path, to: nil) }
        return result
    }
}

extension ServiceValidator {
    /// `manifest` as a server of `profile` keeps it: without the fields that release does not
    /// know or has gated off (`previous`: the stored object on update).
    package static func droppingUnservedFields(_ manifest: ManifestNode, previous: ManifestNode?, profile: RulesProfile) -> ManifestNode {
        DroppedFields.pruned(manifest, previous: previous, profile: profile)
    }
}
