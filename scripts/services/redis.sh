# shellcheck shell=bash
# Redis from Debian's redis-server: no persistence, loopback only.

: "${MARKET_REDIS_PORT:=16379}"
# shellcheck disable=SC2034 # the process name (comm) stack.sh expects behind the pid file
PROCESS_redis=redis-server

install_redis() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null && return
  apt_install redis-server
}

start_redis() {
  local dir
  dir=$(svc_dir redis)
  # Redis daemonizes itself and writes the pid file; fd 9 (the stack's lock) must not leak into it.
  redis-server --daemonize yes --bind "$MARKET_STACK_HOST" --port "$MARKET_REDIS_PORT" \
    --save '' --appendonly no --dir "$dir" \
    --pidfile "$(svc_pidfile redis)" --logfile "$(svc_log redis)" 9>&- </dev/null
}

ready_redis() {
  [[ $(timeout 5 redis-cli -h "$MARKET_STACK_HOST" -p "$MARKET_REDIS_PORT" ping 2>/dev/null) == PONG ]]
}

stop_redis() { stop_pidfile "$(svc_pidfile redis)" redis-server 30; }

ports_redis() { echo "$MARKET_REDIS_PORT"; }

env_redis() { echo "MARKET_TEST_REDIS_URL=redis://$MARKET_STACK_HOST:$MARKET_REDIS_PORT"; }

version_redis() { redis-server --version; }
