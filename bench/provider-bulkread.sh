#!/usr/bin/env bash
# Bulk reads, in one run: a local org on loopback with 20 ms latency, 1,000 skills and 200
# queues (5 members, 3 wrap-up codes each) imported into state, then the same no-op
# `tofu plan` with bulk reads on and off (CX_PROVIDER_BULK_READ=0). Prints request counts
# against the fewest the API allows, and the speed ratio. Needs bin/tofu (tools/tofu).
# Flags pass through, e.g. bench/provider-bulkread.sh -skills 200 -queues 50
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 20m go run ./bench/providerbench -scenario bulkread -timeout 15m "$@"
