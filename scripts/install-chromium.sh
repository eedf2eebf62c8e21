#!/bin/sh
# Makes sure a headless Chromium is installed: the console's browser tests (internal/console)
# drive it with chromedp. Idempotent: does nothing when Debian's chromium (or another Chrome
# on PATH) is there; installs Debian's chromium package otherwise.
set -eu

for browser in chromium chromium-browser google-chrome headless-shell; do
	if command -v "$browser" >/dev/null 2>&1; then
		exit 0
	fi
done

# shellcheck source=scripts/lib/apt-install.sh
. "$(dirname "$0")/lib/apt-install.sh"
apt_install install-chromium chromium fonts-dejavu-core
