#!/usr/bin/env bash
# Streaming benchmark: /proxy (signed link, Range) vs a presigned S3 GET, and seek latency. See bench/README.md.
#   bench/streaming-benchmark.sh [proxy size MiB=64] [rounds=3] [range reads per reader=40] [one-reader: only one reader's whole file and 1 MiB ranges]
set -euo pipefail
exec "$(dirname "$0")/java-benchmark.sh" run StreamingBenchmark "${1:-64} ${2:-3} ${3:-40} ${4:-all}"
