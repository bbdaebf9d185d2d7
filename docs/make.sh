#!/usr/bin/env bash
# Regenerates the files in docs/ that come from the program itself, so they cannot drift:
#   docs/en/keymap.md, docs/zh/keymap.md   svcwiz keys --format markdown (KeyMap + UIText)
#   docs/completions/svcwiz.{bash,zsh,fish} svcwiz --generate-completion-script
#   docs/svcwiz.1                          swift-argument-parser's generate-manual plugin
# Tests/EndToEndTests/DocsKeymapTests.swift fails when the keymap files differ from the
# binary's output. SCRATCH_PATH picks swift build's scratch folder (default .build).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
scratch=${SCRATCH_PATH:-$root/.build}
cd "$root"

swift build --scratch-path "$scratch" --product svcwiz >&2
bin=$(swift build --scratch-path "$scratch" --show-bin-path)/svcwiz

"$bin" keys --lang en --format markdown > docs/en/keymap.md
"$bin" keys --lang zh --format markdown > docs/zh/keymap.md

mkdir -p docs/completions
"$bin" --generate-completion-script bash > docs/completions/svcwiz.bash
"$bin" --generate-completion-script zsh > docs/completions/_svcwiz
"$bin" --generate-completion-script fish > docs/completions/svcwiz.fish

# A fixed date keeps the page the same from one run to the next.
swift package --scratch-path "$scratch" plugin --allow-writing-to-package-directory \
    generate-manual --configuration debug --date 2026-01-01 --authors "the svcwiz authors" >&2
cp "$scratch/plugins/GenerateManual/outputs/svcwiz/svcwiz.1" docs/svcwiz.1

echo "docs/make.sh: keymaps, completions and the man page are up to date" >&2
