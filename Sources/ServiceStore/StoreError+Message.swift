import ServiceModel

extension StoreError {
    /// One sentence for the status line or standard error, in the user's language, saying
    /// what happened and what to do about it. Credentials never appear here.
    package func message(in language: Language) -> String {
        let zh = language == .zh
        switch self {
        case let .notFound(id):
            return zh ? "在项目 \(id.namespace) 中找不到服务 \"\(id.name)\""
                : "service \"\(id.name)\" not found in namespace \(id.namespace)"
        case let .resourceNotFound(kind, name, namespace):
            return zh ? "在项目 \(namespace) 中找不到\(kind) \"\(name)\"" : "\(kind) \"\(name)\" not found in namespace \(namespace)"
        case let .alreadyExists(id):
            return zh ? "项目 \(id.namespace) 中已存在服务 \"\(id.name)\"，请换一个名称"
                : "service \"\(id.name)\" already exists in namespace \(id.namespace): choose another name"
        case let .conflict(id, _):
            return zh ? "服务 \"\(id.name)\"（项目 \(id.namespace)）在读取后已被修改：请重新加载后再保存"
                : "service \"\(id.name)\" in \(id.namespace) changed since it was read: reload it and apply your changes again"
        case let .invalid(id, errors):
            return zh ? "服务 \"\(id.name)\" 无效（\(errors.count) 处错误）" : "service \"\(id.name)\" is invalid (\(errors.count) error\(errors.count == 1 ? "" : "s"))"
        case let .parse(error):
            if error.limit != nil { return "\(error.file ?? (zh ? "<输入>" : "<input>")):\(error.line):\(error.column): \(error.message(in: language))" }
            return zh ? "\(error.file ?? "<输入>"):\(error.line):\(error.column): 无法解析：\(error.message)" : error.description
        case let .io(path, message):
            return zh ? "\(path)：\(message)" : "\(path): \(message)"
        case .readOnly:
            return zh ? "只读模式：不能写入" : "read-only: writing is switched off (--read-only)"
        case let .unauthorized(message):
            return zh ? "身份验证失败（\(message)）：请检查 kubeconfig 中的凭据" : "not authorized (\(message)): check the credentials in your kubeconfig"
        case let .forbidden(verb, resource, namespace, _):
            let scope = namespace.map { zh ? "（项目 \($0)）" : " in namespace \($0)" } ?? ""
            return zh ? "没有权限对 \(resource) 执行 \(verb)\(scope)" : "not allowed to \(verb) \(resource)\(scope)"
        case let .unreachable(message):
            return zh ? "无法连接集群：\(message)；正在重试" : "cannot reach the cluster: \(message); retrying"
        case let .server(code, reason, message):
            return zh ? "服务器错误 \(code) \(reason)：\(message)" : "server error \(code) \(reason): \(message)"
        }
    }
}
