#!/usr/bin/env bash
# The test command for a fresh clone: sets up Node 24 and the dependencies, builds (or reuses) the
# kube-apiserver, etcd and Argo workflow-controller the integration tests start, installs the real
# tools whose output they read (hey, JMeter, Chaos Toolkit), then runs type checks, lint, the Jenkins
# library's tests and every node test. CI runs this through .ci/run.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

echo "== sandbox binaries (built once, then cached)"
bash scripts/sandbox/build.sh

echo "== test tools (hey, JMeter, Chaos Toolkit, xmllint, chromium, junitparser)"
bash scripts/install-test-tools.sh

echo "== typecheck, lint, format"
tsc --noEmit
eslint .
prettier --check .

echo "== Jenkins shared library"
bash jenkins/test/run.sh

echo "== unit and integration tests"
# Integration files each start their own API server; one file at a time keeps 2 cores responsive.
node --test --test-concurrency=1 'test/**/*.test.ts'
