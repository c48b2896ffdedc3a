#!/usr/bin/env bash
# Motion search benchmark: 24 h and 7 days of one-hour clips with motion indexes on PostgreSQL and
# S3Proxy, searched cold and cached over HTTP, against decoding and diffing the proxies' frames in the
# region (the way Frigate searches). See bench/README.md.
#   bench/motion-benchmark.sh [searches per case=30] [minutes of proxy decoded=10]
set -euo pipefail
exec "$(dirname "$0")/java-benchmark.sh" test MotionBenchmark "${1:-30} ${2:-10}"
