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

# shellcheck source=scripts/lib/apt-install.sh
. "$(dirname "$0")/lib/apt-install.sh"
apt_install install-node nodejs npm
