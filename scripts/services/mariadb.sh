# shellcheck shell=bash
# MariaDB from Debian's mariadb-server, run as our own throwaway instance (the system service is never touched).
# Test-only and bound to loopback: root@127.0.0.1 has an empty password and may CREATE DATABASE.

: "${MARKET_MARIADB_PORT:=13306}"
# shellcheck disable=SC2034 # the process name (comm) stack.sh expects behind the pid file
PROCESS_mariadb=mariadbd

mariadb_socket() {
  local sock
  sock="$(svc_dir mariadb)/mariadb.sock"
  # A Unix socket path must fit in 107 bytes; deep checkouts fall back to a per-stack-dir name in /tmp.
  if ((${#sock} > 100)); then
    sock="${TMPDIR:-/tmp}/market-mariadb-$(printf '%s' "$MARKET_STACK_DIR" | md5sum | cut -c1-12).sock"
  fi
  printf '%s' "$sock"
}

install_mariadb() {
  local cmd
  for cmd in mariadbd mariadb-install-db mariadb mariadb-admin; do
    command -v "$cmd" >/dev/null || {
      apt_install mariadb-server
      return
    }
  done
}

start_mariadb() {
  local dir data user=()
  dir=$(svc_dir mariadb)
  data="$dir/data"
  # mariadbd refuses to run as root unless told to; as anyone else it runs as that user.
  [[ $(id -u) != 0 ]] || user=(--user=root)
  if [[ ! -d $data/mysql ]]; then
    log "mariadb: creating data directory $data"
    # Into a temporary directory first, so an interrupted run never leaves a half-initialised one behind.
    rm -rf "$data.tmp"
    mariadb-install-db --no-defaults --datadir="$data.tmp" "${user[@]}" \
      --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve \
      >>"$(svc_log mariadb)" 2>&1 || return 1
    mv "$data.tmp" "$data"
  fi
  # Runs at every start before connections are accepted, so the TCP root account always exists.
  cat >"$dir/init.sql" <<'SQL'
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
SQL
  # Durability is traded for speed: this database only ever holds test data.
  spawn_detached "$(svc_pidfile mariadb)" "$(svc_log mariadb)" \
    mariadbd --no-defaults "${user[@]}" \
    --datadir="$data" --socket="$(mariadb_socket)" --pid-file="$dir/mariadbd.pid" \
    --port="$MARKET_MARIADB_PORT" --bind-address="$MARKET_STACK_HOST" --skip-name-resolve \
    --log-error="$(svc_log mariadb)" --init-file="$dir/init.sql" \
    --skip-log-bin --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --sync-binlog=0 \
    --innodb-buffer-pool-size=256M --innodb-log-file-size=128M \
    --max-connections=300 --max-allowed-packet=64M \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
}

ready_mariadb() {
  timeout 5 mariadb --no-defaults --protocol=TCP -h "$MARKET_STACK_HOST" -P "$MARKET_MARIADB_PORT" -u root \
    --connect-timeout=2 -N -e 'SELECT 1' >/dev/null 2>&1
}

stop_mariadb() { stop_pidfile "$(svc_pidfile mariadb)" mariadbd 60; }

ports_mariadb() { echo "$MARKET_MARIADB_PORT"; }

env_mariadb() { echo "MARKET_TEST_DATABASE_URL=mysql://root@$MARKET_STACK_HOST:$MARKET_MARIADB_PORT/"; }

version_mariadb() { mariadbd --version; }
