#ifndef SVCWIZ_BUILD_INFO_H
#define SVCWIZ_BUILD_INFO_H

/// The commit svcwiz was built from, with "-dirty" when the tree had changes; "unknown"
/// for a build that scripts/build-release.sh did not stamp (a plain `swift build`).
const char *svcwiz_build_commit(void);

#endif
