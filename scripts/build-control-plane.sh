#!/usr/bin/env bash
# Builds kube-apiserver, kube-controller-manager and etcd from the Go module proxy with this machine's Go
# toolchain, and caches them outside the repository. The test harness (test/harness/kube) starts them the
# way controller-runtime's envtest does. Idempotent: a complete cache is left alone.
#
#   scripts/build-control-plane.sh            # build into $GITOPS_CONTROL_PLANE_DIR
#   GITOPS_CONTROL_PLANE_DIR=/some/dir ...    # default: ~/.cache/gitops-control-plane
set -euo pipefail

KUBE_VERSION="${KUBE_VERSION:-v1.36.3}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.8}"
CACHE_ROOT="${GITOPS_CONTROL_PLANE_DIR:-$HOME/.cache/gitops-control-plane}"
OUT="$CACHE_ROOT/kube-$KUBE_VERSION-etcd-$ETCD_VERSION"
BINARIES=(kube-apiserver kube-controller-manager etcd)

complete() { for b in "${BINARIES[@]}"; do [ -x "$OUT/$b" ] || return 1; done; }
if complete; then echo "control plane: cached in $OUT"; exit 0; fi

command -v go >/dev/null || { echo "control plane: 'go' is not on the PATH; install Go 1.25+ first" >&2; exit 1; }
export GOFLAGS="${GOFLAGS:--buildvcs=false}" CGO_ENABLED=0 GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
proxy="${GOPROXY:-https://proxy.golang.org}"; proxy="${proxy%%,*}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
start=$(date +%s)
mkdir -p "$OUT"

# Kubernetes publishes its staging modules (k8s.io/api, k8s.io/apiserver, ...) as v0.<minor>.<patch>, but its
# own go.mod requires them at v0.0.0 with replace directives into ./staging. A wrapper module mirrors those
# replace directives with the published versions.
staging_version="v0.${KUBE_VERSION#v1.}"
kube_mod="$(curl -fsSL "$proxy/k8s.io/kubernetes/@v/$KUBE_VERSION.mod")"
mkdir -p "$work/kube"
{
  echo "module gitops.local/control-plane"
  echo
  echo "go $(echo "$kube_mod" | awk '$1=="go"{print $2; exit}')"
  echo
  echo "require k8s.io/kubernetes $KUBE_VERSION"
  echo
  echo "replace ("
  echo "$kube_mod" | awk '/=> \.\/staging\/src\//{print $1}' | while read -r m; do
    echo "	$m => $m $staging_version"
  done
  echo ")"
} > "$work/kube/go.mod"
cat > "$work/kube/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
)
GO
ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$KUBE_VERSION -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$(echo "$KUBE_VERSION" | cut -d. -f2) -X k8s.io/component-base/version.gitTreeState=clean"
(
  cd "$work/kube"
  go mod tidy -e >/dev/null 2>&1 || true
  go mod download k8s.io/kubernetes
  for b in kube-apiserver kube-controller-manager; do
    echo "control plane: building $b $KUBE_VERSION"
    go build -mod=mod -trimpath -ldflags "$ldflags" -o "$OUT/$b.tmp" "k8s.io/kubernetes/cmd/$b"
    mv "$OUT/$b.tmp" "$OUT/$b"
  done
)

# etcd's server module also carries replace directives; a wrapper main in a module of its own builds it.
mkdir -p "$work/etcd"
cat > "$work/etcd/go.mod" <<GOMOD
module gitops.local/etcd

go 1.24

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
GOMOD
cat > "$work/etcd/main.go" <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
(
  cd "$work/etcd"
  go mod tidy
  echo "control plane: building etcd $ETCD_VERSION"
  go build -trimpath -ldflags "-s -w" -o "$OUT/etcd.tmp" .
  mv "$OUT/etcd.tmp" "$OUT/etcd"
)
echo "control plane: built in $(( $(date +%s) - start )) s into $OUT"
