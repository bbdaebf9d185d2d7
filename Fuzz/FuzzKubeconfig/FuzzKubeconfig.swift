import KubeClient
import FuzzSupport

/// The kubeconfig loader on any bytes: a `Kubeconfig` or a `KubeconfigError`, nothing else.
/// Relative paths in it resolve under a folder that does not exist, so nothing is read.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzKubeconfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    if let config = try? KubeconfigLoader.parse(bytes: bytes, path: "/nonexistent/fuzz/config") {
        _ = config.currentContext
    }
    return 0
}

/// The process's entry (SwiftPM's name for this target's `main`): libFuzzer's driver.
@_cdecl("FuzzKubeconfig_main")
func fuzzKubeconfigMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzKubeconfig)
}
