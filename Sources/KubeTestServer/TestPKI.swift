import Foundation
import ProcessSupport

/// A throwaway certificate authority made with `/usr/bin/openssl` in a temporary folder:
/// the server's certificate (for 127.0.0.1, localhost and `kube.test`), client certificates
/// for `admin` and `viewer` with RSA (PKCS#1 and PKCS#8) and EC (SEC1 and PKCS#8) keys, and
/// a client certificate from a second, untrusted CA.
package final class TestPKI: Sendable {
    /// The folder holding every file; removed by `remove()`.
    package let folder: String

    /// A client certificate and its key, as files.
    package struct Client: Sendable, Hashable {
        package var user: String
        package var certificate: String
        package var key: String
    }

    package enum KeyForm: String, Sendable, CaseIterable {
        case rsaPKCS1, rsaPKCS8, ecSEC1, ecPKCS8
    }

    package var caCertificate: String { folder + "/ca.crt" }
    package var serverCertificate: String { folder + "/server.crt" }
    package var serverKey: String { folder + "/server.key" }
    /// A server certificate for `kube.test` only (no address): for `tls-server-name`.
    package var namedServerCertificate: String { folder + "/named.crt" }

    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Makes the CA, the server certificate and the client certificates.
    package init() throws {
        folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("svcwiz-pki-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try makeCA(name: "ca", subject: "/CN=svcwiz-test-ca")
        try makeCA(name: "rogue-ca", subject: "/CN=rogue-ca")
        try openssl(["genrsa", "-out", serverKey, "2048"])
        let extensions = folder + "/server.ext"
        try "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kube.test\nextendedKeyUsage=serverAuth\n"
            .write(toFile: extensions, atomically: true, encoding: .utf8)
        try sign(key: serverKey, subject: "/CN=kube-apiserver", ca: "ca", output: serverCertificate, extensions: extensions)
        let named = folder + "/named.ext"
        try "subjectAltName=DNS:kube.test\nextendedKeyUsage=serverAuth\n".write(toFile: named, atomically: true, encoding: .utf8)
        try sign(key: serverKey, subject: "/CN=kube.test", ca: "ca", output: namedServerCertificate, extensions: named)
        for form in KeyForm.allCases { _ = try makeClient(user: "admin", form: form) }
        _ = try makeClient(user: "viewer", form: .ecPKCS8)
        _ = try makeClient(user: "admin", form: .rsaPKCS8, ca: "rogue-ca", name: "rogue")
    }

    /// The client certificate of `user` with a key of `form`.
    package func client(_ user: String, _ form: KeyForm) -> Client {
        let base = folder + "/\(user)-\(form.rawValue)"
        return Client(user: user, certificate: base + ".crt", key: base + ".key")
    }

    /// An `admin` certificate signed by a CA the server does not trust.
    package var rogueClient: Client { Client(user: "admin", certificate: folder + "/rogue.crt", key: folder + "/rogue.key") }

    /// The PEM bytes of a file made here.
    package func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map(Array.init) ?? []
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    // MARK: Making

    private func makeCA(name: String, subject: String) throws {
        let key = folder + "/\(name).key"
        try openssl(["genrsa", "-out", key, "2048"])
        try openssl(["req", "-x509", "-new", "-key", key, "-sha256", "-days", "2", "-subj", subject,
                     "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                     "-out", folder + "/\(name).crt"])
    }

    private func makeClient(user: String, form: KeyForm, ca: String = "ca", name: String? = nil) throws -> Client {
        let base = folder + "/" + (name ?? "\(user)-\(form.rawValue)")
        let key = base + ".key"
        switch form {
        case .rsaPKCS1:
            try openssl(["genrsa", "-traditional", "-out", key, "2048"])
        case .rsaPKCS8:
            try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key])
        case .ecSEC1:
            try openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key])
        case .ecPKCS8:
            try openssl(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key])
        }
        let extensions = base + ".ext"
        try "extendedKeyUsage=clientAuth\n".write(toFile: extensions, atomically: true, encoding: .utf8)
        try sign(key: key, subject: "/CN=\(user)/O=svcwiz", ca: ca, output: base + ".crt", extensions: extensions)
        return Client(user: user, certificate: base + ".crt", key: key)
    }

    private func sign(key: String, subject: String, ca: String, output: String, extensions: String) throws {
        let request = output + ".csr"
        try openssl(["req", "-new", "-key", key, "-subj", subject, "-out", request])
        try openssl(["x509", "-req", "-in", request, "-CA", folder + "/\(ca).crt", "-CAkey", folder + "/\(ca).key",
                     "-CAcreateserial", "-days", "2", "-sha256", "-extfile", extensions, "-out", output])
    }

    /// Through `ChildProcess`, not Foundation.Process: a tmux server that another test starts
    /// meanwhile inherited Process's pipe, and reading it to the end then never returned.
    private func openssl(_ arguments: [String]) throws {
        let result = try ChildProcess.runBlocking("/usr/bin/openssl", arguments: arguments, environment: ProcessInfo.processInfo.environment,
                                                  inheritStandardInput: false, inheritStandardError: false)
        guard result.exitCode == 0 else {
            throw Failure(description: "openssl \(arguments.first ?? ""): \(String(decoding: result.standardError, as: UTF8.self))")
        }
    }
}
