#!/usr/bin/env bash
# cx export, in one run: a local org on loopback seeded with about 5,000 objects (lines of
# business with flows, IVRs, queues, schedules, data tables; shared skills and wrap-up codes;
# agents in groups), then with 150 ms latency (what real orgs answer in from a customer's
# network) cx export and a one-GET-per-object export of the same org. Prints the requests
# against the fewest the API allows (goal ≤ 1.1×) and the speed ratio (goal ≥ 5×).
# Needs bin/tofu (tools/tofu). Flags pass through, e.g. -objects 1000 -latency 20ms
set -euo pipefail
cd "$(dirname "$0")/.."
exec timeout 40m go run ./bench/exportbench -timeout 35m "$@"
