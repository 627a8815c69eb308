#!/usr/bin/env bash
# Tests of the Jenkins shared library with Groovy 2.4, the Groovy line Jenkins embeds. Debian's
# groovy package is installed when missing (JenkinsPipelineUnit is published only to the Jenkins
# repository, which this environment cannot reach; PipelineHarness.groovy plays its part).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if ! command -v groovy >/dev/null; then
  echo "[jenkins-tests] installing Debian's groovy (once)" >&2
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends groovy >/dev/null
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi

# Groovy 2.4 on Java 17 warns about reflective access; the warnings say nothing about the tests.
export JAVA_OPTS="${JAVA_OPTS:-} --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED"
cd "$here"
groovy -cp "$here:$here/stubs" ChaosGateTest.groovy
