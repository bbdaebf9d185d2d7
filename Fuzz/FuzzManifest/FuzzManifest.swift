import ServiceModel
import FuzzSupport

/// The manifest reader on any bytes, as YAML and as JSON: it must answer with a file or a
/// `ManifestParseError`, never crash, hang or blow up. What it reads must survive being
/// written back and read again (the editor's YAML <-> JSON switch and every save do that).
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzManifest(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    // Detection differs from YAML only for text that starts like JSON: elsewhere the
    // detected pass would repeat the YAML one exactly.
    for format in startsLikeJSON(bytes) ? [nil, ManifestFormat.yaml, .json] : [.yaml, .json] {
        guard let file = try? ManifestReader.parse(bytes: bytes, path: "fuzz.yaml", format: format) else { continue }
        for object in file.objects where object.node.isMapping {
            _ = ServiceSummary(manifest: object.node)
            for text in [YAMLWriter.write(object.node), JSONWriter.write(object.node)] {
                do {
                    _ = try ManifestReader.parse(text)
                } catch {
                    fatalError("written text does not read back: \(error)\n--- input:\n\(String(decoding: bytes, as: UTF8.self))\n--- written:\n\(text)")
                }
            }
        }
    }
    return 0
}

/// What `ManifestReader` tries as JSON first: a `{` or `[` after a BOM and whitespace.
func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
    guard let first = body.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
    return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
}

/// The process's entry (SwiftPM's name for this target's `main`): libFuzzer's driver.
@_cdecl("FuzzManifest_main")
func fuzzManifestMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzManifest)
}
