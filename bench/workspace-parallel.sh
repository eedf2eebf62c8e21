#!/usr/bin/env bash
# cx plan over a generated workspace of 60 projects, one after another (--parallel 1) and
# with --parallel 8, in one run against one local org answering with 150 ms latency and
# counting 300 requests per token per fixed minute, as real orgs do. Three rounds plan both
# ways back to back (the machine's speed drifts within minutes; the order alternates), and
# print each round's times and ratio; the goal (>= 4x) is the median round. Also prints the
# org's 429s (goal 0), token requests against projects, and the peak memory of the run. Needs bin/tofu (tools/tofu) or tofu on PATH.
# Flags pass through, e.g. bench/workspace-parallel.sh -projects 30 -parallel 4 -latency 20ms -goal 2.5 -rounds 1
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CX_TOFU:-}" ] && [ -x bin/tofu ]; then export CX_TOFU="$PWD/bin/tofu"; fi
exec timeout 30m go run ./bench/workspacebench "$@"
