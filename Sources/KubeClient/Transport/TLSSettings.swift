#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOSSL

/// The TLS side of a cluster entry: whom to trust, whether to verify, and which client
/// certificate to present. Built once per backend; an exec plugin's certificate is added
/// per request.
struct TLSSettings: Sendable {
    let base: TLSConfiguration
    /// True when the kubeconfig says `insecure-skip-tls-verify: true`.
    let verificationOff: Bool

    init(cluster: Kubeconfig.Cluster, user: Kubeconfig.User) throws(KubeconfigError) {
        var configuration = TLSConfiguration.makeClientConfiguration()
        verificationOff = cluster.insecureSkipTLSVerify
        if cluster.insecureSkipTLSVerify {
            configuration.certificateVerification = .none
        } else if let pem = try Self.bytes(data: cluster.certificateAuthorityData, file: cluster.certificateAuthority,
                                           what: "certificate-authority") {
            do {
                configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(pem))
            } catch {
                throw .tls("certificate-authority: not a PEM certificate (\(cluster.certificateAuthority ?? "certificate-authority-data"))")
            }
        }
        let certificate = try Self.bytes(data: user.clientCertificateData, file: user.clientCertificate, what: "client-certificate")
        let key = try Self.bytes(data: user.clientKeyData, file: user.clientKey, what: "client-key")
        switch (certificate, key) {
        case (nil, nil):
            break
        case let (certificate?, key?):
            try Self.present(certificate: certificate, key: key, in: &configuration)
        default:
            throw .tls("client-certificate and client-key must be given together")
        }
        base = configuration
    }

    /// The base configuration with a client certificate from an exec plugin.
    func with(certificate: [UInt8], key: [UInt8]) throws(KubeconfigError) -> TLSConfiguration {
        var configuration = base
        try Self.present(certificate: certificate, key: key, in: &configuration)
        return configuration
    }

    private static func present(certificate: [UInt8], key: [UInt8], in configuration: inout TLSConfiguration) throws(KubeconfigError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(certificate)
        } catch {
            throw .tls("client-certificate: not a PEM certificate")
        }
        guard !chain.isEmpty else { throw .tls("client-certificate: no certificate in it") }
        let privateKey: NIOSSLPrivateKey
        do {
            // BoringSSL reads PKCS#1 and PKCS#8 RSA keys and SEC1 and PKCS#8 EC keys alike.
            privateKey = try NIOSSLPrivateKey(bytes: key, format: .pem)
        } catch {
            throw .tls("client-key: not a PEM private key (RSA or EC)")
        }
        configuration.certificateChain = chain.map { .certificate($0) }
        configuration.privateKey = .privateKey(privateKey)
    }

    private static func bytes(data: [UInt8]?, file: String?, what: String) throws(KubeconfigError) -> [UInt8]? {
        if let data { return data }
        guard let file else { return nil }
        guard let contents = FileManager.default.contents(atPath: file) else {
            throw .unreadable(path: file, reason: "\(what) not readable")
        }
        return Array(contents)
    }
}
