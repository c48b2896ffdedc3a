#!/usr/bin/env bash
# Listing benchmark: a pin with 100,000 videos on PostgreSQL, any page and a timeline day over HTTP, and the plans. See bench/README.md.
#   bench/listing-benchmark.sh [videos per pin=100000] [requests per case=300]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh test
# the backend needs the web UI module installed to resolve its classpath on its own
./mvnw -B -q --no-transfer-progress -DskipTests install
./mvnw -B -q --no-transfer-progress -pl backend exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.spatialintel.video.bench.ListingBenchmark -Dexec.args="${1:-100000} ${2:-300}"
