#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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

    /// The `Retry-After` header, in seconds or as an HTTP date (RFC 9110 10.2.3).
    func retryAfter(now: Date = Date()) -> Duration? {
        guard let value = headers.first(name: "Retry-After")?.trimmingWhitespace() else { return nil }
        if let seconds = Int(value) { return .seconds(max(0, seconds)) }
        guard let date = Self.httpDate(value) else { return nil }
        return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1000)))
    }

    /// An HTTP date in its preferred form (RFC 9110 5.6.7): `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
              let day = Int(parts[1]), (1...31).contains(day), parts[1].count <= 2,
              let month = months.firstIndex(where: { $0 == parts[2] }),
              parts[3].count == 4, parts[4].count == 8 else { return nil }
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return RFC3339.date("\(parts[3])-\(twoDigits(month + 1))-\(twoDigits(day))T\(parts[4])Z")
    }

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
