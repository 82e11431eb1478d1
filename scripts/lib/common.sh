# shellcheck shell=bash
# Helpers shared by stack.sh and the service files in scripts/services/. Sourced, never run.

: "${MARKET_STACK_HOST:=127.0.0.1}"
: "${MARKET_CACHE_DIR:=$HOME/.cache/market}"
: "${MARKET_STACK_DIR:=$REPO_DIR/.stack}"
# Seconds a service may take to answer after it was started.
: "${MARKET_STACK_TIMEOUT:=90}"
# mariadbd, mariadb-install-db live in /usr/sbin, which a non-root PATH may lack.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/sbin" ;; esac
# Go from the go.dev tarball lives in /usr/local/go/bin, which a non-login shell's PATH may lack (a go already on
# the PATH still wins). scripts/services/stripe.sh builds stripe-mock with it.
if [[ -x /usr/local/go/bin/go ]]; then
  case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) PATH="$PATH:/usr/local/go/bin" ;; esac
fi

log() { printf '[stack] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# Monotonic-enough wall clock in milliseconds, and "1.2s" since a start mark.
now_ms() { date +%s%3N; }
elapsed() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100))
}

# State of one service lives in $MARKET_STACK_DIR/<name>/: data, <name>.log, <name>.pid.
svc_dir() { printf '%s/%s' "$MARKET_STACK_DIR" "$1"; }
svc_log() { printf '%s/%s/%s.log' "$MARKET_STACK_DIR" "$1" "$1"; }
svc_pidfile() { printf '%s/%s/%s.pid' "$MARKET_STACK_DIR" "$1" "$1"; }

# Is something listening on host:port? (bash's /dev/tcp: no curl or nc needed)
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# Is this process alive? A zombie is not: daemons are reparented to pid 1, which may reap them late.
pid_running() {
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# Prints the pid in a pid file if that process is alive and its name (comm) starts with $2.
# The name check keeps a stale pid file (after a reboot) from pointing at an unrelated process.
pid_from_file() {
  local file=$1 comm=$2 pid actual
  [[ -s $file ]] || return 1
  read -r pid <"$file" || true
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  pid_running "$pid" || return 1
  actual=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  [[ $actual == "${comm:0:15}"* ]] || return 1
  printf '%s' "$pid"
}

# Starts a long-running foreground program detached from this shell (own session, so a Ctrl-C in the terminal
# does not reach it; the stack stops it through its pid file), appending its output to a log file.
# usage: spawn_detached PIDFILE LOGFILE COMMAND [ARGS...]
spawn_detached() {
  local pidfile=$1 logfile=$2
  shift 2
  # fd 9 is the stack's lock: the daemon must not inherit it.
  # shellcheck disable=SC2016 # expanded by the inner sh
  setsid sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  # Wait for the pid file so callers can rely on it.
  local i
  for i in $(seq 50); do
    [[ -s $pidfile ]] && return 0
    sleep 0.02
  done
  [[ -s $pidfile ]]
}

# Stops the process of a pid file: SIGTERM, up to $3 seconds (default 30) of grace, then SIGKILL.
# usage: stop_pidfile PIDFILE COMM [GRACE_SECONDS]
stop_pidfile() {
  local pidfile=$1 comm=$2 grace=${3:-30} pid i
  if ! pid=$(pid_from_file "$pidfile" "$comm"); then
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    pid_running "$pid" || break
    sleep 0.1
  done
  if pid_running "$pid"; then
    log "$comm (pid $pid) ignored SIGTERM for ${grace}s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.2
  fi
  rm -f "$pidfile"
}

as_root() {
  if [[ $(id -u) == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# Installs Debian packages with apt-get (update first, once per process). The daemons they ship are
# not started: when no policy-rc.d exists we add one for the duration (the stack runs its own instances).
APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* yourself"
  local policy=/usr/sbin/policy-rc.d added_policy=
  if [[ ! -e $policy ]]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' >$policy && chmod +x $policy"
    added_policy=1
  fi
  local rc=0 aptlog="$MARKET_CACHE_DIR/apt.log"
  mkdir -p "$MARKET_CACHE_DIR"
  if [[ -z $APT_UPDATED ]]; then
    log "apt-get update (log: $aptlog)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update >"$aptlog" 2>&1 || rc=$?
    APT_UPDATED=1
  fi
  if [[ $rc == 0 ]]; then
    log "apt-get install $* (log: $aptlog)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$aptlog" 2>&1 ||
      rc=$?
  fi
  [[ -z $added_policy ]] || as_root rm -f "$policy"
  if [[ $rc != 0 ]]; then
    tail -n 40 "$aptlog" >&2
    die "apt-get failed ($rc) installing: $*"
  fi
}

# Prints a python with pip (`pip download` fetches a package without installing anything into it).
pip_python() {
  local py
  for py in python3 python; do
    if command -v "$py" >/dev/null && "$py" -m pip --version >/dev/null 2>&1; then
      echo "$py"
      return
    fi
  done
  return 1
}
