# shellcheck shell=bash
# S3 from S3Proxy (Maven Central org.gaul:s3proxy, the jar-with-dependencies) on its filesystem backend: objects
# live under .stack/s3/data/<bucket>/, metadata (content type, cache control) in extended attributes. It checks AWS
# signatures v2 and v4, presigned URLs and their expiry included, and allows CORS from any origin so a browser can
# PUT to a presigned URL. The jar is fetched once with Maven into $MARKET_CACHE_DIR/s3proxy/; S3Proxy 4.x needs
# Java 17+ (the default JDK here; MARKET_S3_JAVA picks another one).

: "${MARKET_S3_PORT:=19000}"
S3PROXY_VERSION=4.1.0
S3PROXY_JAR="$MARKET_CACHE_DIR/s3proxy/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
# Test-only credentials (the stack binds loopback); the tests read them from `stack.sh env`.
S3_ACCESS_KEY=market
S3_SECRET_KEY=market-secret
# shellcheck disable=SC2034 # the process name (comm) stack.sh expects behind the pid file
PROCESS_s3=java

# Major version of a java binary: `openjdk version "17.0.15"` → 17, `"1.8.0_402"` → 8.
s3_java_major() {
  local v
  v=$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  [[ $v == 1.* ]] && v=${v#1.}
  printf '%s' "${v%%[.+_-]*}"
}

# The first Java 17+ found: $MARKET_S3_JAVA, `java` on the PATH, then the JDKs in /usr/lib/jvm.
s3_java() {
  local j major
  for j in ${MARKET_S3_JAVA:-} "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n $j && -x $j ]] || continue
    major=$(s3_java_major "$j")
    if [[ $major =~ ^[0-9]+$ ]] && ((major >= 17)); then
      printf '%s' "$j"
      return
    fi
  done
  return 1
}

install_s3() {
  s3_java >/dev/null || apt_install openjdk-17-jre-headless
  [[ -s $S3PROXY_JAR ]] && return
  command -v mvn >/dev/null || apt_install maven
  local t0 tmp
  t0=$(now_ms)
  log "s3: fetching org.gaul:s3proxy:$S3PROXY_VERSION (jar-with-dependencies) with Maven…"
  mkdir -p "$(dirname "$S3PROXY_JAR")"
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  # Run outside the repository (no pom.xml in the way); a pinned plugin version, strict checksums.
  if ! (cd "$tmp" && mvn -q -B -C org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy \
    "-Dartifact=org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" -DoutputDirectory="$tmp" \
    >"$tmp/mvn.log" 2>&1); then
    tail -n 40 "$tmp/mvn.log" >&2
    rm -rf "$tmp"
    die "s3: mvn could not fetch org.gaul:s3proxy:$S3PROXY_VERSION"
  fi
  mv "$tmp/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar" "$S3PROXY_JAR"
  rm -rf "$tmp"
  log "s3: installed $S3PROXY_JAR in $(elapsed "$t0")"
}

start_s3() {
  local dir java
  dir=$(svc_dir s3)
  java=$(s3_java) || {
    log "s3: no Java 17+ found (set MARKET_S3_JAVA)"
    return 1
  }
  mkdir -p "$dir/data"
  # Written at every start, so a changed port or stack dir takes effect.
  cat >"$dir/s3proxy.conf" <<EOF
s3proxy.endpoint=http://$MARKET_STACK_HOST:$MARKET_S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
s3proxy.cors-allow-all=true
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem
jclouds.filesystem.basedir=$dir/data
EOF
  # A small heap and the C1 compiler only: it starts in about a second and serves test traffic well enough.
  spawn_detached "$(svc_pidfile s3)" "$(svc_log s3)" \
    env LOG_LEVEL="${MARKET_S3_LOG_LEVEL:-info}" \
    "$java" -Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -jar "$S3PROXY_JAR" --properties "$dir/s3proxy.conf"
}

# Answers when an HTTP request gets a status line (anonymous requests get 403 AccessDenied).
ready_s3() {
  local status
  # shellcheck disable=SC2016 # expanded by the inner bash
  status=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "HEAD / HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n" "$0" "$1" >&3
    head -n 1 <&3' "$MARKET_STACK_HOST" "$MARKET_S3_PORT" 2>/dev/null) || return 1
  [[ $status =~ ^HTTP/1\.[01]\ [1-5][0-9][0-9] ]]
}

stop_s3() { stop_pidfile "$(svc_pidfile s3)" java 15; }

ports_s3() { echo "$MARKET_S3_PORT"; }

env_s3() {
  echo "MARKET_TEST_S3_ENDPOINT=http://$MARKET_STACK_HOST:$MARKET_S3_PORT"
  echo "MARKET_TEST_S3_ACCESS_KEY=$S3_ACCESS_KEY"
  echo "MARKET_TEST_S3_SECRET_KEY=$S3_SECRET_KEY"
  echo "MARKET_TEST_S3_REGION=us-east-1"
}

version_s3() {
  local java
  java=$(s3_java) || java=java
  echo "s3proxy $S3PROXY_VERSION at $S3PROXY_JAR (Java $(s3_java_major "$java"): $java)"
}
