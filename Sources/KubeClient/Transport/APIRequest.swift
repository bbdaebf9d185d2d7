import NIOHTTP1
import ServiceModel

/// One call to the API server.
struct APIRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET", post = "POST", put = "PUT", delete = "DELETE"
    }

    var method: Method
    var path: String
    var query: [(name: String, value: String)] = []
    var body: ManifestNode?

    /// Reads may be sent again after a network error; writes are not.
    var isRead: Bool { method == .get }

    static func get(_ path: String, _ query: [(name: String, value: String)] = []) -> APIRequest {
        APIRequest(method: .get, path: path, query: query)
    }

    /// `path?query`, each value percent-encoded (continue tokens and selectors included).
    var target: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

/// The server's answer: any status, with the body read whole.
struct APIResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]

    var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as JSON, or nil when it is not JSON.
    var json: ManifestNode? {
        guard let file = try? ManifestReader.parse(bytes: body, format: .json) else { return nil }
        return file.documents.first?.root
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
