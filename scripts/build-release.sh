#!/usr/bin/env bash
# scripts/build-release.sh [--strip-to FILE]
# Builds the svcwiz binary that ships: release, the Swift runtime and Foundation linked in
# (--static-swift-stdlib), so it needs no toolchain on the host, and stamped with the
# commit (scripts/version.sh --commit) that `svcwiz --version` prints. Prints the path of
# the unstripped binary on stdout; the build's output goes to stderr. --strip-to also
# writes a stripped copy, with dh_strip's options (symbols, .comment and .note out, the
# build id kept). Used by dist.sh and install.sh. SCRATCH_PATH picks swift build's scratch folder (default .build-release).
#
# The commit goes in as a one-symbol object given to the linker (see
# Sources/SvcWizBuildInfo), named after its content: a new commit changes only the link
# line, so SwiftPM relinks and recompiles nothing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
strip_to=
case "${1:-}" in
    "") ;;
    --strip-to) [ $# -eq 2 ] || { echo "usage: build-release.sh [--strip-to FILE]" >&2; exit 2; }; strip_to=$2 ;;
    *) echo "usage: build-release.sh [--strip-to FILE]" >&2; exit 2 ;;
esac
scratch=${SCRATCH_PATH:-$root/.build-release}
command -v swift >/dev/null 2>&1 || { echo "build-release.sh: needs the Swift toolchain (swift is not on PATH)" >&2; exit 1; }
command -v cc >/dev/null 2>&1 || { echo "build-release.sh: needs a C compiler, cc (Debian: apt-get install gcc)" >&2; exit 1; }

commit=$("$root/scripts/version.sh" --commit)
case "$commit" in *[!0-9a-zA-Z.+-]*) echo "build-release.sh: unexpected commit '$commit'" >&2; exit 1 ;; esac
stamp_dir=$scratch/build-info
mkdir -p "$stamp_dir"
stamp=$stamp_dir/commit-$commit.o
if [ ! -f "$stamp" ]; then
    printf 'const char svcwiz_build_commit_value[] = "%s";\n' "$commit" > "$stamp_dir/commit-$commit.c"
    cc -c -fPIC -o "$stamp" "$stamp_dir/commit-$commit.c"
fi

# Link-only flags, so they cost a relink: no $ORIGIN rpath (nothing is loaded from beside
# the binary), symbols bound at start so the relocated tables can be read-only (Debian's
# hardening-no-bindnow).
build=(swift build --package-path "$root" -c release --static-swift-stdlib --product svcwiz
       --scratch-path "$scratch" --disable-local-rpath
       -Xlinker -z -Xlinker now -Xlinker "$stamp")
echo "build-release.sh: building svcwiz, release, static Swift runtime, commit $commit" >&2
"${build[@]}" >&2
bin=$("${build[@]}" --show-bin-path)/svcwiz
if [ -n "$strip_to" ]; then
    strip --strip-unneeded --remove-section=.comment --remove-section=.note -o "$strip_to" "$bin"
fi
echo "$bin"
