#!/usr/bin/env bash
# Installs svcwiz under a prefix (default /usr/local), or removes what it installed there:
#   scripts/install.sh [--prefix DIR]               from a checkout: builds first (release,
#                                                   Swift runtime linked in), then installs
#   ./install.sh [--prefix DIR]                     from an unpacked release tarball
#   scripts/install.sh --uninstall [--prefix DIR]
# Installs bin/svcwiz, share/man/man1/svcwiz.1.gz, the bash, zsh and fish completions,
# share/doc/svcwiz/README.md, and a list of those files with their SHA-256 in
# share/svcwiz/installed-files. --uninstall removes the files on that list that are
# unchanged since, the list, and the folders the install created, if empty; nothing else.
# Needs no root when the prefix is writable. When some folder it would write is not, it
# says which and changes nothing.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
prefix=/usr/local
uninstall=0
usage="usage: install.sh [--prefix DIR] [--uninstall]"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) echo "$usage"; exit 0 ;;
        *) echo "install.sh: unknown argument '$1'" >&2; echo "$usage" >&2; exit 2 ;;
    esac
done
[ -n "$prefix" ] || { echo "install.sh: --prefix is empty" >&2; exit 2; }
case "$prefix" in /*) ;; *) prefix=$PWD/$prefix ;; esac
prefix=${prefix%/}
[ -n "$prefix" ] || prefix=/

list_rel=share/svcwiz/installed-files
# Where each file goes, relative to the prefix. zsh looks in share/zsh/site-functions and
# fish in share/fish/vendor_completions.d under /usr/local (Debian's zsh and fish do).
targets=(
    bin/svcwiz
    share/man/man1/svcwiz.1.gz
    share/bash-completion/completions/svcwiz
    share/zsh/site-functions/_svcwiz
    share/fish/vendor_completions.d/svcwiz.fish
    share/doc/svcwiz/README.md
    "$list_rel"
)

fail() { echo "install.sh: $*" >&2; exit 1; }

# The nearest folder that exists on the way to $1: the one a mkdir -p would write in.
existing_parent() {
    local d=$1
    while [ ! -e "$d" ]; do d=$(dirname "$d"); done
    echo "$d"
}

# Every folder a file would be written to or removed from must be writable (or creatable
# in a writable folder) before anything changes.
check_writable() {
    local rel dir at
    for rel in "${targets[@]}"; do
        dir=$(dirname "$prefix/$rel")
        at=$(existing_parent "$dir")
        [ -d "$at" ] || fail "$at is not a folder; nothing was changed"
        if [ ! -w "$at" ] || [ ! -x "$at" ]; then
            fail "cannot write to $at (prefix $prefix): nothing was changed. Run it as a user who can, or pick another prefix, e.g. --prefix \"\$HOME/.local\""
        fi
    done
}

if [ "$uninstall" = 1 ]; then
    list=$prefix/$list_rel
    [ -f "$list" ] || fail "no $list: svcwiz was not installed under $prefix by install.sh; nothing was changed"
    check_writable
    mapfile -t lines < "$list"
    for line in "${lines[@]}"; do
        case "$line" in
            file\ *)
                rest=${line#file }; sum=${rest%% *}; rel=${rest#* }
                if [ ! -e "$prefix/$rel" ]; then
                    echo "install.sh: $prefix/$rel was already gone" >&2
                elif [ "$(sha256sum < "$prefix/$rel" | cut -d' ' -f1)" = "$sum" ]; then
                    rm -f "$prefix/$rel"
                    echo "removed $prefix/$rel"
                else
                    echo "install.sh: kept $prefix/$rel: it changed since it was installed" >&2
                fi ;;
        esac
    done
    rm -f "$list"
    echo "removed $list"
    # The folders the install created, deepest first; rmdir leaves any that hold other files.
    for ((i = ${#lines[@]} - 1; i >= 0; i--)); do
        case "${lines[$i]}" in
            dir\ /*) dir=${lines[$i]#dir } ;;
            *) continue ;;
        esac
        if rmdir "$dir" 2>/dev/null; then echo "removed $dir/"; fi
    done
    exit 0
fi

# What to install: the files beside this script (an unpacked release tarball), or a
# build of the checkout it sits in.
if [ -f "$here/svcwiz" ] && [ -f "$here/svcwiz.1" ]; then
    src_bin=$here/svcwiz
    src_man=$here/svcwiz.1
    src_completions=$here/completions
    src_readme=$here/README.md
    root=
elif [ -f "$here/../Package.swift" ]; then
    root=$(cd "$here/.." && pwd)
    src_man=$root/docs/svcwiz.1
    src_completions=$root/docs/completions
    src_readme=$root/README.md
else
    fail "found neither a built svcwiz beside $0 nor a checkout above it"
fi

check_writable

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "$root" ]; then
    src_bin=$work/svcwiz
    "$root/scripts/build-release.sh" --strip-to "$src_bin" >/dev/null
fi
gzip -9n < "$src_man" > "$work/svcwiz.1.gz"

# The folders this install creates are listed (parents first, absolute, since the prefix
# itself may be one) so --uninstall can remove them; those an earlier install created
# stay listed.
list=$prefix/$list_rel
created=()
if [ -f "$list" ]; then
    mapfile -t created < <(sed -n 's/^dir //p' "$list")
fi
make_dir() {
    local dir=$1 missing=() d
    d=$dir
    while [ ! -e "$d" ]; do missing=("$d" "${missing[@]}"); d=$(dirname "$d"); done
    for d in "${missing[@]}"; do
        install -d -m 0755 "$d"
        created+=("$d")
    done
}

put() { # put MODE SOURCE RELATIVE-TARGET
    make_dir "$(dirname "$prefix/$3")"
    install -m "$1" "$2" "$prefix/$3"
    echo "installed $prefix/$3"
}
put 0755 "$src_bin" bin/svcwiz
put 0644 "$work/svcwiz.1.gz" share/man/man1/svcwiz.1.gz
put 0644 "$src_completions/svcwiz.bash" share/bash-completion/completions/svcwiz
put 0644 "$src_completions/_svcwiz" share/zsh/site-functions/_svcwiz
put 0644 "$src_completions/svcwiz.fish" share/fish/vendor_completions.d/svcwiz.fish
put 0644 "$src_readme" share/doc/svcwiz/README.md

make_dir "$(dirname "$list")"
{
    echo "# Written by svcwiz's install.sh; install.sh --uninstall --prefix $prefix reads it."
    for d in "${created[@]}"; do echo "dir $d"; done
    for rel in "${targets[@]}"; do
        [ "$rel" = "$list_rel" ] && continue
        echo "file $(sha256sum < "$prefix/$rel" | cut -d' ' -f1) $rel"
    done
} > "$list.new"
chmod 0644 "$list.new"
mv "$list.new" "$list"
echo "install.sh: svcwiz $("$prefix/bin/svcwiz" --version) installed under $prefix" >&2
