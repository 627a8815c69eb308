#!/usr/bin/env bash
# Builds what the sandbox runs, from the Go module proxy, once per version, into a cache (default
# ~/.cache/chaos-gate/bin), and prints `name=path` lines for what was asked:
#
#   apiserver=…            kube-apiserver, version-stamped (`--version` says Kubernetes v1.34.4)
#   etcd=…                 etcd
#   argo-crds=…            a folder with Argo's minimal CRDs, taken from the same module the controller
#                          is built from (not committed: they come with the Go module)
#   workflow-controller=…  the real Argo workflow-controller
#   kubectl=…              kubectl of the API server's release, for tests that read what it writes
#
# Usage: build.sh [sandbox] [workflow-controller] [kubectl]   (no argument: all). `sandbox` is the first
# three; the demo needs only those. A rerun with everything cached returns at once.
#
# `go install k8s.io/kubernetes/cmd/kube-apiserver@v` (or cmd/kubectl) is refused because
# k8s.io/kubernetes' go.mod replaces its staging modules with local folders. A throwaway wrapper module
# requires it and replaces each staging module (read from that version's own go.mod) with its published
# v0.x tag instead.
# argo-workflows v4's go.mod has no replace lines, so plain `go install …@version` builds it.
set -euo pipefail

K8S_VERSION="${CHAOS_GATE_K8S_VERSION:-v1.34.4}"
ETCD_VERSION="${CHAOS_GATE_ETCD_VERSION:-v3.6.16}"
ARGO_VERSION="${CHAOS_GATE_ARGO_VERSION:-v4.0.5}"
ARGO_MODULE=github.com/argoproj/argo-workflows/v4
CACHE="${CHAOS_GATE_CACHE:-$HOME/.cache/chaos-gate}/bin"
# "-stamped": built with the release in its version variables. An older unstamped binary (named
# kube-apiserver-<version>) says v0.0.0-master and is not reused.
APISERVER="$CACHE/kube-apiserver-$K8S_VERSION-stamped"
KUBECTL="$CACHE/kubectl-$K8S_VERSION"
ETCD="$CACHE/etcd-$ETCD_VERSION"
CONTROLLER="$CACHE/workflow-controller-$ARGO_VERSION"
ARGO_CRDS="$CACHE/argo-crds-$ARGO_VERSION"

log() { echo "[sandbox-build] $*" >&2; }
scratch=()
trap 'rm -rf "${scratch[@]}"' EXIT

want_sandbox=false want_controller=false want_kubectl=false
[ $# -eq 0 ] && set -- sandbox workflow-controller kubectl
for what in "$@"; do
  case "$what" in
    sandbox) want_sandbox=true ;;
    workflow-controller) want_controller=true ;;
    kubectl) want_kubectl=true ;;
    *) echo "usage: build.sh [sandbox] [workflow-controller] [kubectl]" >&2; exit 2 ;;
  esac
done

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

# The -X flags `make` passes (kubernetes hack/lib/version.sh): without them the server reports
# v0.0.0-master, and clients that read /version see no release. The build date is the tag's date on
# the module proxy, so two builds of one version are alike.
k8s_version_ldflags() {
  local version="$1" info date major minor flags=""
  info="$(go mod download -json "k8s.io/kubernetes@$version" | sed -n 's/.*"Info": "\(.*\)".*/\1/p')"
  date="$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$info")"
  major="${version#v}" && major="${major%%.*}"
  minor="${version#v*.}" && minor="${minor%%.*}"
  for package in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $package.gitVersion=$version -X $package.gitMajor=$major -X $package.gitMinor=$minor"
    flags+=" -X $package.gitTreeState=clean -X $package.buildDate=${date:-1970-01-01T00:00:00Z}"
  done
  echo "$flags"
}

# build MODULE VERSION LDFLAGS OUT=PACKAGE...: each OUT not built yet, from its PACKAGE of MODULE@VERSION,
# all in one wrapper module (kube-apiserver and kubectl share k8s.io/kubernetes and most of its build).
build() {
  local module="$1" version="$2" ldflags="$3" dir="" pair out package start
  shift 3
  for pair in "$@"; do
    out="${pair%%=*}" package="${pair#*=}"
    [ -x "$out" ] && continue
    if [ -z "$dir" ]; then
      dir="$(mktemp -d)" && scratch+=("$dir")
      wrapper_module "$dir" "$module" "$version"
    fi
    log "building $package@$version (first time only; several minutes on 2 cores)"
    start=$SECONDS
    (cd "$dir" && go get "$package@$version" >/dev/null 2>&1 || go get "$package@$version")
    # go build runs one compile per core (-p defaults to the CPU count): 2 on the CI runner.
    (cd "$dir" && go build -trimpath -ldflags="-s -w$ldflags" -o "$out.partial" "$package")
    mv "$out.partial" "$out"
    log "built $(basename "$out") in $((SECONDS - start))s"
  done
}

build_controller() {
  [ -x "$CONTROLLER" ] && return
  local dir start=$SECONDS
  dir="$(mktemp -d)" && scratch+=("$dir")
  log "building workflow-controller@$ARGO_VERSION (first time only; several minutes on 2 cores)"
  GOBIN="$dir" go install -trimpath -ldflags='-s -w' "$ARGO_MODULE/cmd/workflow-controller@$ARGO_VERSION"
  mv "$dir/workflow-controller" "$CONTROLLER"
  log "built $(basename "$CONTROLLER") in $((SECONDS - start))s"
}

# The minimal CRDs of the same module (manifests/base/crds/minimal): the full ones need server-side apply.
copy_argo_crds() {
  [ -f "$ARGO_CRDS/argoproj.io_workflows.yaml" ] && return
  local source
  source="$(go mod download -json "$ARGO_MODULE@$ARGO_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
  rm -rf "$ARGO_CRDS.partial"
  mkdir -p "$ARGO_CRDS.partial"
  cp "$source"/manifests/base/crds/minimal/argoproj.io_*.yaml "$ARGO_CRDS.partial/"
  chmod -R u+w "$ARGO_CRDS.partial"
  rm -rf "$ARGO_CRDS"
  mv "$ARGO_CRDS.partial" "$ARGO_CRDS"
}

missing() {
  if $want_sandbox; then
    [ -x "$ETCD" ] && [ -x "$APISERVER" ] && [ -f "$ARGO_CRDS/argoproj.io_workflows.yaml" ] || return 0
  fi
  if $want_controller; then [ -x "$CONTROLLER" ] || return 0; fi
  if $want_kubectl; then [ -x "$KUBECTL" ] || return 0; fi
  return 1
}

if missing; then
  # Test files started in parallel may all find the cache empty: one builds, the others wait for it.
  exec 9>"$CACHE/.build.lock"
  flock 9
  if $want_sandbox; then
    build go.etcd.io/etcd/server/v3 "$ETCD_VERSION" "" "$ETCD=go.etcd.io/etcd/server/v3"
    copy_argo_crds
  fi
  k8s=()
  if $want_sandbox; then k8s+=("$APISERVER=k8s.io/kubernetes/cmd/kube-apiserver"); fi
  if $want_kubectl; then k8s+=("$KUBECTL=k8s.io/kubernetes/cmd/kubectl"); fi
  if [ ${#k8s[@]} -gt 0 ]; then
    build k8s.io/kubernetes "$K8S_VERSION" "$(k8s_version_ldflags "$K8S_VERSION")" "${k8s[@]}"
  fi
  if $want_controller; then build_controller; fi
  flock -u 9
fi

if $want_sandbox; then
  # A stale or hand-copied binary that does not name its release is no use to clients reading /version.
  stamped="$("$APISERVER" --version)"
  if [ "$stamped" != "Kubernetes $K8S_VERSION" ]; then
    echo "$APISERVER --version says \"$stamped\", not \"Kubernetes $K8S_VERSION\"; delete it to rebuild" >&2
    exit 1
  fi
  echo "apiserver=$APISERVER"
  echo "etcd=$ETCD"
  echo "argo-crds=$ARGO_CRDS"
fi
if $want_controller; then echo "workflow-controller=$CONTROLLER"; fi
if $want_kubectl; then echo "kubectl=$KUBECTL"; fi
