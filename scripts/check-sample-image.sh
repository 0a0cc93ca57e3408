#!/bin/bash
# Plays sample-bots/Dockerfile's steps without a Docker daemon, on the jar Maven just built:
# the extraction exactly as its RUN line says, its COPY lines merged into one directory (every
# layer the jar declares must be copied), its AOT cache training run, then its ENTRYPOINT started
# from that directory - as the image's uid when run as root, with -XX:AOTMode=on so that a cache
# the JVM cannot map fails the check - until Spring Boot reports the application started
# (AOT-processed, when the ENTRYPOINT enables Spring AOT). Every java is a JDK of the image's
# major version (scripts/image-jdk.sh finds it), since a cache only works on the JDK that made it.
# Without one the check fails under CI=true and is skipped, saying so, everywhere else.
# Usage: check-sample-image.sh <Dockerfile> <runnable jar> <scratch dir>
set -euo pipefail

dockerfile=$1 jar=$2 work=$3
fail() { echo "check-sample-image: $*" >&2; exit 1; }

if ! java_home=$(sh "$(dirname "${BASH_SOURCE[0]}")/image-jdk.sh" "$dockerfile"); then
	[ "${CI:-}" = true ] && fail "no JDK to run the image's steps on (above); CI=true requires this check"
	echo "check-sample-image: SKIPPED for $jar: no JDK to run the image's steps on (above), so its extraction," \
		"layers, AOT cache and start as the image's user were not checked. Under CI=true this fails the build." >&2
	exit 0
fi
# The Dockerfile's java, also under env -i below.
PATH="$java_home/bin:$PATH"

[ -f "$jar" ] || fail "no jar at $jar"
rm -rf "$work"
mkdir -p "$work/build" "$work/app"
cp "$jar" "$work/build/app.jar"

extract=$(sed -n 's/^RUN \(java -Djarmode=tools .*\)$/\1/p' "$dockerfile")
[ -n "$extract" ] || fail "no 'RUN java -Djarmode=tools ...' line in $dockerfile"
(cd "$work/build" && eval "$extract" >/dev/null)

for layer in $(cd "$work/build" && java -Djarmode=tools -jar app.jar list-layers); do
	grep -qx "COPY --from=extract /build/extracted/$layer/ ./" "$dockerfile" \
		|| fail "layer '$layer' of the jar is not copied by $dockerfile"
done
sources=$(sed -n 's|^COPY --from=extract /build/\(.*\) \./$|\1|p' "$dockerfile")
for source in $sources; do
	[ -d "$work/build/$source" ] || fail "$dockerfile copies $source, which the extraction did not create"
	cp -R "$work/build/$source/." "$work/app/"
done

# The AOT cache training run, as the image build runs it (as root, before USER, with the image's
# environment but a management port of 0).
train=$(sed -n 's/^RUN \(java -XX:AOTCacheOutput=.*\)$/\1/p' "$dockerfile")
if [ -n "$train" ]; then
	training_log="$work/aot-training.log"
	(cd "$work/app" && env -i PATH="$PATH" HOME=/nonexistent XMPP_DEVSERVER_ENABLED=false MANAGEMENT_SERVER_PORT=0 \
		$train >"$training_log" 2>&1) || { cat "$training_log" >&2; fail "the AOT cache training run failed"; }
	cache=$(sed -n 's/.*-XX:AOTCacheOutput=\([^ ]*\).*/\1/p' <<<"$train")
	[ -s "$work/app/$cache" ] || { cat "$training_log" >&2; fail "the AOT cache training run wrote no $cache"; }
	if [[ " $train " == *" -Dspring.aot.enabled=true "* ]] && ! grep -q "Starting AOT-processed " "$training_log"; then
		fail "the AOT cache training run enables Spring AOT but did not start AOT-processed"
	fi
fi

user=$(sed -n 's/^USER \([0-9]*\):\([0-9]*\)$/\1/p' "$dockerfile")
[ -n "$user" ] || fail "no numeric 'USER uid:gid' in $dockerfile"
entrypoint=$(sed -n 's/^ENTRYPOINT \[\(.*\)\]$/\1/p' "$dockerfile" | tr -d '",')
[ -n "$entrypoint" ] || fail "no exec-form ENTRYPOINT in $dockerfile"

run_as=()
app="$work/app"
runtime=""
if [ "$(id -u)" = 0 ]; then
	# The image's uid must be able to reach the application: the work tree may lie under a
	# directory only root can enter (mktemp -d makes them 0700), so the layout runs from a copy
	# in a directory of its own that everyone may enter (cp -a keeps the jar times the cache checks).
	runtime=$(mktemp -d)
	chmod 755 "$runtime"
	cp -a "$work/app" "$runtime/app"
	app="$runtime/app"
	chmod -R a+rX "$app"
	run_as=(setpriv --reuid="$user" --regid="$user" --clear-groups)
fi
# Nothing listens on the component port: the bot must start anyway and keep retrying.
port=$(( 20000 + RANDOM % 20000 ))
log="$work/run.log"
(cd "$app" && exec env -i PATH="$PATH" HOME=/nonexistent \
	XMPP_DEVSERVER_ENABLED=false MANAGEMENT_SERVER_PORT=0 SERVER_PORT=0 \
	XMPP_COMPONENT_HOST=127.0.0.1 XMPP_COMPONENT_PORT="$port" \
	XMPP_COMPONENT_DOMAIN=echo.example.com XMPP_COMPONENT_SECRET=not-a-secret \
	${train:+JAVA_TOOL_OPTIONS=-XX:AOTMode=on} \
	"${run_as[@]}" $entrypoint >"$log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; [ -z "$runtime" ] || rm -rf "$runtime"' EXIT

for _ in $(seq 1 180); do
	if grep -q "Started .* in .* seconds" "$log"; then
		# With the AOT flag, Spring must have started from the generated code (it says so).
		if [[ " $entrypoint " == *" -Dspring.aot.enabled=true "* ]] && ! grep -q "Starting AOT-processed " "$log"; then
			cat "$log" >&2
			fail "the ENTRYPOINT enables Spring AOT but the application did not start AOT-processed"
		fi
		echo "check-sample-image: $(grep -o 'Started .* seconds' "$log" | head -1) from the image layout as uid ${user} on $java_home"
		exit 0
	fi
	kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; fail "the entrypoint exited"; }
	sleep 0.5
done
cat "$log" >&2
fail "the application did not start within 90 s"
