#include "SvcWizBuildInfo.h"

// scripts/build-release.sh links in an object that defines this symbol. Linking it, not
// compiling it in, is what keeps the commit from touching any compile flag: a new commit
// relinks instead of rebuilding every module. Weak, so without it the address is null.
extern const char svcwiz_build_commit_value[] __attribute__((weak));

const char *svcwiz_build_commit(void) {
    return svcwiz_build_commit_value ? svcwiz_build_commit_value : "unknown";
}
