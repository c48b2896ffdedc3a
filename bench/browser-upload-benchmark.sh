#!/usr/bin/env bash
# The web page's checksum and upload vs sha256sum and a plain S3 multipart upload. See bench/README.md.
#   bench/browser-upload-benchmark.sh [size MiB=1024] [rounds=3] [MiB at the emulated 20 and 100 Mbit/s links=64]
set -euo pipefail
exec "$(dirname "$0")/java-benchmark.sh" test BrowserUploadBenchmark "${1:-1024} ${2:-3} ${3:-64}"
