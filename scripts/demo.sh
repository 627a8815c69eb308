#!/usr/bin/env bash
# The README's main-job command: sets up Node 24, dependencies and the sandbox API server, then runs
# chaos-gate end to end on examples/pod-delete against it.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/sandbox/build.sh sandbox >/dev/null
exec node scripts/demo.ts
