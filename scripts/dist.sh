#!/usr/bin/env bash
# Builds what an operator copies to a jump host or installs with dpkg:
#   dist/svcwiz-<version>-linux-<arch>.tar.gz   binary, man page, completions, README,
#                                               copyright, install.sh
#   dist/svcwiz_<version>_<debian-arch>.deb     /usr/bin/svcwiz, man1, completions, doc
#   dist/SHA256SUMS                             for both
# The binary is a release build with the Swift runtime linked in (--static-swift-stdlib),
# stripped, so it needs only glibc, libstdc++, libgcc_s, zlib and ncursesw on the host.
# The build is scripts/build-release.sh's; the version and commit come from
# scripts/version.sh, and a tree with changes builds too, as <number>-dirty.
# SCRATCH_PATH picks swift build's scratch folder (default .build-release);
# KEEP_UNSTRIPPED=1 also leaves dist/svcwiz.unstripped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dist=$root/dist
cd "$root"

fail() { echo "dist.sh: $*" >&2; exit 1; }
for tool in swift git strip gzip tar sha256sum dpkg dpkg-deb dpkg-shlibdeps dpkg-gencontrol; do
    command -v "$tool" >/dev/null 2>&1 || fail "needs $tool (Debian: apt-get install dpkg-dev binutils)"
done

version=$(scripts/version.sh)
commit=$(scripts/version.sh --commit)
case "$version" in *-dirty) echo "dist.sh: the tree has changes: building $version (commit $commit)" >&2 ;; esac
arch=$(uname -m)
deb_arch=$(dpkg --print-architecture)
# Dates inside the archives: the commit's, so the same commit packs the same bytes.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

rm -rf "$dist"
mkdir -p "$dist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same stripped file goes into the tarball and the package.
bin=$(scripts/build-release.sh --strip-to "$work/svcwiz")
if [ "${KEEP_UNSTRIPPED:-0}" = 1 ]; then cp "$bin" "$dist/svcwiz.unstripped"; fi
echo "dist.sh: binary $(stat -c %s "$bin") bytes, stripped $(stat -c %s "$work/svcwiz") bytes" >&2
"$work/svcwiz" --version | grep -qF "$commit" || fail "the built binary does not report commit $commit"

# Archives list their members sorted, owned by root, dated SOURCE_DATE_EPOCH.
pack() { # pack OUTPUT.tar.gz DIR MEMBER
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
        -C "$2" -cf - "$3" | gzip -9n > "$1"
}

# The tarball.
name=svcwiz-$version-linux-$arch
t=$work/$name
mkdir -p "$t/completions"
install -m 0755 "$work/svcwiz" "$t/svcwiz"
install -m 0755 scripts/install.sh "$t/install.sh"
install -m 0644 docs/svcwiz.1 "$t/svcwiz.1"
install -m 0644 README.md "$t/README.md"
install -m 0644 packaging/copyright "$t/copyright"
install -m 0644 docs/completions/svcwiz.bash docs/completions/_svcwiz docs/completions/svcwiz.fish "$t/completions/"
pack "$dist/$name.tar.gz" "$work" "$name"

# The Debian package, laid out as a source tree (debian/control, debian/changelog,
# debian/svcwiz/ as the package root) so dpkg-shlibdeps computes Depends from the
# libraries the binary links and dpkg-gencontrol writes the control file, as a Debian
# build would.
src=$work/src
p=$src/debian/svcwiz
doc=$p/usr/share/doc/svcwiz
install -D -m 0644 packaging/control "$src/debian/control"
install -D -m 0755 "$work/svcwiz" "$p/usr/bin/svcwiz"
install -d -m 0755 "$p/usr/share/man/man1" "$doc"
gzip -9n < docs/svcwiz.1 > "$p/usr/share/man/man1/svcwiz.1.gz"
# bash sources completions, so the generated script's #! line is noise to Debian.
install -d -m 0755 "$p/usr/share/bash-completion/completions"
sed '1{/^#!/d}' docs/completions/svcwiz.bash > "$p/usr/share/bash-completion/completions/svcwiz"
chmod 0644 "$p/usr/share/bash-completion/completions/svcwiz"
install -D -m 0644 docs/completions/_svcwiz "$p/usr/share/zsh/vendor-completions/_svcwiz"
install -D -m 0644 docs/completions/svcwiz.fish "$p/usr/share/fish/vendor_completions.d/svcwiz.fish"
install -m 0644 packaging/copyright "$doc/copyright"
install -D -m 0644 packaging/lintian-overrides "$p/usr/share/lintian/overrides/svcwiz"
maintainer=$(sed -n 's/^Maintainer: //p' packaging/control | head -n 1)
{
    echo "svcwiz ($version) unstable; urgency=medium"
    echo
    echo "  * Built from commit $commit."
    echo
    echo " -- $maintainer  $(date -u -R -d "@$SOURCE_DATE_EPOCH")"
} > "$src/debian/changelog"
# Debian names the changelog of a package without a revision (native) changelog.gz.
case "$version" in *-*) changelog=changelog.Debian.gz ;; *) changelog=changelog.gz ;; esac
gzip -9n < "$src/debian/changelog" > "$doc/$changelog"
(
    cd "$src"
    install -d -m 0755 debian/svcwiz/DEBIAN
    dpkg-shlibdeps -Tdebian/svcwiz.substvars debian/svcwiz/usr/bin/svcwiz
    grep -q '^shlibs:Depends=.' debian/svcwiz.substvars || fail "dpkg-shlibdeps computed no Depends"
    (cd debian/svcwiz && find usr -type f | LC_ALL=C sort | xargs md5sum) > debian/svcwiz/DEBIAN/md5sums
    chmod 0644 debian/svcwiz/DEBIAN/md5sums
    dpkg-gencontrol -psvcwiz -Pdebian/svcwiz -Tdebian/svcwiz.substvars -v"$version"
)
deb=$dist/svcwiz_${version}_$deb_arch.deb
dpkg-deb --root-owner-group -Zxz --build "$p" "$deb" >&2

(cd "$dist" && sha256sum "$name.tar.gz" "$(basename "$deb")" > SHA256SUMS)
dpkg-deb --field "$deb" Depends | sed 's/^/dist.sh: Depends: /' >&2
ls -l "$dist" >&2
