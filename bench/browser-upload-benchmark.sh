#!/usr/bin/env bash
# The web page's checksum and upload vs sha256sum and a plain S3 multipart upload. See bench/README.md.
#   bench/browser-upload-benchmark.sh [size MiB=1024] [rounds=3] [MiB at the emulated 20 and 100 Mbit/s links=64]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh test
./mvnw -B -q --no-transfer-progress -DskipTests install
./mvnw -B -q --no-transfer-progress -pl backend exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.spatialintel.video.bench.BrowserUploadBenchmark -Dexec.args="${1:-1024} ${2:-3} ${3:-64}"
