#!/usr/bin/env bash
# cx plan over a generated workspace of 30 projects, one after another (--parallel 1) and
# with --parallel 4, in one run against one local org with 20 ms latency per API request.
# Prints both times and the ratio. Needs bin/tofu (tools/tofu) or tofu on PATH.
# Flags pass through, e.g. bench/workspace-parallel.sh -projects 10 -latency 50ms
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CX_TOFU:-}" ] && [ -x bin/tofu ]; then export CX_TOFU="$PWD/bin/tofu"; fi
exec timeout 20m go run ./bench/workspacebench "$@"
