#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests (the pg state backend, cx's lock records and the
# release ledger run against a real server, never a mock).
#
#   scripts/postgres.sh install installs Debian's postgresql when its server binaries are
#                               missing (make test runs it first, so test binaries running
#                               side by side do not race for apt's lock).
#   scripts/postgres.sh start   installs Debian's postgresql when its server binaries are
#                               missing, starts a cluster in a new temporary directory on a
#                               free loopback port and prints two lines:
#                                 PG_CONN_STR=postgres://postgres@127.0.0.1:<port>/postgres?sslmode=disable
#                                 PG_DIR=<the cluster's directory>
#   scripts/postgres.sh stop DIR stops that cluster and removes its directory.
#
# The cluster trusts connections from loopback only (it listens on 127.0.0.1 and on a Unix
# socket inside its own directory). PostgreSQL refuses to run as root, so a root caller runs
# it as the unprivileged user "postgres" that Debian's package creates.
set -euo pipefail

find_bindir() {
	local d
	# Debian installs the server outside PATH, one directory per major version: take the newest.
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
			echo "$d"
			return 0
		fi
	done
	if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
		dirname "$(command -v initdb)"
		return 0
	fi
	return 1
}

# shellcheck source=scripts/lib/apt-install.sh
. "$(dirname "$0")/lib/apt-install.sh"

install_server() {
	apt_install postgres.sh postgresql
}

# as_owner runs a command as the cluster's owner: "postgres" when we are root.
as_owner() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

free_port() {
	local port
	for _ in $(seq 1 50); do
		port=$((20000 + RANDOM % 40000))
		# Nothing answers on it: connecting fails.
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return 0
		fi
	done
	echo "postgres.sh: no free loopback port found" >&2
	return 1
}

start() {
	local bindir dir port
	bindir="$(find_bindir)" || { install_server; bindir="$(find_bindir)"; }
	dir="$(mktemp -d "${TMPDIR:-/tmp}/cx-postgres.XXXXXX")"
	if [ "$(id -u)" -eq 0 ]; then
		chown postgres: "$dir"
	fi
	as_owner "$bindir/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
		--encoding=UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	# Trust, but only over the cluster's own socket directory and loopback.
	as_owner sh -c "printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >'$dir/data/pg_hba.conf'"
	for _ in 1 2 3 4 5; do
		port="$(free_port)"
		if as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --silent \
			-o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c max_connections=200" start >&2; then
			echo "PG_CONN_STR=postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
			echo "PG_DIR=$dir"
			return 0
		fi
		# Another process took the port between the check and the start: try another one.
	done
	cat "$dir/server.log" >&2 || true
	rm -rf "$dir"
	exit 1
}

stop() {
	local dir="$1" bindir
	[ -d "$dir/data" ] || { echo "postgres.sh: $dir is not a cluster started by this script" >&2; exit 1; }
	bindir="$(find_bindir)"
	as_owner "$bindir/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait --silent stop >&2 || true
	rm -rf "$dir"
}

case "${1:-}" in
install) find_bindir >/dev/null || install_server ;;
start) start ;;
stop) [ $# -eq 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }; stop "$2" ;;
*) echo "usage: $0 install | $0 start | $0 stop DIR" >&2; exit 2 ;;
esac
