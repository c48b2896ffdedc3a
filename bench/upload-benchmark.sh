#!/usr/bin/env bash
# Upload benchmark: API flow vs plain S3 multipart, and API latencies. See bench/README.md.
#   bench/upload-benchmark.sh [size MiB=1024] [rounds=3] [latency samples=200]
set -euo pipefail
exec "$(dirname "$0")/java-benchmark.sh" run UploadBenchmark "${1:-1024} ${2:-3} ${3:-200}"
