#!/usr/bin/env bash
# CI: builds the release tarball and Debian package (scripts/dist.sh) and proves they work
# where no Swift toolchain is: the package installed by dpkg into a fresh root, the tarball
# unpacked and installed with its install.sh, each binary run with `env -i` (no toolchain
# on PATH or LD_LIBRARY_PATH); ldd shows only system libraries; the binary is at most 40 MB;
# lintian finds no errors;
# install.sh on an unwritable prefix changes nothing; a changed tree is versioned -dirty.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

fail() { echo "package.sh: FAILED: $*" >&2; exit 1; }
step() { echo "package.sh: $*" >&2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

step "the version of a changed tree ends in -dirty"
git clone -q "$root" "$scratch/dirty"
echo "# changed" >> "$scratch/dirty/README.md"
case "$("$scratch/dirty/scripts/version.sh")" in *-dirty) ;; *) fail "version.sh did not say -dirty for a changed tree" ;; esac
case "$("$scratch/dirty/scripts/version.sh" --commit)" in *-dirty) ;; *) fail "version.sh --commit did not say -dirty" ;; esac

scripts/dist.sh
version=$(scripts/version.sh)
commit=$(scripts/version.sh --commit)
deb=dist/svcwiz_${version}_$(dpkg --print-architecture).deb
tarball=dist/svcwiz-$version-linux-$(uname -m).tar.gz
[ -f "$deb" ] || fail "no $deb"
[ -f "$tarball" ] || fail "no $tarball"
(cd dist && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match"

step "the package lists the expected files"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' | grep -v '/$' | sort > "$scratch/files"
# A version without a Debian revision (no "-") is a native package: changelog.gz.
case "$version" in *-*) changelog=changelog.Debian.gz ;; *) changelog=changelog.gz ;; esac
sort > "$scratch/expected" <<EOF
/usr/bin/svcwiz
/usr/share/bash-completion/completions/svcwiz
/usr/share/doc/svcwiz/$changelog
/usr/share/doc/svcwiz/copyright
/usr/share/fish/vendor_completions.d/svcwiz.fish
/usr/share/lintian/overrides/svcwiz
/usr/share/man/man1/svcwiz.1.gz
/usr/share/zsh/vendor-completions/_svcwiz
EOF
diff -u "$scratch/expected" "$scratch/files" || fail "dpkg -c differs from the expected files"
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libc6 libncursesw6; do
    case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done

step "lintian (errors fail; warnings are listed)"
lintian --fail-on error --tag-display-limit 0 "$deb" || fail "lintian reported errors"

# Runs an installed binary as on a host without Swift: nothing from the environment but
# PATH, and only system folders on it.
clean_run() { env -i PATH=/usr/bin:/bin "$@"; }

check_binary() { # check_binary BINARY MANPAGE
    local bin=$1 man=$2 out
    step "$bin: ldd shows only system libraries"
    ldd "$bin" | tee "$scratch/ldd" >&2
    if grep -Ei 'swift|foundation|icu|dispatch|BlocksRuntime|not found' "$scratch/ldd"; then
        fail "$bin links a Swift, Foundation or ICU library, or misses one"
    fi
    awk '{print $1}' "$scratch/ldd" | while read -r lib; do
        case "$lib" in
            linux-vdso.so.*|/lib64/ld-linux-*|libc.so.*|libm.so.*|libstdc++.so.*|libgcc_s.so.*|libz.so.*|libncursesw.so.*|libtinfo.so.*) ;;
            *) fail "$bin links $lib, which is not one of glibc, libstdc++, libgcc_s, zlib, ncursesw, tinfo" ;;
        esac
    done
    # docs/performance.md: full Foundation and its ICU data would take it to ~77 MB.
    local size
    size=$(stat -c %s "$bin")
    [ "$size" -le 40000000 ] || fail "$bin is $size bytes, over the 40,000,000 the release binary must stay within"
    step "$bin --version, validate, list in a clean environment"
    out=$(clean_run "$bin" --version)
    [ "$out" = "$version (commit $commit)" ] || [ "$out" = "${version%-dirty} (commit $commit)" ] \
        || fail "--version said '$out', expected version $version and commit $commit"
    clean_run "$bin" validate docs/examples/shop/services/*.yaml docs/examples/shop/services/*.json >&2 \
        || fail "validate failed on docs/examples/shop"
    out=$(clean_run "$bin" list --workspace docs/examples/shop -A -o name)
    echo "$out" | grep -q frontend || fail "list on docs/examples/shop did not show frontend: $out"
    step "man -l $man"
    out=$(clean_run man -l "$man" 2>&1 | col -b)
    echo "$out" | grep -q 'svcwiz' || fail "man -l $man rendered no svcwiz page: $out"
}

step "the package installed by dpkg into a fresh root"
dpkg_root=$scratch/root
mkdir -p "$dpkg_root/var/lib/dpkg/info" "$dpkg_root/var/lib/dpkg/updates"
touch "$dpkg_root/var/lib/dpkg/status"
# The fresh root holds no libc6 or libncursesw6 to satisfy Depends: the host's serve.
dpkg --root="$dpkg_root" --force-depends --force-script-chrootless -i "$deb" >&2
dpkg --root="$dpkg_root" -L svcwiz >&2
check_binary "$dpkg_root/usr/bin/svcwiz" "$dpkg_root/usr/share/man/man1/svcwiz.1.gz"
dpkg --root="$dpkg_root" --force-depends --force-script-chrootless --purge svcwiz >&2
left=$(find "$dpkg_root" -path "$dpkg_root/var" -prune -o -type f -print)
[ -z "$left" ] || fail "dpkg --purge left files: $left"

step "the tarball, unpacked and installed with its install.sh"
tar -C "$scratch" -xzf "$tarball"
unpacked=$scratch/svcwiz-$version-linux-$(uname -m)
for f in svcwiz svcwiz.1 README.md copyright install.sh completions/svcwiz.bash completions/_svcwiz completions/svcwiz.fish; do
    [ -f "$unpacked/$f" ] || fail "the tarball has no $f"
done
check_binary "$unpacked/svcwiz" "$unpacked/svcwiz.1"
prefix=$scratch/prefix/local
"$unpacked/install.sh" --prefix "$prefix" >&2
check_binary "$prefix/bin/svcwiz" "$prefix/share/man/man1/svcwiz.1.gz"
"$unpacked/install.sh" --uninstall --prefix "$prefix" >&2
# The install created $scratch/prefix, so the uninstall removes it too.
[ ! -e "$scratch/prefix" ] || fail "install.sh --uninstall left: $(find "$scratch/prefix")"

if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null 2>&1; then
    step "install.sh on a prefix it cannot write changes nothing"
    # nobody must reach the unpacked tarball; the prefix folder stays root's.
    chmod 0755 "$scratch"
    mkdir -p "$scratch/locked"
    if runuser -u nobody -- "$unpacked/install.sh" --prefix "$scratch/locked/usr" 2> "$scratch/err"; then
        fail "install.sh succeeded on a prefix nobody cannot write"
    fi
    grep -q 'cannot write' "$scratch/err" || fail "install.sh did not say it cannot write: $(cat "$scratch/err")"
    [ -z "$(ls -A "$scratch/locked")" ] || fail "install.sh changed $scratch/locked"
fi

ls -l dist >&2
echo "package.sh: the tarball and the package work without a Swift toolchain" >&2
