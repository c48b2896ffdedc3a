#!/usr/bin/env bash
# Long files: a 30-minute 1080p30 clip of about 2 GiB (the upload limit), the bare ffmpeg proxy
# command on it, then uploaded and processed end to end by the packaged jar as web + two workers on
# PostgreSQL and S3Proxy, with the three heaps sampled. See bench/README.md.
#   bench/long-file-benchmark.sh [minutes=30] [video Mb/s=9.2]
set -euo pipefail
exec "$(dirname "$0")/java-benchmark.sh" test LongFileBenchmark "${1:-30} ${2:-9.2}"
