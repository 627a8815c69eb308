#!/usr/bin/env bash
# Tests of the Jenkins shared library (jenkins/) on Groovy 2.4.21, the Groovy Jenkins embeds.
# JenkinsPipelineUnit is published only to the Jenkins repository, so PipelineHarness.groovy plays its
# part. Groovy comes from Maven Central (org.codehaus.groovy:groovy-all:2.4.21, one jar in ~/.m2,
# fetched once with mvn); without Maven, Debian's groovy package (also 2.4.21) is installed instead.
# Needs java (17 is fine); node runs the repository's dist/cli.js in the end-to-end tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
version=2.4.21
repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
jar="$repo/org/codehaus/groovy/groovy-all/$version/groovy-all-$version.jar"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

install_from_maven() {
  echo "[jenkins-tests] fetching groovy-all $version from Maven Central (once)" >&2
  mvn -q -B -Dmaven.repo.local="$repo" dependency:get \
    -Dartifact="org.codehaus.groovy:groovy-all:$version" -Dtransitive=false >"$log" 2>&1 \
    || { cat "$log" >&2; return 1; }
}

install_from_debian() {
  echo "[jenkins-tests] installing Debian's groovy (once)" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends groovy; } \
    >"$log" 2>&1 || { cat "$log" >&2; return 1; }
}

groovy_cmd=()
if [ ! -f "$jar" ] && command -v mvn >/dev/null; then
  install_from_maven || true
fi
if [ -f "$jar" ]; then
  groovy_cmd=(java -cp "$jar:$here:$here/stubs" groovy.ui.GroovyMain)
else
  if ! command -v groovy >/dev/null; then
    install_from_debian
  fi
  if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
  fi
  groovy_cmd=(groovy -cp "$here:$here/stubs")
fi

# Groovy 2.4 on Java 17 warns about illegal reflective access; the warnings say nothing about the tests.
export JAVA_OPTS="${JAVA_OPTS:-} --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
cd "$here"
if [ "${groovy_cmd[0]}" = java ]; then
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  exec java $JAVA_OPTS "${groovy_cmd[@]:1}" ChaosGateTest.groovy
fi
exec "${groovy_cmd[@]}" ChaosGateTest.groovy
