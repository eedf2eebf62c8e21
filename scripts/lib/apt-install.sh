# shellcheck shell=sh
# Sourced by the scripts that install what the tests need (install-node.sh,
# install-chromium.sh, postgres.sh): one way to install Debian packages.
#
# apt_install WHO PACKAGE... installs the packages with apt-get, as root directly and through
# sudo otherwise, saying so on stderr; it fails with what to run by hand when this is not a
# Debian-like system or sudo is missing. WHO names the calling script in messages.
apt_install() {
	who="$1"
	shift
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "$who: $* missing and this is not a Debian-like system; install them, then rerun" >&2
		return 1
	fi
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			echo "$who: $* missing; as root run: apt-get install -y $*" >&2
			return 1
		fi
		sudo="sudo"
	fi
	echo "$who: installing $* from the distribution's packages" >&2
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
	$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}
