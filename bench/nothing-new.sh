#!/usr/bin/env bash
# Interleaved whole-process timings of a nothing-new `gard run` by two builds (A, B, A, B, ...) over the
# database and fetch folders that `bench/run.sh 0 --growth` leaves with HistoryGrowthBenchmark's --leave:
# over one fetch folder (raw-1/) and over all the folders kept (raw/), each build writing into its own output
# folder. Prints the median and spread of each; then checks that both builds' outputs are byte-identical.
#   bench/nothing-new.sh LAUNCHER_A LAUNCHER_B [RUNS (7)] [WORK (bench/work/growth)]
# A launcher is a copy of ./gard beside its target/gard.jar and target/launch/ (so that a rebuild of the
# checkout does not change it mid-run).
set -euo pipefail
A="$1"; B="$2"; RUNS="${3:-7}"; WORK="${4:-bench/work/growth}"
DB="$WORK/growth.sqlite"
declare -A T
once() { # launcher raw out -> wall seconds
    /usr/bin/time -f %e -o "$WORK/ab-time.txt" "$1" run --raw "$2" --db "$DB" --out "$3" >"$WORK/ab.log" 2>&1
    grep -q "nothing new" "$WORK/ab.log" || { echo "not a nothing-new run: $(cat "$WORK/ab.log")" >&2; exit 1; }
    tail -n 1 "$WORK/ab-time.txt"
}
for raw in raw-1 raw; do # one run each first: listings kept, outputs and stamps written
    once "$A" "$WORK/$raw" "$WORK/out-a" >/dev/null; once "$B" "$WORK/$raw" "$WORK/out-b" >/dev/null
done
echo "load average before: $(cat /proc/loadavg)"
for i in $(seq "$RUNS"); do
    for raw in raw-1 raw; do
        T[a-$raw]+="$(once "$A" "$WORK/$raw" "$WORK/out-a") "
        T[b-$raw]+="$(once "$B" "$WORK/$raw" "$WORK/out-b") "
    done
done
echo "load average after: $(cat /proc/loadavg)"
stats() { tr ' ' '\n' | grep . | sort -n | awk '{v[NR]=$1} END {printf "median %.2f s (%.2f..%.2f)", v[int((NR+1)/2)], v[1], v[NR]}'; }
for raw in raw-1 raw; do
    n=$(find -L "$WORK/$raw" -mindepth 1 -maxdepth 1 | wc -l)
    echo "$raw ($n fetch folders): A $A: $(echo "${T[a-$raw]}" | stats); B $B: $(echo "${T[b-$raw]}" | stats)"
done
if diff -r -x .gard-outputs "$WORK/out-a" "$WORK/out-b" >/dev/null; then echo "outputs of A and B: identical"; else echo "outputs of A and B DIFFER"; fi
