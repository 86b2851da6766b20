#!/usr/bin/env bash
# The scale benchmark (see README, "Performance"): builds the jar and the benchmark, then runs
# financestream.benchmark.Benchmark, which runs the real jar on a synthetic replay file in a child JVM.
#   scripts/benchmark.sh                                  # 500 symbols × 5 days ≈ 1M bars, 3 runs
#   scripts/benchmark.sh --symbols 500 --days 52 --runs 1 # ≈ 10M bars (the query target)
#   scripts/benchmark.sh query [--runs 7]                 # the query command: JVM start to answer
# Options: --symbols N --days D --runs 3 --heap 256m --buffer-interval-seconds 0 --buffer-size-mib 5
#          --dir target/benchmark
#   scripts/benchmark.sh freshness [--symbols 10,500] [--minutes 12]
#     live-mode freshness on the embedded engines: p50/p95/max delay from the end of a minute to a query seeing
#     its bar (financestream.benchmark.Freshness, in this JVM)
# Set BENCHMARK_SKIP_BUILD=1 to reuse target/finance-stream.jar and target/test-classes.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${BENCHMARK_SKIP_BUILD:-}" != 1 ]]; then
  ./mvnw -q package -DskipTests
fi
if [[ "${1:-}" == freshness ]]; then
  shift
  exec java -Xmx1g -cp target/test-classes:target/finance-stream.jar financestream.benchmark.Freshness "$@"
fi
if [[ "${1:-}" == query ]]; then
  # the query command's time from JVM start to answer: reference lake and a 1M-bar lake
  shift
  exec java -cp target/test-classes:target/finance-stream.jar financestream.benchmark.QueryCommandTiming "$@"
fi
exec java -Xmx1g -cp target/test-classes:target/finance-stream.jar financestream.benchmark.Benchmark "$@"
