# Shared by the Scripts/fuzz-* scripts (sourced, not run): build one libFuzzer target of the
# Fuzz package, run it on a seed corpus, report each job's statistics and keep crashing inputs.
#
# FUZZ_SANITIZERS picks the sanitizers (default `fuzzer,address`). `fuzzer` alone makes each run
# cheaper where the property checked does not need AddressSanitizer (a differential target).
# Extra libFuzzer flags pass through; with `-jobs=N -workers=N`, RUNS counts per job and each
# job's log lands in the scratch folder, whose statistics are printed at the end.

set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# fuzz_prepare TARGET: builds TARGET and sets $fuzzer (its path) and $work (a scratch folder,
# removed on exit, holding corpus/ and artifacts/).
fuzz_prepare() {
    local target="$1" sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}" scratch=Fuzz/.build-fuzz
    [ "$sanitizers" = "fuzzer,address" ] || scratch="Fuzz/.build-fuzz-${sanitizers//,/-}"
    swift build --package-path Fuzz -c release --scratch-path "$scratch" \
        -Xswiftc -sanitize="$sanitizers" -Xswiftc -parse-as-library --product "$target"
    fuzzer="$(swift build --package-path Fuzz -c release --scratch-path "$scratch" --show-bin-path)/$target"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$work/corpus" "$work/artifacts"
}

# fuzz_run RUNS MAX_LEN [libFuzzer flags...]: runs the fuzzer from $work over $work/corpus;
# exits 1 when an input crashed (copied to Fuzz/artifacts), else with the fuzzer's status.
fuzz_run() {
    local runs="$1" max_len="$2" status=0
    shift 2
    (cd "$work" && "$fuzzer" "$work/corpus" -runs="$runs" -max_len="$max_len" \
        -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@") || status=$?
    local log
    for log in "$work"/fuzz-*.log; do
        [ -f "$log" ] || continue
        echo "== $(basename "$log")"
        grep -E "^stat::|^Done|==ERROR|SUMMARY" "$log" || true
    done
    if ls "$work/artifacts"/* >/dev/null 2>&1; then
        mkdir -p Fuzz/artifacts && cp "$work/artifacts"/* Fuzz/artifacts/
        echo "crashing inputs saved in Fuzz/artifacts" >&2
        exit 1
    fi
    exit "$status"
}
