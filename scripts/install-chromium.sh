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

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-chromium: no Chromium found and this is not a Debian-like system;" >&2
	echo "install Chromium (or Chrome) so that it is on PATH, then rerun" >&2
	exit 1
fi

# Root installs directly; anyone else needs sudo (and is asked for it).
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "install-chromium: Chromium is missing; as root run: apt-get install -y chromium" >&2
		exit 1
	fi
	sudo="sudo"
fi
echo "install-chromium: installing chromium from the distribution's packages"
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core
