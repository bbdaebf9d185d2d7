#!/usr/bin/env bash
# Makes every PNG in screenshots/ from the real program: svcwiz runs in tmux on a copy of
# docs/examples/shop, each screen is captured with its colours (tmux capture-pane -e),
# turned into HTML by aha, drawn by headless Chromium and cropped to the terminal.
#
#   screenshots/make.sh              # all of them
#   screenshots/make.sh list-en      # only the ones whose names contain "list-en"
#
# Needs (Debian): tmux aha chromium imagemagick fonts-dejavu-core fonts-noto-cjk
# (screenshots/make.sh --install-deps installs them). SCRATCH_PATH picks swift build's
# scratch folder (default .build); SVCWIZ_BIN skips the build and uses that binary.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
only=${1:-}

if [[ $only == --install-deps ]]; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y tmux aha chromium imagemagick fonts-dejavu-core fonts-noto-cjk
    exit 0
fi

for tool in tmux aha chromium convert; do
    command -v "$tool" >/dev/null || { echo "make.sh: $tool is missing: run $0 --install-deps" >&2; exit 1; }
done

if [[ -z ${SVCWIZ_BIN:-} ]]; then
    scratch=${SCRATCH_PATH:-$root/.build}
    (cd "$root" && swift build --scratch-path "$scratch" --product svcwiz >&2)
    SVCWIZ_BIN=$(cd "$root" && swift build --scratch-path "$scratch" --show-bin-path)/svcwiz
fi

work=$(mktemp -d /tmp/svcwiz-shots.XXXXXX)
socket="svcwiz-shots-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# ---- driving the program ---------------------------------------------------------------

pane() { tmux -L "$socket" capture-pane -p -t shot; }

# wait_for TEXT: until the screen shows TEXT (10 s at most).
wait_for() {
    local i
    for i in $(seq 1 100); do
        if pane | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    echo "make.sh: the screen never showed \"$1\"; it shows:" >&2
    pane >&2
    exit 1
}

# wait_gone TEXT: until the screen no longer shows TEXT (10 s at most), such as the editor's
# "checking the text…" while its text is read.
wait_gone() {
    local i
    for i in $(seq 1 100); do
        if ! pane | grep -qF -- "$1"; then return 0; fi
        sleep 0.1
    done
    echo "make.sh: the screen still shows \"$1\"" >&2
    exit 1
}

# keys KEY...: tmux key names, 0.25 s apart (an Esc followed at once by a key reads as Alt).
keys() {
    local key
    for key in "$@"; do
        tmux -L "$socket" send-keys -t shot "$key"
        sleep 0.25
    done
}

# type TEXT: literal text.
type_text() { tmux -L "$socket" send-keys -t shot -l "$1"; sleep 0.3; }

# start COLUMNS ROWS ARGS...: svcwiz in a fresh tmux session on a fresh copy of the shop.
start() {
    local columns=$1 rows=$2
    shift 2
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$work/shop" "$work/state"
    cp -r "$root/docs/examples/shop" "$work/shop"
    mkdir -p "$work/state"
    tmux -L "$socket" -f /dev/null new-session -d -s shot -x "$columns" -y "$rows" \
        env -i PATH="$PATH" HOME="$work" TERM=tmux-256color LANG=C.UTF-8 LC_ALL= XDG_STATE_HOME="$work/state" \
        SWIFT_BACKTRACE=enable=no "$SVCWIZ_BIN" --workspace "$work/shop" "$@"
    tmux -L "$socket" set-option -t shot status off >/dev/null
    tmux -L "$socket" resize-window -t shot -x "$columns" -y "$rows" >/dev/null 2>&1 || true
    COLUMNS_NOW=$columns
    ROWS_NOW=$rows
}

# shot NAME: the screen as it is now, to screenshots/NAME.png.
shot() {
    local name=$1
    if [[ -n $only && $name != *"$only"* ]]; then return 0; fi
    sleep 0.4
    tmux -L "$socket" capture-pane -e -p -t shot > "$work/$name.ans"
    aha --black --no-header < "$work/$name.ans" | python3 "$here/page.py" "$COLUMNS_NOW" "$ROWS_NOW" > "$work/$name.html"
    local width=$((COLUMNS_NOW * 10 + 80)) height=$((ROWS_NOW * 20 + 80))
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$width,$height" --screenshot="$work/$name.raw.png" "file://$work/$name.html" >/dev/null 2>&1
    # The page around the terminal is magenta: trim it off.
    convert "$work/$name.raw.png" -trim +repage -strip "$here/$name.png"
    echo "screenshots/$name.png"
}

# wizard_basic, wizard_settings: the create wizard's first two steps for a service "orders" (订单服务) that
# picks the catalog Deployment and serves http on port 80.
wizard_basic() {
    keys c
    type_text orders
    keys Tab
    type_text "订单服务"
    keys Tab
    type_text "Order API of the shop"
}
wizard_settings() {
    keys C-n Tab C-w
    wait_for "catalog  app=catalog"
    keys Down Down Enter
    # The notice names the workload in the UI's language ("Deployment catalog", "部署 catalog").
    wait_for " catalog "
    keys Tab Tab Tab Tab
    type_text http
    keys Tab Tab
    type_text http
    keys Tab
    type_text 80
    keys Tab
    type_text http
}

# ---- the screens -----------------------------------------------------------------------

# English, 120x32: the whole create flow, then an edit with its diff.
start 120 32
wait_for "payments-ext"
keys j j j
shot list-en
keys Enter
wait_for "frontend.shop.svc.cluster.local"
shot detail-en
keys Escape
sleep 0.3
keys "?"
shot help-en
keys Escape
sleep 0.3
wizard_basic
shot wizard-1-basic-en
keys C-n Tab C-w
wait_for "catalog  app=catalog"
# Two workloads marked: the line under them names the labels they share.
keys Down Space Space
wait_for "2 marked"
shot wizard-2-pick-workload-en
keys Escape
sleep 0.3
keys C-p
wizard_settings
shot wizard-2-settings-en
keys C-n
wait_for "[3 "
keys C-a
type_text tier
keys Tab
type_text api
shot wizard-3-labels-en
keys C-n
wait_for "[4 "
keys Right Tab
type_text 30180
shot wizard-4-access-en
keys C-n
wait_for "[Review]"
shot wizard-review-en
keys C-p F2
wait_for "edit mode"
wait_gone "checking the text…"
shot editor-yaml-en
keys F3
wait_for "\"apiVersion\""
shot editor-json-en
keys F3
wait_for "apiVersion: v1"
keys C-s
wait_for "orders.shop.svc.cluster.local"
shot detail-created-en
keys Escape
sleep 0.3
keys g e
wait_for "External access"
keys Down Down Down Enter
wait_for "Reachable inside the cluster only"
keys Right Right Tab Tab Left Left Tab Tab
type_text eip-shop01
keys C-s
wait_for "eip-shop01"
shot diff-en

# Chinese (--lang zh), 120x32.
start 120 32 --lang zh
wait_for "payments-ext"
keys j j j
shot list-zh
keys Enter
wait_for "frontend.shop.svc.cluster.local"
shot detail-zh
keys Escape
sleep 0.3
wizard_basic
wizard_settings
shot wizard-2-settings-zh
keys F2
wait_for "编辑模式"
wait_gone "正在检查文本…"
shot editor-yaml-zh

# The smallest size everything is laid out for: 80x24 (no preview pane beside the form).
start 80 24
wait_for "payments-ext"
shot list-80x24-en
wizard_basic
wizard_settings
shot wizard-2-settings-80x24-en
