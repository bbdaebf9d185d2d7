/// The catalog's texts. Each says what is wrong and what to type instead, with an example.
/// Chinese follows the KubeSphere console's words: 服务, 端口, 容器端口, 节点端口, 标签,
/// 选择器, 注解, 会话亲和性, 外网访问, 项目.
extension Catalog {
    static let entries: [MessageKey: (en: String, zh: String)] = [
        // Document
        .apiVersionV1: (
            "must be v1, the API version of a Service, e.g. apiVersion: v1",
            "必须为 v1（服务的 API 版本），例如 apiVersion: v1"),
        .kindService: (
            "must be Service; this file describes something else, e.g. kind: Service",
            "必须为 Service；该文件描述的不是服务，例如 kind: Service"),

        // Types
        .typeInteger: (
            "must be a number without quotes, e.g. {0}",
            "必须是不带引号的数字，例如 {0}"),
        .typeIntegerRange: (
            "must be a number from {0} to {1}",
            "必须是 {0} 到 {1} 之间的数字"),
        .typeString: (
            "must be text; put it in quotes, e.g. \"{0}\"",
            "必须是文本，请加上引号，例如 \"{0}\""),
        .typeBoolean: (
            "must be true or false, without quotes",
            "必须是不带引号的 true 或 false"),
        .typeMapping: (
            "must be key: value pairs, one per line, e.g. {0}",
            "必须是“键: 值”形式，每行一项，例如 {0}"),
        .typeSequence: (
            "must be a list with one item per line starting with '- ', e.g. {0}",
            "必须是列表，每行一项并以“- ”开头，例如 {0}"),
        .typePortOrName: (
            "must be a port number without quotes (e.g. 8080) or a port name (e.g. http)",
            "必须是不带引号的端口号（例如 8080）或端口名称（例如 http）"),

        // Required values
        .nameRequired: (
            "enter a name, e.g. web-api",
            "请输入名称，例如 web-api"),
        .portsRequired: (
            "add at least one port, e.g. port 80 with target port 8080",
            "请至少添加一个端口，例如服务端口 80、容器端口 8080"),
        .portNameRequired: (
            "name every port when there are several, e.g. http or grpc-api",
            "有多个端口时每个端口都需要名称，例如 http 或 grpc-api"),
        .externalNameRequired: (
            "enter the domain name the service points to, e.g. db.example.com",
            "请输入服务指向的外部域名，例如 db.example.com"),
        .clusterIPsRequired: (
            "must list the cluster IP address as its first entry, e.g. - 10.96.0.10",
            "必须以集群 IP 地址作为第一项，例如 - 10.96.0.10"),

        // Names
        .tooLong: (
            "must be at most {0} characters; shorten it",
            "最多 {0} 个字符，请缩短"),
        .dns1035Label: (
            "must start with a lowercase letter and contain only lowercase letters, digits and '-', ending with a letter or digit, e.g. web-api",
            "必须以小写字母开头，只能包含小写字母、数字和“-”，并以字母或数字结尾，例如 web-api"),
        .dns1123Label: (
            "must contain only lowercase letters, digits and '-', starting and ending with a letter or digit, e.g. my-name or 123-abc",
            "只能包含小写字母、数字和“-”，并以字母或数字开头和结尾，例如 my-name 或 123-abc"),
        .dns1123LabelDots: (
            "must not contain dots, e.g. my-name",
            "不能包含“.”，例如 my-name"),
        .dns1123Subdomain: (
            "must contain only lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, e.g. example.com",
            "只能包含小写字母、数字、“-”和“.”，并以字母或数字开头和结尾，例如 example.com"),
        .qualifiedNameSlashes: (
            "may contain at most one '/', between an optional domain prefix and the name, e.g. app or example.com/app",
            "最多只能包含一个“/”，用于分隔可选的域名前缀和名称，例如 app 或 example.com/app"),
        .qualifiedNamePrefixEmpty: (
            "the part before '/' must not be empty; write a domain or drop the '/', e.g. example.com/app or app",
            "“/”前的前缀不能为空；请填写域名或去掉“/”，例如 example.com/app 或 app"),
        .qualifiedNamePrefixTooLong: (
            "the prefix before '/' must be at most {0} characters",
            "“/”前的前缀最多 {0} 个字符"),
        .qualifiedNamePrefix: (
            "the prefix before '/' must be a lowercase domain name, e.g. example.com/app",
            "“/”前的前缀必须是小写域名，例如 example.com/app"),
        .qualifiedNameEmpty: (
            "the name must not be empty, e.g. app or example.com/app",
            "名称部分不能为空，例如 app 或 example.com/app"),
        .qualifiedNameTooLong: (
            "the name after any '/' must be at most {0} characters",
            "“/”后的名称部分最多 {0} 个字符"),
        .qualifiedName: (
            "must contain only letters, digits, '-', '_' and '.', starting and ending with a letter or digit, e.g. app or app.kubernetes.io/name",
            "只能包含字母、数字、“-”、“_”和“.”，并以字母或数字开头和结尾，例如 app 或 app.kubernetes.io/name"),
        .labelValue: (
            "must be empty or contain only letters, digits, '-', '_' and '.', starting and ending with a letter or digit, e.g. v1.2 or my_value",
            "可以为空，或只包含字母、数字、“-”、“_”和“.”，并以字母或数字开头和结尾，例如 v1.2 或 my_value"),
        .portNameCharset: (
            "a port name may contain only lowercase letters, digits and '-', e.g. http",
            "端口名称只能包含小写字母、数字和“-”，例如 http"),
        .portNameLetter: (
            "a port name must contain a letter; for a port number remove the quotes, e.g. 8080 or http",
            "端口名称必须包含字母；如果是端口号请去掉引号，例如 8080 或 http"),
        .portNameHyphens: (
            "must not contain '--', e.g. grpc-web",
            "不能包含连续的“--”，例如 grpc-web"),
        .portNameHyphenEnds: (
            "must not start or end with '-', e.g. http-alt",
            "不能以“-”开头或结尾，例如 http-alt"),

        // Ports
        .portRange: (
            "must be a number from {0} to {1}, e.g. 80",
            "必须是 {0} 到 {1} 之间的数字，例如 80"),
        .targetPortRange: (
            "must be a number from {0} to {1} (e.g. 8080) or a container port name (e.g. http)",
            "必须是 {0} 到 {1} 之间的数字（例如 8080）或容器端口名称（例如 http）"),
        .nodePortRange: (
            "must be empty (the cluster picks one) or a number from {0} to {1}, e.g. 30080",
            "请留空（由集群分配）或填写 {0} 到 {1} 之间的数字，例如 30080"),
        .nodePortNeedsExternalAccess: (
            "only NodePort and LoadBalancer services have node ports; remove it or turn on external access",
            "只有 NodePort 和 LoadBalancer 类型的服务才有节点端口；请删除，或开启外网访问"),
        .portNameDuplicate: (
            "another port is already named {0}; choose another name, e.g. {0}-2",
            "已有端口名为 {0}，请换一个名称，例如 {0}-2"),
        .portDuplicate: (
            "another port already uses {0}/{1}; change the port number or the protocol",
            "已有端口使用 {0}/{1}，请修改端口号或协议"),
        .nodePortDuplicate: (
            "another port already uses node port {0} with {1}; choose another or leave it empty",
            "已有端口使用 {1} 节点端口 {0}，请换一个或留空"),

        // Choices
        .notSupported: (
            "must be one of: {0}",
            "必须是以下值之一：{0}"),
        .duplicate: (
            "{0} is listed twice; remove one",
            "{0} 重复出现，请删除一个"),
        .immutable: (
            "cannot be changed once set; keep {0}",
            "设置后不能修改，请保留 {0}"),

        // Service
        .headlessNotAllowed: (
            "a headless service (clusterIP None) cannot be of type {0}; use a virtual IP or turn off external access",
            "Headless 服务（clusterIP 为 None）不能使用 {0} 类型；请改用虚拟 IP，或关闭外网访问"),
        .externalNameForbids: (
            "must not be set for an ExternalName service; remove it",
            "外部域名（ExternalName）类型的服务不能设置此项，请删除"),
        .timeoutRange: (
            "must be a number of seconds from {0} to {1}, e.g. 10800 (3 hours)",
            "必须是 {0} 到 {1} 之间的秒数，例如 10800（3 小时）"),
        .loadBalancerOnly: (
            "can only be used with external access LoadBalancer; remove it or choose LoadBalancer",
            "仅在外网访问方式为 LoadBalancer 时可用；请删除，或选择 LoadBalancer"),
        .externalTrafficPolicyType: (
            "can only be set with external access NodePort or LoadBalancer; remove it",
            "仅在外网访问方式为 NodePort 或 LoadBalancer 时可设置；请删除"),
        .healthCheckNodePortNegative: (
            "must not be negative; leave it empty and the cluster assigns one",
            "不能为负数；请留空，由集群分配"),
        .healthCheckNodePortType: (
            "can only be set for a LoadBalancer with external traffic policy Local; remove it",
            "仅在 LoadBalancer 且外部流量策略为 Local 时可设置；请删除"),
        .annotationsTooLong: (
            "all annotations together must be at most {0} bytes; shorten or remove some",
            "所有注解合计最多 {0} 字节，请缩短或删除部分注解"),

        // Addresses
        .ipAddress: (
            "must be an IP address, e.g. 10.9.8.7 or 2001:db8::ffff",
            "必须是 IP 地址，例如 10.9.8.7 或 2001:db8::ffff"),
        .ipUnspecified: (
            "must not be 0.0.0.0 or ::; enter a real address, e.g. 203.0.113.10",
            "不能是 0.0.0.0 或 ::，请填写实际地址，例如 203.0.113.10"),
        .ipLoopback: (
            "must not be a loopback address (127.0.0.0/8, ::1), e.g. 203.0.113.10",
            "不能是回环地址（127.0.0.0/8、::1），例如 203.0.113.10"),
        .ipLinkLocalMulticast: (
            "must not be a link-local multicast address (224.0.0.0/24, ff02::/16), e.g. 203.0.113.10",
            "不能是链路本地组播地址（224.0.0.0/24、ff02::/16），例如 203.0.113.10"),
        .ipLinkLocal: (
            "must not be a link-local address (169.254.0.0/16, fe80::/10), e.g. 203.0.113.10",
            "不能是链路本地地址（169.254.0.0/16、fe80::/10），例如 203.0.113.10"),
        .cidr: (
            "must be an address range in CIDR form, e.g. 10.0.0.0/24 or 2001:db8::/64",
            "必须是 CIDR 格式的地址段，例如 10.0.0.0/24 或 2001:db8::/64"),
        .clusterIPsFirstMatches: (
            "the first entry must be the same address as clusterIP",
            "第一项必须与 clusterIP 相同"),
        .clusterIPsEmpty: (
            "must be empty when clusterIP is not set; remove it or set clusterIP to its first entry",
            "未设置 clusterIP 时必须为空；请删除，或将 clusterIP 设为其第一项"),
        .clusterIPsNoneAlone: (
            "None must be the only entry, e.g. - None",
            "None 必须是唯一的一项，例如 - None"),
        .clusterIPsTooMany: (
            "may hold at most 2 addresses, one IPv4 and one IPv6",
            "最多 2 个地址：一个 IPv4、一个 IPv6"),
        .clusterIPsOnePerFamily: (
            "may hold only one IPv4 and one IPv6 address, e.g. 10.96.0.10 and fd00::10",
            "只能包含一个 IPv4 地址和一个 IPv6 地址，例如 10.96.0.10 和 fd00::10"),
        .clusterIPFamily: (
            "must be an {0} address, as ipFamilies[{1}] says",
            "必须是 {0} 地址，与 ipFamilies[{1}] 一致"),
        .ipFamilyPolicySingleStack: (
            "must be RequireDualStack or PreferDualStack when two IP families or cluster IPs are given",
            "指定了两个 IP 协议族或集群 IP 时，必须为 RequireDualStack 或 PreferDualStack"),
        .clusterIPPrimaryUnset: (
            "the primary cluster IP cannot be removed",
            "不能删除主集群 IP"),
        .ipFamilyPolicyRelease: (
            "set ipFamilyPolicy to SingleStack to remove the second cluster IP or IP family",
            "要删除第二个集群 IP 或 IP 协议族，请将 ipFamilyPolicy 设为 SingleStack"),

        // Wizard
        .aliasSpaces: (
            "must not start or end with a space",
            "开头和结尾不能有空格"),
        .selectorRequiredHeadless: (
            "a headless service needs a selector; add the labels of its pods, e.g. app: web",
            "Headless 服务需要选择器，请添加其容器组的标签，例如 app: web"),
        .duplicateKey: (
            "the key {0} is used twice; keep one",
            "键 {0} 重复，请只保留一个"),

        // Input bounds (InputLimits)
        .inputAliasExpansion: (
            "refused: alias *{0} makes the document expand too much ({1} of its {2} nodes come from aliases, at most {3}% may); is it a \"billion laughs\" file? Write the values out instead",
            "已拒绝：别名 *{0} 使文档过度展开（{2} 个节点中有 {1} 个来自别名，最多允许 {3}%）；这可能是“十亿笑声”攻击文件，请直接写出取值"),
        .inputTooDeep: (
            "refused: mappings and lists are nested more than {0} levels deep; flatten the document",
            "已拒绝：映射和列表嵌套超过 {0} 层，请减少嵌套"),
        .inputTooLarge: (
            "refused: the file is {0}, over the {1} limit for one file; split it into smaller files",
            "已拒绝：文件大小为 {0}，超过单个文件 {1} 的上限，请拆分为多个较小的文件"),
    ]
}
