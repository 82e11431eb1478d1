#!/usr/bin/env bash
# `npm test`: typecheck and lint (fast failure), then Jest against the real-service stack.
# Services already running (`npm run stack up`) are reused and left running; the ones this run starts are
# stopped again on exit, also on failure or Ctrl-C. Arguments go to Jest: `npm test -- api/routes --watch`.
# MARKET_TEST_SKIP_CHECKS=1 skips typecheck and lint (quicker local iterations; CI never sets it).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK="$REPO_DIR/scripts/stack.sh"
cd "$REPO_DIR"

step() { printf '\n[test] %s\n' "$*" >&2; }

if [[ ${MARKET_TEST_SKIP_CHECKS:-} != 1 ]]; then
  step 'npm run typecheck'
  npm run --silent typecheck
  step 'npm run lint'
  npm run --silent lint
fi

# The shop: built (the browser tests serve this build; the build fails when a size budget is exceeded), then its
# component tests (Vitest, no services).
step 'storefront: build with size budgets'
npm run --silent build -w @market/storefront
step 'storefront: component tests (vitest)'
(cd storefront && npx --no-install vitest run)
# The back office: built (the browser tests serve it at /admin), then its unit tests.
step 'admin: build'
npm run --silent build -w @market/admin
step 'admin: unit tests (vitest)'
(cd admin && npx --no-install vitest run)

# Which services are already up (or at least have a live process)? Those belong to the developer; the
# stopped ones (status exit code 3) are ours to start and to stop again.
started=()
for service in $(bash "$STACK" services); do
  rc=0
  bash "$STACK" status "$service" >/dev/null 2>&1 || rc=$?
  if ((rc == 3)); then started+=("$service"); fi
done

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if ((${#started[@]} > 0)); then
    step "stopping the services this run started: ${started[*]}"
    bash "$STACK" down "${started[@]}" || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

step 'stack up'
bash "$STACK" up
eval "$(bash "$STACK" env)"

# Two workers by default (CI has 2 cores); an explicit --maxWorkers/-w/--runInBand/-i wins.
workers=(--maxWorkers=2)
for arg in "$@"; do
  case $arg in --maxWorkers* | -w | -w=* | --runInBand | -i) workers=() ;; esac
done

step "jest --ci ${workers[*]} $*"
status=0
npx --no-install jest --ci "${workers[@]}" "$@" || status=$?

# Browser tests (Playwright in Debian's chromium) against the whole platform on this stack; skipped when
# arguments pick Jest tests (`npm test -- api/routes`), run alone with `npm run test:browser`.
if (($# == 0)); then
  step 'playwright: the shop in chromium'
  npx --no-install playwright test || status=$?
fi
exit "$status"
