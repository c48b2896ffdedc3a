#!/usr/bin/env bash
# Prints the backend's line coverage from JaCoCo's report (backend/target/site/jacoco/jacoco.csv),
# written by `make test` (unit and service layers) and `make unit` (unit layer alone).
set -euo pipefail
csv="$(dirname "$0")/../backend/target/site/jacoco/jacoco.csv"
if [[ ! -f "$csv" ]]; then
  echo "No coverage report at $csv" >&2
  exit 1
fi
awk -F, 'NR > 1 { missed += $8; covered += $9 } END {
  printf "Backend line coverage (JaCoCo, %s): %.1f %% (%d of %d lines)\n", layer, 100 * covered / (missed + covered), covered, missed + covered
}' layer="${1:-unit and service layers}" "$csv"
