#!/usr/bin/env bash
# A local Neo4j Community server for relwork's tests, benchmarks and by-hand use.
#
#   scripts/neo4j.sh start     fetch the server (first run only), set the password, start, wait for bolt
#   scripts/neo4j.sh stop      stop it
#   scripts/neo4j.sh status    "running" / "stopped" (exit 0 / 3)
#   scripts/neo4j.sh env       print NEO4J_URI / NEO4J_USERNAME / NEO4J_PASSWORD lines (eval-able)
#   scripts/neo4j.sh fetch     only download the jars
#   scripts/neo4j.sh admin ... run neo4j-admin against this instance (e.g. `admin database import full ...`)
#   scripts/neo4j.sh cypher-shell ...   run cypher-shell (connects to this instance unless -a is given)
#   scripts/neo4j.sh reset     stop and delete this instance's data (keeps the downloaded jars)
#
# Neo4j publishes no server tarball on Maven Central, but every jar of the standalone distribution is
# there: scripts/neo4j-server/pom.xml lists the distribution's own dependencies and Maven copies their
# closure into a cache outside the repository (Maven's own local repository is a scratch directory in that
# cache, deleted after the copy, so ~/.m2 is never filled). The server then runs through Neo4j's own bootloader
# (org.neo4j.server.startup.Neo4jBoot, what bin/neo4j runs), so start/stop/status/pid files behave as in
# the official distribution. Bolt listens on loopback only; HTTP is off.
#
# Settings (environment):
#   NEO4J_VERSION        server version (default 5.26.30, the 5.26 LTS line; runs on Java 17)
#   NEO4J_BOLT_PORT      bolt port (default 7687)
#   NEO4J_PASSWORD       password of user neo4j (default relwork-test-password); fixed at first start
#   RELWORK_NEO4J_CACHE  where jars are cached (default ${XDG_CACHE_HOME:-~/.cache}/relwork/neo4j)
#   RELWORK_NEO4J_HOME   the instance: conf, data, logs (default $RELWORK_NEO4J_CACHE/server);
#                        point it elsewhere to run a second, independent server
#   NEO4J_HEAP           max heap (default 512m); NEO4J_PAGECACHE (default 256m)
#   NEO4J_START_TIMEOUT  seconds 'start' waits for bolt (default 90); on timeout it stops the server and fails
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VERSION="${NEO4J_VERSION:-5.26.30}"
CACHE="${RELWORK_NEO4J_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/relwork/neo4j}"
LIB="$CACHE/$VERSION/lib"
REPO="$CACHE/$VERSION/maven-repository.partial"
INSTANCE="${RELWORK_NEO4J_HOME:-$CACHE/server}"
PORT="${NEO4J_BOLT_PORT:-7687}"
USER_NAME="neo4j"
PASSWORD="${NEO4J_PASSWORD:-relwork-test-password}"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-90}"

die() { echo "neo4j.sh: $*" >&2; exit 1; }
note() { echo "neo4j.sh: $*" >&2; }

need_tools() {
    # A fresh machine of this project's kind has Java 17 and Maven; install them through apt when root.
    local missing=()
    command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
    command -v mvn >/dev/null || missing+=(maven)
    if ((${#missing[@]})); then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
            note "installing ${missing[*]} with apt-get"
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
        else
            die "needs ${missing[*]} (Java 17 and Maven); install them and retry"
        fi
    fi
    local major
    major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [[ ${major%%.*} -ge 17 ]] || die "Neo4j $VERSION needs Java 17 or newer, found Java $major"
}

strip_escapes() { sed -u $'s/\e\\[[0-9;]*[A-Za-z]//g'; }

fetch() {
    [[ -f "$LIB/.complete" ]] && return 0
    need_tools
    note "downloading Neo4j $VERSION jars from Maven Central into $LIB (first run only)"
    rm -rf "$LIB.partial" "$REPO"
    # Maven's local repository is a scratch directory inside the cache, deleted once the jars are copied:
    # the cache then holds the only copy (nothing lands in ~/.m2), and `reset` or XDG_CACHE_HOME govern it.
    # Batch mode; Maven 3.8 still writes colour resets, hence strip_escapes.
    mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$REPO" -f "$HERE/neo4j-server/pom.xml" \
        -Dneo4j.version="$VERSION" dependency:copy-dependencies -DoutputDirectory="$LIB.partial" \
        -DincludeScope=runtime 2>&1 | strip_escapes >&2 \
        || die "Maven could not resolve Neo4j $VERSION (is Maven Central reachable?)"
    rm -rf "$REPO"
    ls "$LIB.partial"/neo4j-bootcheck-*.jar >/dev/null 2>&1 || die "downloaded jars lack neo4j-bootcheck"
    rm -rf "$LIB" && mv "$LIB.partial" "$LIB"
    touch "$LIB/.complete"
}

configure() {
    # The instance is NEO4J_HOME for the bootloader; lib/ links to the shared jar cache.
    mkdir -p "$INSTANCE/conf" "$INSTANCE/logs" "$INSTANCE/run" "$INSTANCE/import" "$INSTANCE/plugins"
    ln -sfn "$LIB" "$INSTANCE/lib"
    cat >"$INSTANCE/conf/neo4j.conf" <<EOF
# written by scripts/neo4j.sh; edits are overwritten on the next start
server.default_listen_address=127.0.0.1
server.default_advertised_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:$PORT
server.bolt.advertised_address=127.0.0.1:$PORT
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
server.memory.heap.initial_size=128m
server.memory.heap.max_size=${NEO4J_HEAP:-512m}
server.memory.pagecache.size=${NEO4J_PAGECACHE:-256m}
server.jvm.additional=-XX:+UseG1GC
server.jvm.additional=-XX:+ExitOnOutOfMemoryError
dbms.usage_report.enabled=false
# LOAD CSV may not read files of this machine nor fetch from any address: relwork never needs it, and a
# read-only 'relwork cypher' query must not become a way to read /etc/passwd
server.directories.import=import
dbms.security.allow_csv_import_from_file_urls=false
internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0
db.tx_log.rotation.retention_policy=1 files
EOF
    write_env
}

write_env() {
    cat >"$INSTANCE/connection.env" <<EOF
NEO4J_URI=bolt://127.0.0.1:$PORT
NEO4J_USERNAME=$USER_NAME
NEO4J_PASSWORD=$PASSWORD
EOF
}

boot() { # run Neo4j's bootloader (what bin/neo4j and bin/neo4j-admin run) on this instance
    local main=$1; shift
    NEO4J_HOME="$INSTANCE" NEO4J_CONF="$INSTANCE/conf" java -cp "$LIB/*" "$main" "$@"
}

is_running() {
    [[ -d "$LIB" && -f "$INSTANCE/conf/neo4j.conf" ]] || return 1
    boot org.neo4j.server.startup.Neo4jBoot status >/dev/null 2>&1
}

bolt_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

start() {
    fetch
    if is_running; then
        note "already running (bolt://127.0.0.1:$PORT)"
        return 0
    fi
    bolt_open && die "port $PORT is taken by another process; set NEO4J_BOLT_PORT"
    configure
    if [[ ! -d "$INSTANCE/data/databases/system" ]]; then
        # only possible before the first start: the system database stores the user from then on
        boot org.neo4j.server.startup.Neo4jAdminBoot dbms set-initial-password "$PASSWORD" >/dev/null
        echo "$PASSWORD" >"$INSTANCE/.password"
    elif [[ "$(cat "$INSTANCE/.password" 2>/dev/null)" != "$PASSWORD" ]]; then
        die "this instance was created with another password; run '$0 reset' to recreate it"
    fi
    local log="$INSTANCE/logs/neo4j.log" before=0 t0=$SECONDS
    [[ -f "$log" ]] && before=$(wc -l <"$log")
    # Neo4j recommends 40000 open files; raise the soft limit as far as the hard limit allows
    ulimit -n 40000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    boot org.neo4j.server.startup.Neo4jBoot start >/dev/null
    # a start that fails (timeout) or is interrupted stops the server it launched: a failed start never leaves a
    # JVM behind that a second 'start' would call "already running"
    trap 'abandon "start-up interrupted"' INT TERM
    while ((SECONDS - t0 < START_TIMEOUT)); do
        if bolt_open && tail -n +"$((before + 1))" "$log" 2>/dev/null | grep -q 'INFO  Started\.'; then
            trap - INT TERM
            note "started in $((SECONDS - t0))s: bolt://127.0.0.1:$PORT (user $USER_NAME), home $INSTANCE"
            return 0
        fi
        is_running || { tail -n 30 "$log" >&2 2>/dev/null; die "the server exited during start-up (log above)"; }
        sleep 0.5
    done
    tail -n 30 "$log" >&2 2>/dev/null
    abandon "bolt did not answer on port $PORT within ${START_TIMEOUT}s (a loaded machine can need minutes: raise NEO4J_START_TIMEOUT, e.g. NEO4J_START_TIMEOUT=300)"
}

abandon() { # stop the server a failed start launched, then fail saying so (or how to stop it by hand)
    trap - INT TERM
    local pid
    pid=$(cat "$INSTANCE/run/neo4j.pid" 2>/dev/null || echo "?")
    if boot org.neo4j.server.startup.Neo4jBoot stop >/dev/null 2>&1 && ! is_running; then
        die "$1; stopped the server it had started (pid $pid)"
    fi
    die "$1; the server (pid $pid) is still running: stop it with 'RELWORK_NEO4J_HOME=$INSTANCE $0 stop'"
}

stop() {
    if is_running; then
        boot org.neo4j.server.startup.Neo4jBoot stop >&2
    else
        note "not running"
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status)
        if is_running; then echo "running: bolt://127.0.0.1:$PORT ($INSTANCE)"; else echo "stopped"; exit 3; fi ;;
    env) [[ -f "$INSTANCE/connection.env" ]] && cat "$INSTANCE/connection.env" || { mkdir -p "$INSTANCE" && write_env && cat "$INSTANCE/connection.env"; } ;;
    fetch) fetch ;;
    admin) shift; fetch; [[ -f "$INSTANCE/conf/neo4j.conf" ]] || configure; boot org.neo4j.server.startup.Neo4jAdminBoot "$@" ;;
    cypher-shell)
        shift; fetch
        args=("$@")
        [[ " ${args[*]-} " == *" -a "* || " ${args[*]-} " == *" --address"* ]] \
            || args=(-a "bolt://127.0.0.1:$PORT" -u "$USER_NAME" -p "$PASSWORD" "${args[@]}")
        java -cp "$LIB/*" org.neo4j.shell.Main "${args[@]}" ;;
    reset) stop; rm -rf "$INSTANCE"; note "deleted $INSTANCE" ;;
    *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
