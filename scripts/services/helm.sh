# shellcheck shell=bash
# Helm (helm.sh/helm/v4, the official CLI) for the chart tests in deploy/: `helm lint --strict` and `helm template`
# of helm/market. Install-only: the tests run it. Built once with `go install` (Go 1.26+; about 5 minutes on 2 cores)
# into $MARKET_CACHE_DIR/bin/helm, its version stamped in so that an upgrade is noticed.
# shellcheck source=../lib/go-tools.sh
source "$SCRIPTS_DIR/lib/go-tools.sh"

HELM_VERSION=4.3.2
HELM_BIN="$MARKET_CACHE_DIR/bin/helm"

installed_helm() {
  [[ $("$HELM_BIN" version --template '{{.Version}}' 2>/dev/null) == "v$HELM_VERSION" ]]
}

install_helm() {
  installed_helm && return
  go_install_bin helm 26 "$HELM_BIN" "helm.sh/helm/v4/cmd/helm@v$HELM_VERSION" \
    "-s -w -X helm.sh/helm/v4/internal/version.version=v$HELM_VERSION"
  installed_helm || die "helm: $HELM_BIN does not report v$HELM_VERSION"
}

env_helm() { echo "MARKET_TEST_HELM=$HELM_BIN"; }

version_helm() { echo "helm $("$HELM_BIN" version --template '{{.Version}} ({{.GoVersion}})') at $HELM_BIN"; }
