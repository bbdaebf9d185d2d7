#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (with address sanitizer, in .build-fuzz) and runs
# each for a bounded time and number of runs, seeded from ../shared and the tests' data.
#
#   scripts/fuzz.sh --smoke                     # CI: a short, repeatable run of the light targets
#   scripts/fuzz.sh [--release] [--runs N] [--time S] [TARGET...]
#
# --release builds optimized (with -enable-testing for the targets' @testable imports):
# a much longer build, tens of times more executions per second; for long campaigns.
#
# A crash leaves its input in .build-fuzz/crashes/TARGET/ and fails the script; make it a
# regression test (docs/reliability.md says how).
set -euo pipefail
cd "$(dirname "$0")/.."

all=(FuzzManifest FuzzKubeconfig FuzzKeys FuzzWatch FuzzIndexCache)
# The smoke leaves out the targets that need KubeClient: building swift-nio and
# async-http-client again with sanitizers would take CI several minutes more.
light=(FuzzManifest FuzzKeys FuzzIndexCache)
smoke=0
fixed_seed=()
config=debug
runs=1000000
seconds=1800
# Longer seeds are cut to this: every execution reads the input several times, and a few
# lines are enough to reach the readers' branches.
max_len=4096
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        # A fixed seed, the seeds alone as the corpus, and a count of runs rather than a
        # time (the time is only a guard against a stuck build machine): the smoke runs
        # the same inputs on every run of an unchanged tree, so CI cannot turn red by chance.
        --smoke) smoke=1; runs=2000; seconds=300; fixed_seed=(-seed=1) ;;
        --runs) runs="$2"; shift ;;
        --release) config=release ;;
        --time) seconds="$2"; shift ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1") ;;
    esac
    shift
done
if [ ${#targets[@]} -eq 0 ]; then
    if [ "$smoke" = 1 ]; then targets=("${light[@]}"); else targets=("${all[@]}"); fi
fi

scratch=.build-fuzz
shared=../shared
export SVCWIZ_FUZZ=1
# A crash is reported by the sanitizer; Swift's backtracer would only add a wait.
export SWIFT_BACKTRACE=enable=no
build() {
    swift build --scratch-path "$scratch" -c "$config" --product "$1" -Xswiftc -enable-testing \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
        -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld >&2
}
bin="$(swift build --scratch-path "$scratch" -c "$config" --show-bin-path)"

# Seeds: copied at run time from ../shared, the tests' fixtures and Fuzz/Seeds (an index
# cache of docs/examples/shop: the one input that cannot be written as text here).
seed() {
    local target="$1" dir="$scratch/corpus/$1"
    if [ "$smoke" = 1 ]; then rm -rf "$dir"; fi
    mkdir -p "$dir"
    case "$target" in
        FuzzManifest)
            cp -n "$shared"/corpus/realworld/*.yaml "$shared"/corpus/realworld/*.json "$dir"/ 2>/dev/null || true
            cp -n Tests/Fixtures/hostile/* docs/examples/shop/*/*.yaml "$dir"/ 2>/dev/null || true ;;
        FuzzKubeconfig)
            find "$shared"/fixtures Tests -name '*kubeconfig*' -type f -exec cp -n {} "$dir"/ \; 2>/dev/null || true
            printf 'apiVersion: v1\nkind: Config\ncurrent-context: dev\nclusters:\n- name: c\n  cluster: {server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true}\nusers:\n- name: u\n  user: {token: abc}\ncontexts:\n- name: dev\n  context: {cluster: c, user: u, namespace: shop}\n' > "$dir/minimal"
            printf 'apiVersion: v1\nkind: Config\nusers:\n- name: e\n  user:\n    exec: {command: get-token, apiVersion: client.authentication.k8s.io/v1, args: [a], env: [{name: A, value: b}]}\n' > "$dir/exec" ;;
        FuzzWatch)
            find "$shared"/fixtures/kube-api -type f -name '*.json' -exec cp -n {} "$dir"/ \; 2>/dev/null || true
            printf '\x10{"type":"ADDED","object":{"kind":"Service","metadata":{"name":"a","namespace":"b","resourceVersion":"1"},"spec":{"ports":[{"port":80}]}}}\n{"type":"ERROR","object":{"kind":"Status","code":410,"reason":"Expired"}}\n' > "$dir/events" ;;
        FuzzKeys)
            printf '\x00\x1b\x00[\x00A\x03\x00a\x01\xe4\xb8\x80\x02\x04\x01\x03\x02\x2e\x02\x00q' > "$dir/keys" ;;
        FuzzIndexCache)
            cp -n Fuzz/Seeds/FuzzIndexCache/* "$dir"/ ;;
    esac
}

failed=0
for target in "${targets[@]}"; do
    build "$target"
    seed "$target"
    mkdir -p "$scratch/crashes/$target"
    echo "== $target: up to $runs runs or $seconds s" >&2
    if ! "$bin/$target" "$scratch/corpus/$target" ${fixed_seed[@]+"${fixed_seed[@]}"} -runs="$runs" -max_total_time="$seconds" -max_len="$max_len" \
        -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$scratch/crashes/$target/" -print_final_stats=1 \
        2> "$scratch/$target.log"; then
        failed=1
        echo "$target: FAILED, input in $scratch/crashes/$target/; log $scratch/$target.log" >&2
        tail -40 "$scratch/$target.log" >&2
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$target.log" | sed "s/^/$target /" >&2 || true
done
exit $failed
