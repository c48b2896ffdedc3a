#!/usr/bin/env bash
# The timeline page in Chromium: draw, zoom and pan of a day of 1,440 clips (and of a mall of 20 pins),
# and the stall at clip changes in continuous playback. See bench/README.md.
#   bench/timeline-page-benchmark.sh [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh test
./mvnw -B -q --no-transfer-progress -DskipTests install
cd frontend
APP_JAR="$(pwd)/../backend/target/spatial-intel-video.jar" node bench/timeline-page.mjs "${1:-5}"
