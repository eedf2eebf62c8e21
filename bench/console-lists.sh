#!/usr/bin/env bash
# The console's list pages in an org of about 5,000 objects (the mix of `cx org seed`): seeds
# an in-process local org, then loads each list page five times over HTTP and prints the
# slowest load of each; fails when one is over 200 ms (issue 18). No browser needed.
set -euo pipefail
cd "$(dirname "$0")/.."
CX_CONSOLE_SPEED=1 exec go test -count=1 -run 'TestListPagesOfALargeOrg$' -v ./internal/console/
