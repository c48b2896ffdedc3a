#!/usr/bin/env bash
# Streaming benchmark: /proxy (signed link, Range) vs a presigned S3 GET, and seek latency. See bench/README.md.
#   bench/streaming-benchmark.sh [proxy size MiB=64] [rounds=3] [range reads per reader=40]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh run
# the backend needs the web UI module installed to resolve its classpath on its own
./mvnw -B -q --no-transfer-progress -DskipTests install
./mvnw -B -q --no-transfer-progress -pl backend exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.spatialintel.video.bench.StreamingBenchmark -Dexec.args="${1:-64} ${2:-3} ${3:-40}"
