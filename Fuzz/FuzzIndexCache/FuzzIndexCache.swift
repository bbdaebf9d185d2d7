@testable import ServiceStore
import FuzzSupport

/// The workspace index cache reader on any bytes: a damaged or hostile cache file must be
/// dropped (nil) or read, never crash or allocate what its counts claim. The cache names
/// the folder it belongs to; the reader is given that name, so fuzzing reaches past it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzIndexCache(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    var header = BinaryReader(bytes)
    let magicLength = "svcwiz-index\n".utf8.count
    _ = try? header.raw(magicLength)
    _ = try? header.int()
    let root = (try? header.string()) ?? "/fuzz/workspace"
    let cache = WorkspaceCache(root: root, directory: "/nonexistent")
    if var index = cache.loadIndex(from: bytes) {
        _ = index.namespaces()
    }
    return 0
}

/// The process's entry (SwiftPM's name for this target's `main`): libFuzzer's driver.
@_cdecl("FuzzIndexCache_main")
func fuzzIndexCacheMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzIndexCache)
}
