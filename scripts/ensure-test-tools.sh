#!/bin/sh
# Makes sure the programs Kindling's tests and dev server run are installed: Prosody (the XMPP
# server of the dev server and the integration tests), ejabberd (the integration tests of several
# replicas and of a server cluster; its package brings Erlang), Prometheus (promtool checks the metrics
# scrape; one test runs a real Prometheus), Chromium and its driver (the Toetem page's browser
# test) and node + npm (the Toetem page's build takes Strophe.js from the npm registry).
# Exit 0 when they are on the PATH (installing them first where that is possible: root + apt-get),
# exit 1 with exactly what to install otherwise.
# Also a JDK of the sample image's major version (25), besides the one running Maven: the samples'
# image check (check-sample-image.sh) trains and starts the image's AOT cache on it. Under CI=true
# a missing one stops the build; elsewhere only that check is skipped (it says so), and every other
# test runs on the JDK 17+ that runs Maven.
set -eu

scripts=$(dirname "$0")
if ! sh "$scripts/image-jdk.sh" "$scripts/../sample-bots/Dockerfile" >/dev/null; then
	if [ "${CI:-}" = true ]; then
		echo "ensure-test-tools: CI=true requires the sample image check, so its JDK (above) is required." >&2
		exit 1
	fi
	echo "ensure-test-tools: SKIPPING the sample image check (scripts/check-sample-image.sh) for want of" \
		"that JDK (above); every other test runs. Under CI=true this stops the build." >&2
fi

missing=""
command -v prosody >/dev/null 2>&1 || missing="$missing prosody"
# ejabberdctl lives in /usr/sbin, which a user's PATH may lack; the tests look there too.
{ command -v ejabberdctl >/dev/null 2>&1 || [ -x /usr/sbin/ejabberdctl ]; } || missing="$missing ejabberd"
command -v promtool >/dev/null 2>&1 || missing="$missing prometheus"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
# Only when the command is missing: a node from elsewhere (nodesource, nvm) stays as it is.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u 2>/dev/null || echo 1)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing with apt-get:$missing" >&2
	apt-get update
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
	# Debian's packages may start system-wide services where an init system runs; Kindling does not
	# need them (it runs its own on free loopback ports) and leaves them alone.
	still=""
	for program in prosody promtool chromium chromedriver node npm; do
		command -v "$program" >/dev/null 2>&1 || still="$still $program"
	done
	{ command -v ejabberdctl >/dev/null 2>&1 || [ -x /usr/sbin/ejabberdctl ]; } || still="$still ejabberdctl"
	[ -z "$still" ] && exit 0
	echo "apt-get finished but these are still not on the PATH:$still" >&2
	exit 1
fi

echo "Missing on this machine:$missing" >&2
echo "Install it: sudo apt-get install$missing (Debian/Ubuntu)" >&2
exit 1
