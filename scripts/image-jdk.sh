#!/bin/sh
# Prints the home of a JDK whose major version is the one the image of sample-bots/Dockerfile runs
# (the major of its JAVA_IMAGE tag: eclipse-temurin:25-jre -> 25). The image's AOT cache only works
# on the JDK that made it, so the build's image check trains and starts it on that major, whatever
# JDK runs Maven. Looks at $KINDLING_IMAGE_JAVA_HOME when set (and only there), else $JAVA_HOME,
# else /usr/lib/jvm/*; exits 1 naming what it needs and where it looked when none fits.
# Usage: image-jdk.sh <Dockerfile>
set -eu

dockerfile=$1
image=$(sed -n 's/^ARG JAVA_IMAGE=\(.*\)$/\1/p' "$dockerfile")
major=$(printf '%s\n' "${image##*:}" | sed -n 's/^\([0-9][0-9]*\).*/\1/p')
if [ -z "$major" ]; then
	echo "image-jdk: no 'ARG JAVA_IMAGE=<image>:<major>...' line in $dockerfile" >&2
	exit 1
fi

# The JDK's release file says its version: JAVA_VERSION="25.0.3" (or "25" for a .0.0 release).
is_major() {
	[ -x "$1/bin/java" ] && grep -Eq "^JAVA_VERSION=\"$major([.\"]|$)" "$1/release" 2>/dev/null
}

if [ -n "${KINDLING_IMAGE_JAVA_HOME:-}" ]; then
	is_major "$KINDLING_IMAGE_JAVA_HOME" && { echo "$KINDLING_IMAGE_JAVA_HOME"; exit 0; }
	version=$(sed -n 's/^JAVA_VERSION=//p' "$KINDLING_IMAGE_JAVA_HOME/release" 2>/dev/null || true)
	looked="KINDLING_IMAGE_JAVA_HOME=$KINDLING_IMAGE_JAVA_HOME (its release file's JAVA_VERSION: ${version:-none})"
else
	if [ -n "${JAVA_HOME:-}" ] && is_major "$JAVA_HOME"; then
		echo "$JAVA_HOME"
		exit 0
	fi
	for home in /usr/lib/jvm/*; do
		is_major "$home" && { echo "$home"; exit 0; }
	done
	looked="JAVA_HOME=${JAVA_HOME:-(unset)} and /usr/lib/jvm/*/release"
fi
echo "image-jdk: $dockerfile runs its application on JDK $major ($image), and the build checks its image" \
	"steps (AOT cache training and start) on that same major; no JDK $major found in $looked." \
	"Install a JDK $major (e.g. Temurin $major: https://adoptium.net/installation/linux/) or point" \
	"KINDLING_IMAGE_JAVA_HOME at one." >&2
exit 1
