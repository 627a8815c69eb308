#!/usr/bin/env bash
# Debian tools the tests drive for real: hey (a load generator, for the load-runner test). Installed
# only when missing; `apt-get update` runs only then too.
set -euo pipefail
missing=()
command -v hey >/dev/null || missing+=(hey)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "[test-tools] installing ${missing[*]} (once)" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
