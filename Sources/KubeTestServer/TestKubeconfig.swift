extension TestAPIServer {
    /// A kubeconfig for this server with one context: the test CA and a bearer token. What
    /// the end-to-end tests and the benchmark give the real binary.
    package func kubeconfig(caCertificate: String, token: String, context: String, namespace: String) -> String {
        """
        apiVersion: v1
        kind: Config
        current-context: \(context)
        clusters:
        - name: \(context)
          cluster:
            server: \(url)
            certificate-authority: \(caCertificate)
        users:
        - name: \(context)
          user:
            token: \(token)
        contexts:
        - name: \(context)
          context: {cluster: \(context), user: \(context), namespace: \(namespace)}

        """
    }
}
