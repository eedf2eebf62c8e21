#!/usr/bin/env bash
# Rate limits, in one run: a local org that counts 300 requests per token per fixed minute (as
# real orgs do) and a provider that is not told so (it reaches the org through a gateway); one
# apply creates 800 skills and wrap-up codes. Prints 429s (must be 0) and wall time against
# the time 800 requests need at 300/min (goal <= 1.2). Needs bin/tofu (tools/tofu).
# Flags pass through, e.g. -create 1200
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 20m go run ./bench/providerbench -scenario ratelimit -timeout 15m "$@"
