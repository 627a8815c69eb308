#!/usr/bin/env bash
# Tools the tests drive for real, installed only when missing (`apt-get update` runs only then too):
# - from Debian: hey (a load generator, for the load-runner test), xmllint (libxml2-utils: the JUnit
#   schema checks) and chromium (the HTML report opened by a real browser; driven by playwright-core
#   from npm, which downloads no browser of its own);
# - from PyPI, in a venv under .tools/: junitparser, one of the JUnit readers the reports are read by.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
missing=()
command -v hey >/dev/null || missing+=(hey)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[test-tools] installing ${missing[*]} (once)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

venv="$root/.tools/python"
junitparser_version=5.0.3
if ! "$venv/bin/python" -c "import junitparser, sys; sys.exit(junitparser.version != '$junitparser_version')" 2>/dev/null; then
  echo "[test-tools] installing junitparser $junitparser_version into .tools/python (once)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "junitparser==$junitparser_version"
fi
