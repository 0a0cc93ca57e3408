#!/usr/bin/env bash
# Puts Strophe.js into the page's static resources at build time: `npm ci` from the committed
# package.json + package-lock.json (the exact version and its integrity hash), then copies the
# browser (UMD) build to <classes>/static/vendor/. Run by exec-maven-plugin at generate-resources.
# Usage: strophe.sh <sample dir> <npm work dir> <classes dir>
set -euo pipefail
sample=$1 work=$2 classes=$3
vendor="$classes/static/vendor"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "The Toetem page needs node and npm at build time (Strophe.js comes from the npm registry)." >&2
  echo "Install them: sudo apt-get install nodejs npm (Debian/Ubuntu), or run scripts/ensure-test-tools.sh as root." >&2
  exit 1
fi

mkdir -p "$work" "$vendor"
# Unchanged lockfile and the library already in place: nothing to do (fast, and offline-safe).
if cmp -s "$sample/package-lock.json" "$work/package-lock.json" && [ -f "$vendor/strophe.umd.min.js" ]; then
  exit 0
fi
cp "$sample/package.json" "$sample/package-lock.json" "$work/"
# --prefer-offline: the npm cache answers when it can, so a build without the registry works
# once the package has been fetched.
(cd "$work" && npm ci --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error)
cp "$work/node_modules/strophe.js/dist/strophe.umd.min.js" "$vendor/"
cp "$work/node_modules/strophe.js/LICENSE.txt" "$vendor/strophe.LICENSE.txt"
echo "Strophe.js $(node -p "require('$work/node_modules/strophe.js/package.json').version") -> $vendor/strophe.umd.min.js"
