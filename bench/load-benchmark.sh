#!/usr/bin/env bash
# Load benchmark: the packaged jar as web + two workers on PostgreSQL and an S3Proxy of its own.
# Job start latency with JobRunr's poll alone and with the NOTIFY wake-up, then ten 200 MiB MP4s
# uploaded at once through the API flow against a plain S3 multipart upload of the same files, all
# processed, the web process's heap and CPU sampled. See bench/README.md.
#   bench/load-benchmark.sh [files=10] [MiB each=200] [latency samples=20]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh test
./mvnw -B -q --no-transfer-progress -DskipTests install
./mvnw -B -q --no-transfer-progress -pl backend exec:java -Dexec.classpathScope=test \
  -Dapp.jar="$PWD/backend/target/spatial-intel-video.jar" \
  -Dexec.mainClass=com.spatialintel.video.bench.LoadBenchmark -Dexec.args="${1:-10} ${2:-200} ${3:-20}"
