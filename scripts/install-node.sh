#!/bin/sh
# Makes sure Node.js (18 or later) and npm are installed: the fidelity suite
# (internal/fidelity) runs the official Genesys Cloud JavaScript SDK with them.
# Idempotent: does nothing when both are there; installs Debian's packages otherwise.
set -eu

node_major() {
	node --version 2>/dev/null | sed -n 's/^v\([0-9][0-9]*\)\..*/\1/p'
}

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	major="$(node_major)"
	if [ -n "$major" ] && [ "$major" -ge 18 ]; then
		exit 0
	fi
	echo "install-node: node $(node --version) is older than 18; the fidelity suite needs 18 or later" >&2
	exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
	echo "install-node: node and npm are missing and this is not a Debian-like system;" >&2
	echo "install Node.js 18 or later with npm (https://nodejs.org), then rerun" >&2
	exit 1
fi

# Root installs directly; anyone else needs sudo (and is asked for it).
sudo=""
if [ "$(id -u)" -ne 0 ]; then
	if ! command -v sudo >/dev/null 2>&1; then
		echo "install-node: node and npm are missing; as root run: apt-get install -y nodejs npm" >&2
		exit 1
	fi
	sudo="sudo"
fi
echo "install-node: installing nodejs and npm from the distribution's packages"
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
