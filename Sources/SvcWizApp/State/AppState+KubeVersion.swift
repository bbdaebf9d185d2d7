import ServiceModel
import ServiceStore

extension AppState {
    /// The wizard's rules for the release in use. A workspace is checked as a fresh
    /// single-stack cluster; a cluster's IP families are the server's to judge.
    var wizardRules: RuleSet {
        RuleSet(wizardRules: true, profile: RulesProfile(choices.kubeVersion.version),
                serviceIPFamilies: backend.kind == .workspace ? ["IPv4"] : nil)
    }

    /// `k8s 1.28` in the title; when a cluster did not give its version, says so and which
    /// rules stand in.
    var kubeVersionTitle: String {
        choices.kubeVersion.source == .clusterUnanswered
            ? text(.kubeVersionTitleUnknown, choices.kubeVersion.version.description)
            : text(.kubeVersionTitle, choices.kubeVersion.version.description)
    }
}
