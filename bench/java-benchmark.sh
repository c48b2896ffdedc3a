#!/usr/bin/env bash
# What every Java benchmark script does (bench/README.md): install what it needs, build and install
# the modules (the backend resolves the web UI module on its own), and run the benchmark's main class
# from the test classpath, with the packaged jar's path for the benchmarks that start it as processes.
#   bench/java-benchmark.sh <prerequisites: run|test> <class in com.spatialintel.video.bench> "<arguments>"
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh "$1"
./mvnw -B -q --no-transfer-progress -DskipTests install
./mvnw -B -q --no-transfer-progress -pl backend exec:java -Dexec.classpathScope=test \
  -Dapp.jar="$PWD/backend/target/spatial-intel-video.jar" \
  -Dexec.mainClass="com.spatialintel.video.bench.$2" -Dexec.args="$3"
