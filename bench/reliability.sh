#!/usr/bin/env bash
# Reliability with real processes, in one run: kill -9 of `cx org serve` during 500 creates
# (no acknowledged write lost, no name twice), kill -9 of `cx apply` mid-run then a re-run
# (converges: each object once, a clean plan), and two `cx apply` at once on one environment
# (never interleaved). Needs bin/tofu (tools/tofu) or tofu on PATH. Loopback only.
# Flags pass through, e.g. bench/reliability.sh -writes 200 -objects 120 -latency 50ms
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CX_TOFU:-}" ] && [ -x bin/tofu ]; then export CX_TOFU="$PWD/bin/tofu"; fi
exec timeout 30m go run ./bench/reliabilitybench "$@"
