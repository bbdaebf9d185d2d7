import SvcWizBuildInfo

/// What `svcwiz --version` prints: the release number and the commit the binary was built
/// from, so a copy found on a jump host can be traced back to its source.
enum SvcWizVersion {
    /// The release number; scripts/version.sh reads it from this line for the package names.
    static let number = "0.1.0"

    /// The commit, with `-dirty` when the tree had changes; "unknown" when not built by
    /// scripts/build-release.sh (dist.sh and install.sh use it).
    static let commit = String(cString: svcwiz_build_commit())

    static let current = "\(number) (commit \(commit))"
}
