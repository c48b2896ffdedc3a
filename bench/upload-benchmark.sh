#!/usr/bin/env bash
# Upload benchmark: API flow vs plain S3 multipart, and API latencies. See bench/README.md.
#   bench/upload-benchmark.sh [size MiB=1024] [rounds=3] [latency samples=200]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh run
# the backend needs the web UI module installed to resolve its classpath on its own
./mvnw -B -q --no-transfer-progress -DskipTests install
./mvnw -B -q --no-transfer-progress -pl backend exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.spatialintel.video.bench.UploadBenchmark -Dexec.args="${1:-1024} ${2:-3} ${3:-200}"
