#!/usr/bin/env bash
# Long files: a 30-minute 1080p30 clip of about 2 GiB (the upload limit), the bare ffmpeg proxy
# command on it, then uploaded and processed end to end by the packaged jar as web + two workers on
# PostgreSQL and S3Proxy, with the three heaps sampled. See bench/README.md.
#   bench/long-file-benchmark.sh [minutes=30] [video Mb/s=9.2]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh test
./mvnw -B -q --no-transfer-progress -DskipTests install
./mvnw -B -q --no-transfer-progress -pl backend exec:java -Dexec.classpathScope=test \
  -Dapp.jar="$PWD/backend/target/spatial-intel-video.jar" \
  -Dexec.mainClass=com.spatialintel.video.bench.LongFileBenchmark -Dexec.args="${1:-30} ${2:-9.2}"
