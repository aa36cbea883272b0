#!/usr/bin/env bash
# Benchmarks of the pipeline on the 5,910-page corpus of ../shared/corpus: medians of RUNS whole-process
# runs (default 3; 0 skips them) of the parse floor, a full ingest, an identical re-ingest, a 1%-changed fetch
# and the export, with peak memory; then, with --growth, the history growth benchmark: FETCHES daily fetches
# (default 365) with 1% churn each, the last 60 kept as fetch folders under bench/work/growth/raw/ (with
# --packed, each ingest followed by ./gard pack); with --pack, 60 such fetches run and packed
# (docs/operations.md, "Packing old fetches"); with --api, the ingest of GARD's 6,061 API records of 2020 interleaved
# with its floor (Jackson + jsoup) and with a full ingest of the 2022 pages; with --daily, a ./gard run ingesting one
# more 1%-changed fetch, with its outputs, over a history of DAYS (default 60) such fetches against the same run over
# one fetch, interleaved (DailyRunBenchmark; about 10 minutes for 60 on 2 cores).
#   bench/run.sh [RUNS] [--growth [FETCHES] [--packed]] [--pack] [--api] [--daily [DAYS]]
# GARD_BENCH_CORPUS=DIR reads the unpacked pages from DIR instead of unpacking them into bench/work/.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
shift || true
GROWTH=""
FETCHES=365
PACKED=""
PACK=""
API=""
DAILY=""
DAYS=60
while [ $# -gt 0 ]; do
    case "$1" in
        --growth) GROWTH=1; if [ -n "${2:-}" ] && [ "${2#-}" = "$2" ]; then FETCHES="$2"; shift; fi ;;
        --packed) PACKED=--pack ;;
        --pack) PACK=1 ;;
        --api) API=1 ;;
        --daily) DAILY=1; if [ -n "${2:-}" ] && [ "${2#-}" = "$2" ]; then DAYS="$2"; shift; fi ;;
        *) echo "usage: bench/run.sh [RUNS] [--growth [FETCHES] [--packed]] [--pack] [--api] [--daily [DAYS]]" >&2; exit 2 ;;
    esac
    shift
done
WORK="bench/work"
mkdir -p "$WORK"
mvn -B -q -DskipTests package test-compile
./gard --version >/dev/null  # makes the launcher's start-up cache outside the timed runs
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"
CORPUS="${GARD_BENCH_CORPUS:-$WORK/corpus/pages}"
if [ ! -d "$CORPUS" ]; then
    mkdir -p "$WORK/corpus"
    tar -xJf ../shared/corpus/gard-2022-html.tar.xz -C "$WORK/corpus"
fi
if [ "$RUNS" -gt 0 ]; then
    java -cp "$CP" org.gardpipeline.bench.PipelineBenchmark "$CP" "$CORPUS" "$WORK" "$RUNS"
fi
if [ -n "$GROWTH" ]; then
    # 15 to 30 minutes for 365 fetches on 2 cores; the 60 folders kept share unchanged pages as hard links
    java -Xmx1g -XX:+UseSerialGC -cp "$CP" org.gardpipeline.bench.HistoryGrowthBenchmark "$CORPUS" "$WORK/growth" "$FETCHES" \
        --keep 60 $PACKED
fi
if [ -n "$PACK" ]; then
    rm -rf "$WORK/pack"
    java -Xmx1g -XX:+UseSerialGC -cp "$CP" org.gardpipeline.bench.PackBenchmark "$CORPUS" "$WORK/pack" 60
fi
if [ -n "$API" ]; then
    if [ ! -d "$WORK/api/gard-api-2020" ]; then
        mkdir -p "$WORK/api"
        tar -xJf ../shared/corpus/gard-api-2020.tar.xz -C "$WORK/api"
    fi
    # five interleaved rounds unless RUNS asks for more
    API_RUNS=$(( RUNS > 5 ? RUNS : 5 ))
    java -cp "$CP" org.gardpipeline.bench.ApiBenchmark "$CP" "$WORK/api/gard-api-2020/diseases" "$CORPUS" "$WORK" "$API_RUNS"
fi
if [ -n "$DAILY" ]; then
    # three interleaved rounds unless RUNS asks for more
    DAILY_RUNS=$(( RUNS > 3 ? RUNS : 3 ))
    java -Xmx1g -XX:+UseSerialGC -cp "$CP" org.gardpipeline.bench.DailyRunBenchmark "$CORPUS" "$WORK/daily" "$DAYS" "$DAILY_RUNS"
fi
