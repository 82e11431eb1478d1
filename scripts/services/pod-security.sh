# shellcheck shell=bash
# market-pod-security (deploy/pod-security/): checks pods against the Pod Security Standards with the checks of
# Kubernetes' own PodSecurity admission plugin (Go module k8s.io/pod-security-admission), for the chart tests in
# deploy/. Install-only. Built with Go 1.26+ from the repository's source into $MARKET_CACHE_DIR/bin/, again
# whenever that source (main.go, go.mod, go.sum) changes; the first build takes about a minute on 2 cores.
# shellcheck source=../lib/go-tools.sh
source "$SCRIPTS_DIR/lib/go-tools.sh"

POD_SECURITY_SRC="$REPO_DIR/deploy/pod-security"
POD_SECURITY_BIN="$MARKET_CACHE_DIR/bin/market-pod-security"

pod_security_source_hash() {
  cat "$POD_SECURITY_SRC/go.mod" "$POD_SECURITY_SRC/go.sum" "$POD_SECURITY_SRC"/*.go | sha256sum | cut -d' ' -f1
}

installed_pod_security() {
  [[ -x $POD_SECURITY_BIN && -f $POD_SECURITY_BIN.source &&
    $(<"$POD_SECURITY_BIN.source") == "$(pod_security_source_hash)" ]]
}

install_pod_security() {
  installed_pod_security && return
  local go t0
  go=$(go_at_least 26) ||
    die "pod-security: building deploy/pod-security needs Go 1.26+, found $(go version 2>/dev/null || echo none)"
  t0=$(now_ms)
  log "pod-security: building deploy/pod-security with $("$go" env GOVERSION)…"
  mkdir -p "$(dirname "$POD_SECURITY_BIN")"
  (cd "$POD_SECURITY_SRC" && CGO_ENABLED=0 GOFLAGS=-buildvcs=false GOWORK=off "$go" build -trimpath \
    -ldflags '-s -w' -o "$POD_SECURITY_BIN.tmp" . >&2) || die "pod-security: go build failed"
  mv "$POD_SECURITY_BIN.tmp" "$POD_SECURITY_BIN"
  pod_security_source_hash >"$POD_SECURITY_BIN.source"
  log "pod-security: installed $POD_SECURITY_BIN in $(elapsed "$t0")"
}

env_pod_security() { echo "MARKET_TEST_POD_SECURITY=$POD_SECURITY_BIN"; }

version_pod_security() {
  echo "market-pod-security (k8s.io/pod-security-admission $(sed -n 's/^\tk8s.io\/pod-security-admission //p' "$POD_SECURITY_SRC/go.mod")) at $POD_SECURITY_BIN"
}
