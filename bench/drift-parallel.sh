#!/usr/bin/env bash
# cx drift over a generated workspace of 30 projects in 3 environments (dev, test, prod),
# one project after another (parallel 1) and with parallel 4, in one run against one local
# org with 20 ms latency per API request. Prints both times and the ratio. Needs bin/tofu
# (tools/tofu) or tofu on PATH. Flags pass through, e.g. bench/drift-parallel.sh -projects 10
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CX_TOFU:-}" ] && [ -x bin/tofu ]; then export CX_TOFU="$PWD/bin/tofu"; fi
exec timeout 30m go run ./bench/driftbench "$@"
