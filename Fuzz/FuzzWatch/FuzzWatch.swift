import NIOCore
import ServiceModel
@testable import KubeClient
import FuzzSupport

/// What the cluster backend does with the API server's answers: a list page's JSON turned
/// into rows, and a watch body cut into chunks (the first byte gives the chunk size), split
/// into lines and each line read as a watch event, as `ServiceWatch` does.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzWatch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    if let page = try? ManifestReader.parse(bytes: bytes, format: .json).documents.first?.root {
        for item in page["items"]?.items ?? [] { _ = ServiceSummary(manifest: item) }
        _ = page["metadata"]?["continue"]?.string
    }
    guard let first = bytes.first else { return 0 }
    let chunk = Int(first % 64) + 1
    var decoder = WatchLineDecoder()
    var offset = 1
    while offset < bytes.count {
        let end = min(offset + chunk, bytes.count)
        for line in decoder.append(ByteBuffer(bytes: bytes[offset..<end])) {
            guard let event = try? ManifestReader.parse(bytes: line, format: .json).documents.first?.root,
                  let type = event["type"]?.string, let object = event["object"] else { continue }
            switch type {
            case "ADDED", "MODIFIED": _ = ServiceSummary(manifest: object)
            case "ERROR": _ = APIStatus(object)
            default: _ = object["metadata"]?["name"]?.scalarText
            }
        }
        offset = end
    }
    return 0
}

/// The process's entry (SwiftPM's name for this target's `main`): libFuzzer's driver.
@_cdecl("FuzzWatch_main")
func fuzzWatchMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzWatch)
}
