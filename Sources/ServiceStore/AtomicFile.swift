/// Atomic file replacement for callers outside the workspace (export): the same writer the
/// workspace uses, so a killed export leaves the old file or the new one, never half.
package enum AtomicFile {
    package static func write(_ bytes: [UInt8], to path: String) throws(StoreError) {
        try AtomicFileWriter().replace(path, with: bytes)
    }
}
