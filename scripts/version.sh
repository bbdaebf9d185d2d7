#!/usr/bin/env bash
# Prints the version that scripts/dist.sh and scripts/install.sh stamp on a build:
#   scripts/version.sh            the release number, e.g. 0.1.0, or 0.1.0-dirty
#   scripts/version.sh --commit   the commit, e.g. 3f2a9c1b7d4e, or 3f2a9c1b7d4e-dirty
# The number comes from Sources/svcwiz/SvcWizVersion.swift, so it has one home. "-dirty"
# means the tree has changes git would show (tracked or untracked, not ignored): the
# binary is then not exactly that commit. Outside a git checkout the commit is "unknown".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source_file=$root/Sources/svcwiz/SvcWizVersion.swift

number=$(sed -n 's/^ *static let number = "\([^"]*\)".*/\1/p' "$source_file")
if [ -z "$number" ]; then
    echo "version.sh: no 'static let number = \"...\"' line in $source_file" >&2
    exit 1
fi

commit=unknown
dirty=
if git -C "$root" rev-parse --verify -q HEAD >/dev/null 2>&1; then
    commit=$(git -C "$root" rev-parse --short=12 HEAD)
    if [ -n "$(git -C "$root" status --porcelain --untracked-files=normal)" ]; then
        dirty=-dirty
    fi
fi

case "${1:-}" in
    "") echo "$number$dirty" ;;
    --commit) echo "$commit$dirty" ;;
    *) echo "usage: scripts/version.sh [--commit]" >&2; exit 2 ;;
esac
