/// The texts of the rules and warnings that differ between Kubernetes releases, and of the
/// release choice.
extension Catalog {
    static let versionEntries: [MessageKey: (en: String, zh: String)] = [
        .kubeletPortExposed: (
            "may not expose port {0} externally since it is used by kubelet (refused before Kubernetes 1.33); use another port, e.g. 8443",
            "不能对外暴露端口 {0}，它由 kubelet 使用（Kubernetes 1.33 之前拒绝）；请换一个端口，例如 8443"),
        .topologyModeMismatch: (
            "must match annotations[{0}] ({1}) when both are set; give both the same value or remove {0}",
            "与 annotations[{0}]（{1}）同时设置时必须相同；请设为相同的值或删除 {0}"),
        .externalTrafficPolicyExternal: (
            "can only be set with external access NodePort or LoadBalancer, or with external IPs; remove it",
            "仅在外网访问方式为 NodePort 或 LoadBalancer，或设置了外部 IP 时可设置；请删除"),
        .ipFamilyPolicyNotDualStack: (
            "this cluster is not configured for dual-stack services; list one IP family, e.g. ipFamilies: [IPv4]",
            "该集群未配置双栈服务；请只列出一个 IP 协议族，例如 ipFamilies: [IPv4]"),
        .ipFamilyNotConfigured: (
            "{0} is not configured on this cluster (its services use {1}); remove it",
            "该集群未配置 {0}（其服务使用 {1}）；请删除"),

        .warningFieldUnknown: (
            "dropped by {0} servers: Kubernetes {0} does not know this field and removes it silently",
            "{0} 版本的服务器会丢弃此字段：Kubernetes {0} 不认识该字段，会静默删除"),
        .warningFieldGatedOff: (
            "dropped by {0} servers: in Kubernetes {0} this field is behind a feature gate that is off by default",
            "{0} 版本的服务器会丢弃此字段：在 Kubernetes {0} 中该字段受默认关闭的特性门控限制"),
        .warningTopologyHintsDeprecated: (
            "this annotation is deprecated; use {0} instead",
            "该注解已弃用，请改用 {0}"),
        .warningLeadingZeros: (
            "{0} has leading zeros, which other tools may read as octal; write it without them",
            "{0} 含有前导零，其他工具可能按八进制解读；请去掉前导零"),
        .warningNotCanonical: (
            "{0} is not in RFC 5952 canonical form, which may cause controller apply loops; write {1}",
            "{0} 不是 RFC 5952 规范格式，可能导致控制器反复更新；请写为 {1}"),
        .warningIgnoredForHeadless: (
            "ignored for headless services",
            "Headless 服务会忽略此字段"),
        .warningExternalIPsDeprecated: (
            "spec.externalIPs is deprecated and may no longer be implemented in some clusters; prefer a LoadBalancer",
            "spec.externalIPs 已弃用，部分集群可能不再支持；建议改用 LoadBalancer"),
        .warningIgnoredForExternalName: (
            "ignored when type is ExternalName",
            "类型为 ExternalName 时会忽略此字段"),
        .warningExternalNameIgnored: (
            "ignored when type is not ExternalName",
            "类型不是 ExternalName 时会忽略此字段"),
        .warningPreferCloseDeprecated: (
            "{0} is deprecated; use {1}",
            "{0} 已弃用，请改用 {1}"),

        .kubeVersionUnreadable: (
            "{0} is not a Kubernetes version; give one from {1} to {2}, e.g. 1.28, or latest",
            "{0} 不是 Kubernetes 版本；请指定 {1} 到 {2} 之间的版本，例如 1.28，或 latest"),
        .kubeVersionUnsupported: (
            "Kubernetes {0} is not supported; svcwiz has the rules of {1} to {2} (latest = {2})",
            "不支持 Kubernetes {0}；svcwiz 支持 {1} 到 {2} 的规则（latest = {2}）"),
        .kubeVersionUsed: (
            "checked against Kubernetes {0} ({1})",
            "按 Kubernetes {0} 的规则检查（{1}）"),
        .kubeVersionFromFlag: ("set by --kube-version", "由 --kube-version 指定"),
        .kubeVersionFromEnvironment: ("set by SVCWIZ_KUBE_VERSION", "由 SVCWIZ_KUBE_VERSION 指定"),
        .kubeVersionFromFile: ("set by kubernetesVersion in {0}", "由 {0} 中的 kubernetesVersion 指定"),
        .kubeVersionFromDefault: ("the newest supported", "支持的最新版本"),
        .kubeVersionFromCluster: ("the cluster's version", "集群的版本"),
        .kubeVersionClusterUnanswered: (
            "the cluster did not give its version; the newest supported", "集群未返回版本；按支持的最新版本"),
    ]
}
