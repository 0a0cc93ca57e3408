#!/bin/sh
# Makes sure Prosody (the XMPP server the Kindling dev server and test kit run) is installed.
# Exit 0 when `prosody` is on the PATH (installing it first where that is possible: root + apt-get),
# exit 1 with what to install otherwise.
set -eu

if command -v prosody >/dev/null 2>&1; then
	exit 0
fi

if [ "$(id -u 2>/dev/null || echo 1)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "Prosody is not installed; installing it with apt-get" >&2
	apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y prosody
	# Debian's package starts a system-wide Prosody where an init system runs; Kindling does not
	# need it (it runs its own on free loopback ports) and leaves it alone.
	command -v prosody >/dev/null 2>&1 && exit 0
	echo "apt-get finished but 'prosody' is still not on the PATH" >&2
	exit 1
fi

echo "Prosody is not installed (looked for 'prosody' on PATH)." >&2
echo "Install it: sudo apt-get install prosody (Debian/Ubuntu)" >&2
exit 1
