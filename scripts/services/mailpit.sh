# shellcheck shell=bash
# Mailpit (github.com/axllent/mailpit): an SMTP server that keeps every message it receives and shows them through
# an HTTP API (GET /api/v1/messages, /api/v1/message/{ID}, /api/v1/search), so the email tests assert what was
# really delivered. Built once with `go install` (Go 1.24+) into $MARKET_CACHE_DIR/bin/mailpit, the release version
# stamped in. `go install` builds from the module, which lacks the compiled web UI (server/ui/dist is made by npm in
# Mailpit's release pipeline): the API is complete, the UI page at / stays blank.
#
# Tests that must stop SMTP mid-test start their own mailpit on free ports (MARKET_TEST_MAILPIT_BIN, see
# adapters/mail/testing.ts) and never touch this shared one.

: "${MARKET_MAILPIT_SMTP_PORT:=11025}"
: "${MARKET_MAILPIT_HTTP_PORT:=18025}"
MAILPIT_VERSION=1.27.11
MAILPIT_BIN="$MARKET_CACHE_DIR/bin/mailpit"
# shellcheck disable=SC2034 # the process name (comm) stack.sh expects behind the pid file
PROCESS_mailpit=mailpit

# `mailpit version --no-release-check` prints "<argv[0]> v1.27.11 compiled with go1.26.8 on linux/amd64" ("dev"
# for an unstamped build).
mailpit_installed() {
  [[ $("$MAILPIT_BIN" version --no-release-check 2>/dev/null | head -n 1) == *" v$MAILPIT_VERSION compiled "* ]]
}

# A go that can build it (1.24+, its go.mod says so): `go` on the PATH, else the newest Debian golang-1.NN-go.
mailpit_go() {
  local go v
  for go in "$(command -v go || true)" $(printf '%s\n' /usr/lib/go-1.*/bin/go | sort -rV); do
    [[ -n $go && -x $go ]] || continue
    v=$("$go" env GOVERSION 2>/dev/null) || continue # go1.26.8
    v=${v#go}
    if [[ $v =~ ^1\.([0-9]+) ]] && ((BASH_REMATCH[1] >= 24)); then
      printf '%s' "$go"
      return
    fi
  done
  return 1
}

install_mailpit() {
  command -v curl >/dev/null || apt_install curl
  mailpit_installed && return
  command -v go >/dev/null || compgen -G '/usr/lib/go-1.*/bin/go' >/dev/null || apt_install golang-go
  local t0 gobin go
  go=$(mailpit_go) ||
    die "mailpit: mailpit v$MAILPIT_VERSION needs Go 1.24+, found $(go version 2>/dev/null || echo none): install a newer Go (the go.dev tarball in /usr/local/go)"
  t0=$(now_ms)
  log "mailpit: building github.com/axllent/mailpit v$MAILPIT_VERSION with $("$go" env GOVERSION) ($go)…"
  mkdir -p "$MARKET_CACHE_DIR/bin"
  gobin=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  # Outside the repository, so no go.work or go.mod around it has a say; -X sets what its release build sets.
  if ! (cd "$gobin" && CGO_ENABLED=0 GOBIN="$gobin" GOFLAGS=-buildvcs=false "$go" install -trimpath \
    -ldflags "-s -w -X github.com/axllent/mailpit/config.Version=v$MAILPIT_VERSION" \
    "github.com/axllent/mailpit@v$MAILPIT_VERSION" >&2); then
    rm -rf "$gobin"
    die "mailpit: go install of mailpit v$MAILPIT_VERSION failed"
  fi
  mv "$gobin/mailpit" "$MAILPIT_BIN"
  rm -rf "$gobin"
  log "mailpit: installed $MAILPIT_BIN in $(elapsed "$t0")"
}

start_mailpit() {
  # Any SMTP login is accepted (over plain text: loopback only), so an SMTP_URL with credentials works as well as
  # one without. POP3 stays off (no --pop3-auth-file); no online version check.
  spawn_detached "$(svc_pidfile mailpit)" "$(svc_log mailpit)" \
    "$MAILPIT_BIN" --smtp "$MARKET_STACK_HOST:$MARKET_MAILPIT_SMTP_PORT" \
    --listen "$MARKET_STACK_HOST:$MARKET_MAILPIT_HTTP_PORT" \
    --database "$(svc_dir mailpit)/mailpit.db" \
    --smtp-auth-accept-any --smtp-auth-allow-insecure --disable-version-check \
    --max 5000
}

# The API answers once the database is open; SMTP listens by then too.
ready_mailpit() {
  [[ $(curl -s --max-time 3 -o /dev/null -w '%{http_code}' \
    "http://$MARKET_STACK_HOST:$MARKET_MAILPIT_HTTP_PORT/api/v1/info" 2>/dev/null) == 200 ]] &&
    port_open "$MARKET_STACK_HOST" "$MARKET_MAILPIT_SMTP_PORT"
}

stop_mailpit() { stop_pidfile "$(svc_pidfile mailpit)" mailpit 10; }

ports_mailpit() { echo "$MARKET_MAILPIT_SMTP_PORT $MARKET_MAILPIT_HTTP_PORT"; }

env_mailpit() {
  echo "MARKET_TEST_SMTP_URL=smtp://$MARKET_STACK_HOST:$MARKET_MAILPIT_SMTP_PORT"
  echo "MARKET_TEST_MAILPIT_URL=http://$MARKET_STACK_HOST:$MARKET_MAILPIT_HTTP_PORT"
  echo "MARKET_TEST_MAILPIT_BIN=$MAILPIT_BIN"
}

version_mailpit() { "$MAILPIT_BIN" version --no-release-check | head -n 1; }
