# shellcheck shell=bash
# stripe-mock (github.com/stripe/stripe-mock): a stateless fake of the Stripe API built from Stripe's OpenAPI spec,
# for the payment adapter's integration tests. It validates requests and answers with fixtures; it keeps no state
# (a PaymentIntent created is not found again) and sends no webhooks. Built once with `go install` (Go 1.22+) into
# $MARKET_CACHE_DIR/bin/stripe-mock, the release version stamped in so that an upgrade is noticed.

: "${MARKET_STRIPE_PORT:=12111}"
STRIPE_MOCK_VERSION=0.197.0
STRIPE_MOCK_BIN="$MARKET_CACHE_DIR/bin/stripe-mock"
# Any sk_test_ key is accepted; the tests read this one from `stack.sh env` like the other credentials.
STRIPE_MOCK_KEY=sk_test_123
# shellcheck disable=SC2034 # the process name (comm) stack.sh expects behind the pid file
PROCESS_stripe=stripe-mock

# `stripe-mock -version` prints "stripe-mock 0.197.0" for our build ("master" for an unstamped one).
stripe_installed() {
  [[ $("$STRIPE_MOCK_BIN" -version 2>/dev/null | head -n 1) == "stripe-mock $STRIPE_MOCK_VERSION" ]]
}

# A go that can build it (1.22+, its go.mod says so; Debian 12's golang-go is 1.19 and cannot even read that
# go.mod): `go` on the PATH, else the newest Debian golang-1.NN-go (e.g. bookworm-backports' golang-1.23-go).
stripe_go() {
  local go v
  for go in "$(command -v go || true)" $(printf '%s\n' /usr/lib/go-1.*/bin/go | sort -rV); do
    [[ -n $go && -x $go ]] || continue
    v=$("$go" env GOVERSION 2>/dev/null) || continue # go1.26.8
    v=${v#go}
    if [[ $v =~ ^1\.([0-9]+) ]] && ((BASH_REMATCH[1] >= 22)); then
      printf '%s' "$go"
      return
    fi
  done
  return 1
}

install_stripe() {
  command -v curl >/dev/null || apt_install curl
  stripe_installed && return
  command -v go >/dev/null || compgen -G '/usr/lib/go-1.*/bin/go' >/dev/null || apt_install golang-go
  local t0 gobin go
  go=$(stripe_go) ||
    die "stripe: stripe-mock v$STRIPE_MOCK_VERSION needs Go 1.22+, found $(go version 2>/dev/null || echo none): install a newer Go (the go.dev tarball in /usr/local/go, or Debian bookworm-backports' golang-1.23-go)"
  t0=$(now_ms)
  log "stripe: building github.com/stripe/stripe-mock v$STRIPE_MOCK_VERSION with $("$go" env GOVERSION) ($go)…"
  mkdir -p "$MARKET_CACHE_DIR/bin"
  gobin=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  # Outside the repository, so no go.work or go.mod around it has a say; -X sets what GoReleaser would.
  if ! (cd "$gobin" && CGO_ENABLED=0 GOBIN="$gobin" GOFLAGS=-buildvcs=false "$go" install -trimpath \
    -ldflags "-s -w -X main.version=$STRIPE_MOCK_VERSION" \
    "github.com/stripe/stripe-mock@v$STRIPE_MOCK_VERSION" >&2); then
    rm -rf "$gobin"
    die "stripe: go install of stripe-mock v$STRIPE_MOCK_VERSION failed"
  fi
  mv "$gobin/stripe-mock" "$STRIPE_MOCK_BIN"
  rm -rf "$gobin"
  log "stripe: installed $STRIPE_MOCK_BIN in $(elapsed "$t0")"
}

start_stripe() {
  # HTTP on our port. HTTPS cannot be switched off and would take 12112 on every interface: give it loopback
  # and a port the kernel picks (nothing uses it).
  spawn_detached "$(svc_pidfile stripe)" "$(svc_log stripe)" \
    "$STRIPE_MOCK_BIN" -http-addr "$MARKET_STACK_HOST:$MARKET_STRIPE_PORT" -https-addr "$MARKET_STACK_HOST:"
}

# Answers once an authenticated list call gets a 200 (the spec and fixtures are loaded by then).
ready_stripe() {
  [[ $(curl -s --max-time 3 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $STRIPE_MOCK_KEY" \
    "http://$MARKET_STACK_HOST:$MARKET_STRIPE_PORT/v1/customers" 2>/dev/null) == 200 ]]
}

stop_stripe() { stop_pidfile "$(svc_pidfile stripe)" stripe-mock 10; }

ports_stripe() { echo "$MARKET_STRIPE_PORT"; }

env_stripe() {
  echo "MARKET_TEST_STRIPE_URL=http://$MARKET_STACK_HOST:$MARKET_STRIPE_PORT"
  echo "MARKET_TEST_STRIPE_SECRET_KEY=$STRIPE_MOCK_KEY"
}

version_stripe() { echo "$("$STRIPE_MOCK_BIN" -version | head -n 1) at $STRIPE_MOCK_BIN"; }
