#!/usr/bin/env bash
# The real tools the tests run and whose output they read, each from its registry, installed only when
# missing, and put on .tools/bin (gitignored):
#   hey          Debian package (a load generator)
#   jmeter       Apache JMeter 5.6.3 from Maven Central, through jmeter-maven-plugin (scripts/jmeter/pom.xml);
#                the jars are cached in ~/.m2, the JMeter home is laid out in .tools/jmeter
#   chaos        the Chaos Toolkit CLI from PyPI, in a venv in .tools/ctk (pip's cache is ~/.cache/pip)
#   xmllint      Debian package libxml2-utils: the JUnit schema checks
#   chromium     Debian package: the HTML report opened by a real browser (driven by playwright-core
#                from npm, which downloads no browser of its own)
#   junitparser  PyPI, in a venv in .tools/python: one of the JUnit readers the reports are read by
# Uses the machine's java, mvn and python3 (with venv); what is missing comes from Debian (apt, as root
# or with sudo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
BIN="$TOOLS/bin"
CHAOSTOOLKIT_VERSION=1.19.0
mkdir -p "$BIN"
log() { echo "[test-tools] $*" >&2; }
quiet() { # run a command, show its output only if it fails
  local out
  out="$(mktemp)"
  if ! "$@" >"$out" 2>&1; then cat "$out" >&2; rm -f "$out"; return 1; fi
  rm -f "$out"
}

apt_updated=false
apt_install() { # Debian packages, `apt-get update` first (once per run)
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing $* from Debian (once)"
  if ! $apt_updated; then quiet $sudo apt-get update -qq && apt_updated=true; fi
  quiet env DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

# hey
command -v hey >/dev/null || apt_install hey
ln -sf "$(command -v hey)" "$BIN/hey"

# JMeter: config.json names the JMeter home and the runtime jar the plugin laid out.
jmeter_jar() {
  local config="$TOOLS/jmeter/config.json" dir jar
  [ -f "$config" ] || return 1
  dir="$(sed -n 's/.*"jmeterDirectoryPath":"\([^"]*\)".*/\1/p' "$config")"
  jar="$(sed -n 's/.*"runtimeJarName":"\([^"]*\)".*/\1/p' "$config")"
  [ -f "$dir/bin/$jar" ] && echo "$dir/bin/$jar"
}
if ! jar="$(jmeter_jar)"; then
  command -v java >/dev/null || apt_install default-jre-headless
  command -v mvn >/dev/null || apt_install maven
  log "installing JMeter 5.6.3 from Maven Central (once; jars cached in ~/.m2)"
  rm -rf "$TOOLS/jmeter"
  quiet mvn -B -f "$ROOT/scripts/jmeter/pom.xml" -Djmeter.install.dir="$TOOLS/jmeter" \
    com.lazerycode.jmeter:jmeter-maven-plugin:3.7.0:configure
  jar="$(jmeter_jar)" || { echo "jmeter-maven-plugin laid out no JMeter in $TOOLS/jmeter" >&2; exit 1; }
fi
cat >"$BIN/jmeter" <<WRAPPER
#!/bin/sh
# JMeter as installed by scripts/install-test-tools.sh (jmeter-maven-plugin's layout).
exec java -jar '$jar' "\$@"
WRAPPER
chmod +x "$BIN/jmeter"

# Chaos Toolkit
if [ ! -x "$TOOLS/ctk/bin/chaos" ] || [ "$("$TOOLS/ctk/bin/pip" show chaostoolkit 2>/dev/null | sed -n 's/^Version: //p')" != "$CHAOSTOOLKIT_VERSION" ]; then
  log "installing chaostoolkit $CHAOSTOOLKIT_VERSION from PyPI into .tools/ctk (once)"
  rm -rf "$TOOLS/ctk"
  if ! python3 -m venv "$TOOLS/ctk" >/dev/null 2>&1; then
    rm -rf "$TOOLS/ctk"
    apt_install python3-venv
    quiet python3 -m venv "$TOOLS/ctk"
  fi
  quiet "$TOOLS/ctk/bin/pip" install --disable-pip-version-check "chaostoolkit==$CHAOSTOOLKIT_VERSION"
fi
ln -sf "$TOOLS/ctk/bin/chaos" "$BIN/chaos"

# JUnit readers and the browser
command -v xmllint >/dev/null || apt_install libxml2-utils
command -v chromium >/dev/null || apt_install chromium
JUNITPARSER_VERSION=5.0.3
if ! "$TOOLS/python/bin/python" -c "import junitparser, sys; sys.exit(junitparser.version != '$JUNITPARSER_VERSION')" 2>/dev/null; then
  log "installing junitparser $JUNITPARSER_VERSION from PyPI into .tools/python (once)"
  rm -rf "$TOOLS/python"
  quiet python3 -m venv "$TOOLS/python"
  quiet "$TOOLS/python/bin/pip" install --disable-pip-version-check "junitparser==$JUNITPARSER_VERSION"
fi
