#!/usr/bin/env bash
# Benchmark the local org over loopback against a bare net/http baseline, in one run.
# Flags pass through, e.g. bench/org.sh -clients 4 -duration 3s
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./bench/orgbench "$@"
