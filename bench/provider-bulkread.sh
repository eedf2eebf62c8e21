#!/usr/bin/env bash
# Bulk reads and the provider's CPU, in one run: a local org on loopback answering with 150 ms
# latency (what real orgs answer in from a customer's network), 1,000 skills, 50 users, 20
# wrap-up codes and 200 queues (5 members, 3 wrap-up codes each) imported into state, then the
# same no-op `tofu plan` right after the import's apply; after a refresh, in three rounds, with
# bulk reads on and off (CX_PROVIDER_BULK_READ=0) back to back (the machine's speed drifts
# within minutes; the goals are the median round); then on without the validation memo the
# set-up's commands filled (CX_PROVIDER_CACHE_DIR=off) and with the provider's no-op
# shortcuts off (CX_PROVIDER_SHORTCUTS=0). Prints request counts against the fewest the API allows, the speed
# ratio, and each plan's CPU split between OpenTofu and the provider.
# Needs bin/tofu (tools/tofu). Flags pass through, e.g. -skills 200 -queues 50 -latency 20ms
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 20m go run ./bench/providerbench -scenario bulkread -timeout 15m "$@"
