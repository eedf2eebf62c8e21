#!/usr/bin/env bash
# Rate limits, in one run: a local org limited to 300 requests/min per token and the provider
# told the same (GENESYSCLOUD_RATE_LIMIT=300); one apply replaces 200 skills (~600 requests,
# more than the 300 burst). Prints 429s (must be 0) and wall time against the time the limit
# itself imposes. Needs bin/tofu (tools/tofu). Flags pass through, e.g. -replace 300
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 20m go run ./bench/providerbench -scenario ratelimit -timeout 15m "$@"
