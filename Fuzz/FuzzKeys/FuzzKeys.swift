import TerminalUI
import FuzzSupport

/// The terminal key decoder on any input ncurses could hand it: the bytes are read as
/// records (a tag byte, then a character or a key code), cut into batches where the tag
/// says so, as `get_wch` reads arrive. Bracketed paste spans batches, so state carries over.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    var decoder = KeyDecoder()
    var batch: [RawInput] = []
    var index = 0
    func next(_ count: Int) -> UInt32? {
        guard index + count <= bytes.count else { return nil }
        var value: UInt32 = 0
        for i in 0..<count { value |= UInt32(bytes[index + i]) << UInt32(8 * i) }
        index += count
        return value
    }
    while let tag = next(1) {
        switch tag % 4 {
        case 0:
            guard let byte = next(1) else { break }
            batch.append(.character(byte))
        case 1:
            guard let scalar = next(3) else { break }
            batch.append(.character(scalar))
        case 2:
            guard let code = next(2) else { break }
            batch.append(.keyCode(Int32(code)))
        default:
            _ = decoder.decode(batch)
            batch = []
        }
    }
    _ = decoder.decode(batch)
    return 0
}

/// The process's entry (SwiftPM's name for this target's `main`): libFuzzer's driver.
@_cdecl("FuzzKeys_main")
func fuzzKeysMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzKeys)
}
