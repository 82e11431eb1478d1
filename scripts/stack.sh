#!/usr/bin/env bash
# The real-service stack for tests and development, without Docker. See scripts/README.md.
#
#   stack.sh up      [service...]   install if needed, start (or reuse) and wait until each answers
#   stack.sh down    [service...]   stop what this stack started (its pid files), gracefully then forcefully
#   stack.sh status  [service...]   one line per service; exit 0: all answer, 3: one is stopped, 4: one is
#                                   running but not answering
#   stack.sh env     [service...]   `export` lines for the tests (eval "$(scripts/stack.sh env)")
#   stack.sh install [service...]   install binaries only (apt packages, cached downloads) and print versions
#   stack.sh services               the known services, one a line
# An install-only service (no start_ function, e.g. temporal-test-server: tests launch their own) is installed by
# up, never started or stopped; status says "installed" (or "not installed", exit 3).
set -euo pipefail

REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SCRIPTS_DIR="$REPO_DIR/scripts"
# shellcheck source=lib/common.sh
source "$SCRIPTS_DIR/lib/common.sh"

ALL_SERVICES=()
for file in "$SCRIPTS_DIR"/services/*.sh; do
  # shellcheck source=/dev/null
  source "$file"
  ALL_SERVICES+=("$(basename "$file" .sh)")
done

usage() {
  sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
  exit "${1:-2}"
}

# Service names may contain '-'; their functions use '_' (stripe-mock → start_stripe_mock).
fn() { printf '%s_%s' "$1" "${2//-/_}"; }
has_fn() { declare -F "$(fn "$1" "$2")" >/dev/null; }
call() {
  local f
  f=$(fn "$1" "$2")
  "$f"
}

svc_pid() {
  local var
  var="PROCESS_${1//-/_}"
  pid_from_file "$(svc_pidfile "$1")" "${!var:-$1}"
}
svc_ports() { if has_fn ports "$1"; then call ports "$1"; fi; }
# A service without a start_ function is only installed (see the header).
install_only() { ! has_fn start "$1"; }

# Validated service list: the arguments, or every service.
SERVICES=()
select_services() {
  local s known
  if (($# == 0)); then
    SERVICES=("${ALL_SERVICES[@]}")
    return
  fi
  SERVICES=()
  for s in "$@"; do
    known=
    for k in "${ALL_SERVICES[@]}"; do [[ $k == "$s" ]] && known=1; done
    [[ -n $known ]] || die "unknown service '$s' (known: ${ALL_SERVICES[*]})"
    SERVICES+=("$s")
  done
}

# One `up`/`down` at a time per stack dir, one install at a time per cache dir (fds 9 and 8; the
# daemons must not inherit them, see spawn_detached).
lock_stack() {
  mkdir -p "$MARKET_STACK_DIR"
  exec 9>"$MARKET_STACK_DIR/.lock"
  flock -n 9 || {
    log "waiting for another stack.sh in $MARKET_STACK_DIR…"
    flock -w 600 9 || die "timed out waiting for the lock $MARKET_STACK_DIR/.lock"
  }
}

install_services() {
  local s
  mkdir -p "$MARKET_CACHE_DIR"
  exec 8>"$MARKET_CACHE_DIR/.lock"
  flock -w 1800 8 || die "timed out waiting for the lock $MARKET_CACHE_DIR/.lock"
  for s in "$@"; do call install "$s"; done
  exec 8>&-
}

fail_start() {
  local s=$1 why=$2 logfile
  logfile=$(svc_log "$s")
  log "$s: $why"
  if [[ -s $logfile ]]; then
    log "$s: last 40 lines of $logfile:"
    tail -n 40 "$logfile" | sed 's/^/    /' >&2
  else
    log "$s: its log $logfile is empty"
  fi
  call stop "$s" || true
  exit 1
}

# Polls every launched service until each answers; reports each as soon as it does.
# usage: wait_ready NAME=START_MS...
wait_ready() {
  local -A t0=()
  local arg s now
  for arg in "$@"; do t0[${arg%%=*}]=${arg#*=}; done
  while ((${#t0[@]} > 0)); do
    for s in "${!t0[@]}"; do
      if call ready "$s"; then
        log "$s: ready in $(elapsed "${t0[$s]}") (pid $(svc_pid "$s" || echo '?'), ports $(svc_ports "$s"))"
        unset "t0[$s]"
        continue
      fi
      now=$(now_ms)
      # A process that has gone away will not answer: fail now rather than at the timeout. (A daemonizing
      # server writes its pid file a moment after it was launched: allow for that.)
      if ! svc_pid "$s" >/dev/null && { [[ -e $(svc_pidfile "$s") ]] || ((now - t0[$s] > 3000)); }; then
        fail_start "$s" "exited during startup after $(elapsed "${t0[$s]}")"
      fi
      if ((now - t0[$s] > MARKET_STACK_TIMEOUT * 1000)); then
        fail_start "$s" "not answering after ${MARKET_STACK_TIMEOUT}s (MARKET_STACK_TIMEOUT)"
      fi
    done
    ((${#t0[@]} == 0)) || sleep 0.2
  done
}

cmd_up() {
  local s pid port launched=()
  lock_stack
  install_services "${SERVICES[@]}"
  for s in "${SERVICES[@]}"; do
    if install_only "$s"; then
      log "$s: installed (install-only: the tests start their own)"
      continue
    fi
    mkdir -p "$(svc_dir "$s")"
    if pid=$(svc_pid "$s"); then
      if call ready "$s"; then
        log "$s: already running (pid $pid), reused; log: $(svc_log "$s")"
      else
        log "$s: running (pid $pid) but not answering yet, waiting; log: $(svc_log "$s")"
        launched+=("$s=$(now_ms)")
      fi
      continue
    fi
    rm -f "$(svc_pidfile "$s")"
    for port in $(svc_ports "$s"); do
      if port_open "$MARKET_STACK_HOST" "$port"; then
        die "$s: $MARKET_STACK_HOST:$port is taken by a process this stack ($MARKET_STACK_DIR) did not start: stop it, or choose other ports (scripts/README.md)"
      fi
    done
    log "$s: starting; log: $(svc_log "$s")"
    launched+=("$s=$(now_ms)")
    call start "$s" || fail_start "$s" "failed to start"
  done
  # Everything was launched first, so the services boot in parallel.
  ((${#launched[@]} == 0)) || wait_ready "${launched[@]}"
}

cmd_down() {
  local s pid t0 i
  lock_stack
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    s=${SERVICES[$i]}
    install_only "$s" && continue
    if pid=$(svc_pid "$s"); then
      log "$s: stopping (pid $pid)…"
      t0=$(now_ms)
      call stop "$s"
      log "$s: stopped in $(elapsed "$t0")"
    else
      rm -f "$(svc_pidfile "$s")"
      log "$s: not running"
    fi
  done
}

cmd_status() {
  local s pid rc=0
  for s in "${SERVICES[@]}"; do
    if install_only "$s"; then
      if call installed "$s"; then
        printf '%-20s installed   %s\n' "$s" "$(call version "$s" | head -n 1)"
      else
        printf '%-20s not installed (stack.sh install %s)\n' "$s" "$s"
        rc=3
      fi
    elif pid=$(svc_pid "$s"); then
      if call ready "$s"; then
        printf '%-20s running     pid %-7s %s:%s  log: %s\n' "$s" "$pid" "$MARKET_STACK_HOST" \
          "$(svc_ports "$s" | tr ' ' ',')" "$(svc_log "$s")"
      else
        printf '%-20s not answering pid %-7s log: %s\n' "$s" "$pid" "$(svc_log "$s")"
        ((rc == 3)) || rc=4
      fi
    else
      printf '%-20s stopped\n' "$s"
      rc=3
    fi
  done
  return "$rc"
}

cmd_env() {
  local s line
  for s in "${SERVICES[@]}"; do
    has_fn env "$s" || continue
    while IFS= read -r line; do
      printf 'export %s=%q\n' "${line%%=*}" "${line#*=}"
    done < <(call env "$s")
  done
}

cmd_install() {
  local s t0
  t0=$(now_ms)
  install_services "${SERVICES[@]}"
  for s in "${SERVICES[@]}"; do
    if has_fn version "$s"; then log "$s: $(call version "$s" | head -n 1)"; fi
  done
  log "installed in $(elapsed "$t0") (cache: $MARKET_CACHE_DIR)"
}

(($# >= 1)) || usage
command=$1
shift
case $command in
  up | down | status | env | install)
    select_services "$@"
    "cmd_$command"
    ;;
  services) printf '%s\n' "${ALL_SERVICES[@]}" ;;
  -h | --help | help) usage 0 ;;
  *) usage >&2 ;;
esac
