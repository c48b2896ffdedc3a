#!/usr/bin/env bash
# Listing benchmark: a pin with 100,000 videos on PostgreSQL, any page and a timeline day over HTTP, and the plans. See bench/README.md.
#   bench/listing-benchmark.sh [videos per pin=100000] [requests per case=300]
set -euo pipefail
exec "$(dirname "$0")/java-benchmark.sh" test ListingBenchmark "${1:-100000} ${2:-300}"
