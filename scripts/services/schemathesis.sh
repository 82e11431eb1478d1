# shellcheck shell=bash
# Schemathesis (PyPI), the API fuzzer that api/openapi/schemathesis.test.ts runs over the whole OpenAPI document.
# Install-only: a virtual environment in $MARKET_CACHE_DIR/schemathesis with the pinned version; `stack.sh env`
# exports its `st` as MARKET_TEST_SCHEMATHESIS.

SCHEMATHESIS_VERSION=4.32.5
SCHEMATHESIS_HOME="$MARKET_CACHE_DIR/schemathesis"
SCHEMATHESIS_BIN="$SCHEMATHESIS_HOME/bin/st"

installed_schemathesis() {
  [[ -x $SCHEMATHESIS_BIN && -f $SCHEMATHESIS_HOME/.installed &&
    $(<"$SCHEMATHESIS_HOME/.installed") == "$SCHEMATHESIS_VERSION" ]]
}

install_schemathesis() {
  installed_schemathesis && return
  command -v python3 >/dev/null || apt_install python3
  python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
  local t0 tmp
  t0=$(now_ms)
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  log "schemathesis: installing schemathesis==$SCHEMATHESIS_VERSION from PyPI into a virtual environment…"
  # Built in place at its final path (a venv's scripts name their interpreter by absolute path), then marked.
  rm -rf "$SCHEMATHESIS_HOME"
  if ! python3 -m venv "$SCHEMATHESIS_HOME" >"$tmp/venv.log" 2>&1 ||
    ! "$SCHEMATHESIS_HOME/bin/python" -m pip install --quiet --disable-pip-version-check \
      "schemathesis==$SCHEMATHESIS_VERSION" >"$tmp/pip.log" 2>&1; then
    tail -n 40 "$tmp"/*.log >&2
    rm -rf "$tmp" "$SCHEMATHESIS_HOME"
    die "schemathesis: could not install schemathesis==$SCHEMATHESIS_VERSION"
  fi
  rm -rf "$tmp"
  echo "$SCHEMATHESIS_VERSION" >"$SCHEMATHESIS_HOME/.installed"
  log "schemathesis: installed $SCHEMATHESIS_BIN in $(elapsed "$t0")"
}

env_schemathesis() { echo "MARKET_TEST_SCHEMATHESIS=$SCHEMATHESIS_BIN"; }

version_schemathesis() { echo "schemathesis $("$SCHEMATHESIS_BIN" --version 2>/dev/null | awk '{print $3}') at $SCHEMATHESIS_BIN"; }
