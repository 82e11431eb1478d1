# shellcheck shell=bash
# Temporal's time-skipping test server (Maven Central io.temporal:temporal-test-server, the Java SDK's in-memory
# server), for workflow tests that sleep for days in milliseconds. Install-only: there is no start_ function, so
# `stack.sh up` only makes sure it is installed. Each test starts its own through
# TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } }) with
# path = $MARKET_TEST_TEMPORAL_TEST_SERVER, a wrapper that runs the jars on a Java 17+ (the one s3.sh picks;
# MARKET_S3_JAVA chooses another). Jars in $MARKET_CACHE_DIR/temporal-test-server/jars.

TEMPORAL_TEST_SERVER_VERSION=1.38.0
TEMPORAL_TEST_SERVER_HOME="$MARKET_CACHE_DIR/temporal-test-server"
TEMPORAL_TEST_SERVER_BIN="$TEMPORAL_TEST_SERVER_HOME/temporal-test-server"
# Pinned so that an install never depends on "latest" plugin metadata.
TEMPORAL_TEST_SERVER_DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

# The jars of the pinned version are there (the marker is written last) and so is the wrapper.
installed_temporal_test_server() {
  [[ -x $TEMPORAL_TEST_SERVER_BIN && -f $TEMPORAL_TEST_SERVER_HOME/jars/.installed &&
    $(<"$TEMPORAL_TEST_SERVER_HOME/jars/.installed") == "$TEMPORAL_TEST_SERVER_VERSION" ]]
}

temporal_test_server_fetch() {
  command -v mvn >/dev/null || apt_install maven
  local t0 tmp artifact="io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION"
  t0=$(now_ms)
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  log "temporal-test-server: fetching $artifact and its dependencies from Maven Central (~30 MB; log: $tmp/mvn.log)…"
  # A throwaway pom whose only dependency is the server: copy-dependencies then gives exactly its classpath.
  cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>market.stack</groupId>
  <artifactId>temporal-test-server-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>$TEMPORAL_TEST_SERVER_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
  if ! mvn -q -B -C -f "$tmp/pom.xml" "$TEMPORAL_TEST_SERVER_DEPENDENCY_PLUGIN:copy-dependencies" \
    -DoutputDirectory="$tmp/jars" -DincludeScope=runtime >"$tmp/mvn.log" 2>&1; then
    tail -n 40 "$tmp/mvn.log" >&2
    rm -rf "$tmp"
    die "temporal-test-server: could not fetch $artifact with Maven"
  fi
  echo "$TEMPORAL_TEST_SERVER_VERSION" >"$tmp/jars/.installed"
  mkdir -p "$TEMPORAL_TEST_SERVER_HOME"
  rm -rf "$TEMPORAL_TEST_SERVER_HOME/jars"
  mv "$tmp/jars" "$TEMPORAL_TEST_SERVER_HOME/jars"
  rm -rf "$tmp"
  log "temporal-test-server: $(find "$TEMPORAL_TEST_SERVER_HOME/jars" -name '*.jar' | wc -l) jars in $(elapsed "$t0")"
}

# Writes the wrapper when it is missing or names another java. `exec`: the SDK passes the port as the only
# argument and, on teardown, kills its direct child, which must therefore be the JVM itself. C1 only and the
# serial collector: it starts in about a second, and test traffic needs no more.
temporal_test_server_wrapper() {
  local java content
  java=$(s3_java) || die "temporal-test-server: no Java 17+ found (set MARKET_S3_JAVA)"
  content="#!/bin/sh
# Written by scripts/services/temporal-test-server.sh (io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION).
exec '$java' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '$TEMPORAL_TEST_SERVER_HOME/jars/*' io.temporal.testserver.TestServer \"\$@\""
  [[ -x $TEMPORAL_TEST_SERVER_BIN && $(<"$TEMPORAL_TEST_SERVER_BIN") == "$content" ]] && return
  printf '%s\n' "$content" >"$TEMPORAL_TEST_SERVER_BIN.tmp"
  chmod +x "$TEMPORAL_TEST_SERVER_BIN.tmp"
  mv "$TEMPORAL_TEST_SERVER_BIN.tmp" "$TEMPORAL_TEST_SERVER_BIN"
}

install_temporal_test_server() {
  s3_java >/dev/null || apt_install openjdk-17-jre-headless
  [[ -f $TEMPORAL_TEST_SERVER_HOME/jars/.installed &&
    $(<"$TEMPORAL_TEST_SERVER_HOME/jars/.installed") == "$TEMPORAL_TEST_SERVER_VERSION" ]] ||
    temporal_test_server_fetch
  temporal_test_server_wrapper
}

env_temporal_test_server() { echo "MARKET_TEST_TEMPORAL_TEST_SERVER=$TEMPORAL_TEST_SERVER_BIN"; }

version_temporal_test_server() {
  echo "io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION at $TEMPORAL_TEST_SERVER_BIN ($(sed -n "s/^exec '\([^']*\)'.*/\1/p" "$TEMPORAL_TEST_SERVER_BIN"))"
}
