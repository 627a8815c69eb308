#!/usr/bin/env bash
# Builds pinned kube-apiserver and etcd from the Go module proxy, once per version, into a cache
# (default ~/.cache/chaos-gate/bin). Prints the two binary paths. A rerun with the binaries cached
# returns at once.
#
# `go install k8s.io/kubernetes/cmd/kube-apiserver@v` is refused because k8s.io/kubernetes' go.mod
# replaces its staging modules with local folders. A throwaway wrapper module requires it and replaces
# each staging module (read from that version's own go.mod) with its published v0.x tag instead.
set -euo pipefail

K8S_VERSION="${CHAOS_GATE_K8S_VERSION:-v1.34.4}"
ETCD_VERSION="${CHAOS_GATE_ETCD_VERSION:-v3.6.16}"
CACHE="${CHAOS_GATE_CACHE:-$HOME/.cache/chaos-gate}/bin"
APISERVER="$CACHE/kube-apiserver-$K8S_VERSION"
ETCD="$CACHE/etcd-$ETCD_VERSION"

log() { echo "[sandbox-build] $*" >&2; }

command -v go >/dev/null || { echo "Go is needed to build the sandbox API server (https://go.dev/dl)" >&2; exit 1; }
mkdir -p "$CACHE"
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local

# wrapper_module DIR MODULE VERSION: a module that requires MODULE@VERSION with its replace lines
# pointing at published versions instead of folders inside MODULE's repository.
wrapper_module() {
  local dir="$1" module="$2" version="$3" gomod
  gomod="$(go mod download -json "$module@$version" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
  mkdir -p "$dir"
  {
    echo "module chaos-gate.local/sandbox-build"
    echo
    echo "go $(go env GOVERSION | sed 's/^go//; s/^\([0-9]*\.[0-9]*\).*/\1/')"
    echo
    echo "require $module $version"
    echo
    # `k8s.io/api => ./staging/src/k8s.io/api` becomes `k8s.io/api => k8s.io/api v0.34.4`;
    # etcd's `go.etcd.io/etcd/api/v3 => ../api` becomes that module at the same tag.
    awk -v staging="v0${version#v1}" -v same="$version" '
      /FORBIDDEN_DEPENDENCY/ { next }
      /=> *\.\.?\// {
        for (i = 1; i <= NF; i++) if ($i == "=>") { name = $(i - 1) }
        if (name == "replace") next
        v = (name ~ /^k8s\.io\//) ? staging : same
        print "replace " name " => " name " " v
      }' "$gomod"
  } >"$dir/go.mod"
}

build() {
  local out="$1" module="$2" version="$3" package="$4" dir
  if [ -x "$out" ]; then return; fi
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' RETURN
  log "building $package@$version (first time only; several minutes on 2 cores)"
  local start=$SECONDS
  wrapper_module "$dir" "$module" "$version"
  (cd "$dir" && go get "$package@$version" >/dev/null 2>&1 || go get "$package@$version")
  # go build runs one compile per core (-p defaults to the CPU count): 2 on the CI runner.
  (cd "$dir" && go build -trimpath -ldflags='-s -w' -o "$out.partial" "$package")
  mv "$out.partial" "$out"
  log "built $(basename "$out") in $((SECONDS - start))s"
}

if [ ! -x "$ETCD" ] || [ ! -x "$APISERVER" ]; then
  # Test files started in parallel may all find the cache empty: one builds, the others wait for it.
  exec 9>"$CACHE/.build.lock"
  flock 9
  build "$ETCD" go.etcd.io/etcd/server/v3 "$ETCD_VERSION" go.etcd.io/etcd/server/v3
  build "$APISERVER" k8s.io/kubernetes "$K8S_VERSION" k8s.io/kubernetes/cmd/kube-apiserver
  flock -u 9
fi

echo "$APISERVER"
echo "$ETCD"
