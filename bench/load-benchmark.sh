#!/usr/bin/env bash
# Load benchmark: the packaged jar as web + two workers on PostgreSQL and an S3Proxy of its own.
# Job start latency with JobRunr's poll alone and with the NOTIFY wake-up, then ten 200 MiB MP4s
# uploaded at once through the API flow against a plain S3 multipart upload of the same files, all
# processed, the web process's heap and CPU sampled. See bench/README.md.
#   bench/load-benchmark.sh [files=10] [MiB each=200] [latency samples=20]
set -euo pipefail
exec "$(dirname "$0")/java-benchmark.sh" test LoadBenchmark "${1:-10} ${2:-200} ${3:-20}"
