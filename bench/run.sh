#!/usr/bin/env bash
# Benchmarks of the pipeline on the 5,910-page corpus of ../shared/corpus: medians of RUNS whole-process
# runs (default 3) of the parse floor, a full ingest, an identical re-ingest, a 1%-changed fetch and the
# export, with peak memory; then, with --growth, 100 fetches with 1% churn each; with --pack, 60 such fetches
# run and packed (docs/operations.md, "Packing old fetches").
#   bench/run.sh [RUNS] [--growth|--pack]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
WORK="bench/work"
mkdir -p "$WORK"
mvn -B -q -DskipTests package test-compile
./gard --version >/dev/null  # makes the launcher's start-up cache outside the timed runs
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/classpath.txt")"
if [ ! -d "$WORK/corpus/pages" ]; then
    mkdir -p "$WORK/corpus"
    tar -xJf ../shared/corpus/gard-2022-html.tar.xz -C "$WORK/corpus"
fi
java -cp "$CP" org.gardpipeline.bench.PipelineBenchmark "$CP" "$WORK/corpus/pages" "$WORK" "$RUNS"
if [ "${2:-}" = "--growth" ]; then
    java -Xmx1g -XX:+UseSerialGC -cp "$CP" org.gardpipeline.bench.HistoryGrowthBenchmark "$WORK/corpus/pages" "$WORK/growth" 100
fi
if [ "${2:-}" = "--pack" ]; then
    rm -rf "$WORK/pack"
    java -Xmx1g -XX:+UseSerialGC -cp "$CP" org.gardpipeline.bench.PackBenchmark "$WORK/corpus/pages" "$WORK/pack" 60
fi
