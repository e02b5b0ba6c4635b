#!/usr/bin/env bash
# The systems on this machine, as plain JVMs on 127.0.0.1 (no Docker). Ports in README.md.
#
#   ./scripts/run-local.sh [up] [SYSTEM...]     build if needed, start the nodes, print a line per
#                                               node as it becomes ready, then the node table;
#                                               Ctrl-C stops them (the default)
#   ./scripts/run-local.sh start [SYSTEM...]    the same, then return to the shell
#   ./scripts/run-local.sh status               the node table: health, readiness, protocol state
#   ./scripts/run-local.sh stop [SYSTEM...]     stop the nodes this script started, by their pids
#   ./scripts/run-local.sh restart NAME         start one node again (after you killed it)
#   ./scripts/run-local.sh clean                delete the nodes' data dirs and logs (not running)
#   ./scripts/run-local.sh prepare [SYSTEM...]  build if needed and record the JVM archives, no start
#
# SYSTEM: viewservice (or pb: the view service and three pb servers), paxos-kv, shardmaster,
# shardkv (starts the shard masters too, and joins groups 100 and 101), mapreduce; none = all.
#
# Start-up on a small machine: each jar is extracted once into run/.jvm/<module> and a class-data
# sharing archive is recorded for it by one training start (-XX:ArchiveClassesAtExit, Spring's
# spring.context.exit=onRefresh), redone only when the jar changes; RocksDB's native library is
# unpacked there once instead of on every start. The JVMs run with DS_JAVA_OPTS (default below:
# a 256 MB heap, the serial collector, the C1 compiler only). DS_CDS=0 turns the archives off.
#
# Logs: run/<node>.log. SKIP_BUILD=1 uses the jars as they are. DS_START_TIMEOUT (s, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=run
PIDS=$RUN/pids
JVM=$RUN/.jvm
JAVA_OPTS=${DS_JAVA_OPTS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1}
START_TIMEOUT=${DS_START_TIMEOUT:-300}

KV_PEERS=http://127.0.0.1:8100,http://127.0.0.1:8101,http://127.0.0.1:8102
SM_PEERS=http://127.0.0.1:8200,http://127.0.0.1:8201,http://127.0.0.1:8202
G100=http://127.0.0.1:8300,http://127.0.0.1:8301,http://127.0.0.1:8302
G101=http://127.0.0.1:8310,http://127.0.0.1:8311,http://127.0.0.1:8312
# MapReduce jobs may read run/mapreduce (where demo.sh writes sample books) and the books in
# DS_GUTENBERG if set, and write only under run/mapreduce
# (mapreduce.input-roots, mapreduce.output-roots; docs/API.md).
MR_DATA=$PWD/$RUN/mapreduce
BOOKS=${DS_GUTENBERG:+$(cd "$DS_GUTENBERG" && pwd)}
MR_ROOTS="--mapreduce.input-roots=$MR_DATA${BOOKS:+,$BOOKS} --mapreduce.output-roots=$MR_DATA"
# system | name | module | port | ready when (health: /actuator/health UP; ready: readiness UP;
# joined: readiness UP once the group is joined) | arguments
NODES=(
  "viewservice|viewservice|viewservice-service|8000|ready|--role=viewservice"
  "viewservice|pb-8001|viewservice-service|8001|health|--role=pbserver --node.self=http://127.0.0.1:8001 --viewservice.url=http://127.0.0.1:8000"
  "viewservice|pb-8002|viewservice-service|8002|health|--role=pbserver --node.self=http://127.0.0.1:8002 --viewservice.url=http://127.0.0.1:8000"
  "viewservice|pb-8003|viewservice-service|8003|health|--role=pbserver --node.self=http://127.0.0.1:8003 --viewservice.url=http://127.0.0.1:8000"
  "paxos-kv|paxos-kv-0|paxos-kv-service|8100|ready|--node.peers=$KV_PEERS --node.me=0 --node.data-dir=$RUN/paxos-kv-0"
  "paxos-kv|paxos-kv-1|paxos-kv-service|8101|ready|--node.peers=$KV_PEERS --node.me=1 --node.data-dir=$RUN/paxos-kv-1"
  "paxos-kv|paxos-kv-2|paxos-kv-service|8102|ready|--node.peers=$KV_PEERS --node.me=2 --node.data-dir=$RUN/paxos-kv-2"
  "shardmaster|shardmaster-0|shardmaster-service|8200|ready|--node.peers=$SM_PEERS --node.me=0 --node.data-dir=$RUN/shardmaster-0"
  "shardmaster|shardmaster-1|shardmaster-service|8201|ready|--node.peers=$SM_PEERS --node.me=1 --node.data-dir=$RUN/shardmaster-1"
  "shardmaster|shardmaster-2|shardmaster-service|8202|ready|--node.peers=$SM_PEERS --node.me=2 --node.data-dir=$RUN/shardmaster-2"
  "shardkv|shardkv-100-0|shardkv-service|8300|joined|--node.peers=$G100 --node.me=0 --shardkv.gid=100 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-100-0"
  "shardkv|shardkv-100-1|shardkv-service|8301|joined|--node.peers=$G100 --node.me=1 --shardkv.gid=100 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-100-1"
  "shardkv|shardkv-100-2|shardkv-service|8302|joined|--node.peers=$G100 --node.me=2 --shardkv.gid=100 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-100-2"
  "shardkv|shardkv-101-0|shardkv-service|8310|joined|--node.peers=$G101 --node.me=0 --shardkv.gid=101 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-101-0"
  "shardkv|shardkv-101-1|shardkv-service|8311|joined|--node.peers=$G101 --node.me=1 --shardkv.gid=101 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-101-1"
  "shardkv|shardkv-101-2|shardkv-service|8312|joined|--node.peers=$G101 --node.me=2 --shardkv.gid=101 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-101-2"
  "mapreduce|mr-coordinator|mapreduce-service|8400|ready|--role=coordinator $MR_ROOTS"
  "mapreduce|mr-worker-8401|mapreduce-service|8401|ready|--role=worker --node.self=http://127.0.0.1:8401 --mapreduce.coordinator=http://127.0.0.1:8400 $MR_ROOTS"
  "mapreduce|mr-worker-8402|mapreduce-service|8402|ready|--role=worker --node.self=http://127.0.0.1:8402 --mapreduce.coordinator=http://127.0.0.1:8400 $MR_ROOTS"
)
SYSTEMS="viewservice paxos-kv shardmaster shardkv mapreduce"
SELECTED=() # the NODES entries of the systems asked for

select_systems() { # SYSTEM...: fill SELECTED (all nodes when none named)
  local wanted=" " system node
  [ $# -gt 0 ] || set -- $SYSTEMS
  for system in "$@"; do
    case "$system" in
      pb | viewservice) wanted+="viewservice " ;;
      paxos-kv | shardmaster | mapreduce) wanted+="$system " ;;
      shardkv) wanted+="shardmaster shardkv " ;;
      *) echo "unknown system '$system'; systems: $SYSTEMS (pb = viewservice)" >&2; exit 2 ;;
    esac
  done
  SELECTED=()
  for node in "${NODES[@]}"; do
    [[ "$wanted" == *" ${node%%|*} "* ]] && SELECTED+=("$node")
  done
  return 0
}

needs_build() {
  local node module jar
  for node in "${SELECTED[@]}"; do
    IFS='|' read -r _ _ module _ <<<"$node"
    jar="$module/target/$module.jar"
    [ -f "$jar" ] || return 0
    [ -z "$(find . \( -path ./run -o -name target -o -name .git \) -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.html' \) -newer "$jar" -print -quit)" ] || return 0
  done
  return 1
}

build() {
  if [ "${SKIP_BUILD:-0}" != 1 ] && needs_build; then
    echo "building (./mvnw -q -DskipTests package) ..."
    ./mvnw -q -B -DskipTests package
  fi
}

# RocksDB's JNI library as RocksDB itself names it for this machine (it tries System.loadLibrary
# with that name before it copies the library out of its jar into /tmp).
rocksdb_library() {
  local arch
  case "$(uname -s)/$(uname -m)" in
    Linux/x86_64) arch=linux64 ;;
    Linux/aarch64) arch=linux-aarch64 ;;
    *) return 0 ;;
  esac
  if ldd --version 2>&1 | grep -qi musl; then arch+=-musl; fi
  echo "librocksdbjni-$arch.so"
}

# Once per jar (again when the jar changes): extract it (the launcher then reads plain jars, which
# class-data sharing needs), unpack RocksDB's native library, and record the archive of the classes
# one start loads: a training start that stops once the context is refreshed. Trainings of several
# modules run side by side.
prepare_jvms() {
  [ "${DS_CDS:-1}" = 1 ] || return 0
  local node module modules=" " pids=() failed=0
  for node in "${SELECTED[@]}"; do
    IFS='|' read -r _ _ module _ <<<"$node"
    [[ "$modules" == *" $module "* ]] && continue
    modules+="$module "
    if [ "$(cat "$JVM/$module/stamp" 2>/dev/null)" != "$(jar_stamp "$module") $JAVA_OPTS" ]; then
      prepare_jvm "$node" &
      pids+=($!)
    fi
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  echo "recording class-data sharing archives (once per jar; $JVM/) ..."
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  [ "$failed" = 0 ] || echo "a training start failed; those nodes start without an archive (see $JVM/*/train.log)" >&2
}

jar_stamp() { stat -c '%s %Y' "$1/target/$1.jar"; }

prepare_jvm() { # one NODES entry of the module: its arguments make a valid training start
  local module args dir lib start=$SECONDS
  IFS='|' read -r _ _ module _ _ args <<<"$1"
  dir=$JVM/$module
  rm -rf "$dir"
  mkdir -p "$dir/lib"
  java -Djarmode=tools -jar "$module/target/$module.jar" extract --destination "$dir/app" >"$dir/extract.log" 2>&1 || return 1
  lib=$(rocksdb_library)
  if [ -n "$lib" ] && ls "$dir"/app/lib/rocksdbjni-*.jar >/dev/null 2>&1; then
    unzip -q -o -j "$dir"/app/lib/rocksdbjni-*.jar "$lib" -d "$dir/lib" 2>/dev/null || true
  fi
  args=$(sed "s|--node.data-dir=[^ ]*|--node.data-dir=$dir/train-data|" <<<"$args")
  # shellcheck disable=SC2086
  java $JAVA_OPTS -XX:ArchiveClassesAtExit="$dir/app.jsa" -Dspring.context.exit=onRefresh \
    -Djava.library.path="$dir/lib" -jar "$dir/app/$module.jar" --server.port=0 $args \
    >"$dir/train.log" 2>&1 </dev/null || true
  rm -rf "$dir/train-data"
  [ -s "$dir/app.jsa" ] || { echo "no archive for $module: see $dir/train.log" >&2; return 1; }
  echo "$(jar_stamp "$module") $JAVA_OPTS" >"$dir/stamp"
  echo "  archive for $module recorded in $((SECONDS - start)) s"
}

# run/topology.json: every started node's name, role, URL (and gid), for dsctl. Nodes of systems
# started earlier stay in it while their pids are recorded.
write_topology() {
  local node name module port args role gid sep=
  {
    echo '{"nodes": ['
    for node in "${NODES[@]}"; do
      IFS='|' read -r _ name module port _ args <<<"$node"
      [ -n "$(pid_of "$name")" ] || continue
      role=$(grep -o -- '--role=[a-z]*' <<<"$args" | cut -d= -f2 || true)
      role=${role:-${module%-service}}
      gid=$(grep -o -- '--shardkv.gid=[0-9]*' <<<"$args" | cut -d= -f2 || true)
      printf '%s{"name": "%s", "role": "%s", "url": "http://127.0.0.1:%s"%s}\n' "$sep" "$name" "$role" "$port" "${gid:+, \"gid\": $gid}"
      sep=,
    done
    echo ']}'
  } >"$RUN/topology.json"
}

launch() { # one NODES entry: start its JVM in the background, record its pid
  local name module port args dir jar cds=()
  IFS='|' read -r _ name module port _ args <<<"$1"
  mkdir -p "$MR_DATA" # a MapReduce root must exist when its node starts
  dir=$JVM/$module
  jar="$module/target/$module.jar"
  if [ "${DS_CDS:-1}" = 1 ] && [ -s "$dir/stamp" ]; then
    jar="$dir/app/$module.jar"
    cds=(-XX:SharedArchiveFile="$dir/app.jsa" -Djava.library.path="$dir/lib")
  fi
  # shellcheck disable=SC2086
  setsid java $JAVA_OPTS "${cds[@]}" -jar "$jar" --server.port="$port" --chaos.enabled=true $args \
    >>"$RUN/$name.log" 2>&1 </dev/null &
  echo "$name $port $!" >>"$PIDS"
}

pid_of() { awk -v n="$1" '$1 == n { p = $3 } END { print p }' "$PIDS" 2>/dev/null; }

running() { # name port: its recorded process lives, or something answers on its port
  local pid
  pid=$(pid_of "$1")
  { [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; } || curl -s --max-time 1 -o /dev/null "http://127.0.0.1:$2/actuator/health"
}

start_selected() {
  mkdir -p "$RUN"
  touch "$PIDS"
  local node name port
  for node in "${SELECTED[@]}"; do
    IFS='|' read -r _ name _ port _ <<<"$node"
    if running "$name" "$port"; then
      echo "$name is already running (port $port); run '$0 stop' first" >&2
      exit 1
    fi
  done
  prepare_jvms
  BEGIN=$(date +%s%N)
  echo "starting ${#SELECTED[@]} nodes ..."
  for node in "${SELECTED[@]}"; do
    IFS='|' read -r _ name _ _ <<<"$node"
    : >"$RUN/$name.log"
    launch "$node"
  done
  write_topology
  wait_ready "${SELECTED[@]}"
  echo "all ${#SELECTED[@]} nodes ready in $(elapsed) s"
}

elapsed() { local ms=$((($(date +%s%N) - BEGIN) / 1000000)); printf '%d.%d' $((ms / 1000)) $((ms % 1000 / 100)); }

up() { curl -sf --max-time 2 -o /dev/null "http://127.0.0.1:$1/actuator/health$2"; }

# Polls every pending node, printing a line as each one becomes ready; joins the shardkv groups as
# soon as the shard masters are ready. Fails, with the end of its log, when a node dies or the
# deadline passes.
wait_ready() { # NODES entries
  local pending=("$@") left node name port when pid joined=0 deadline=$((SECONDS + START_TIMEOUT))
  while [ ${#pending[@]} -gt 0 ]; do
    left=()
    for node in "${pending[@]}"; do
      IFS='|' read -r _ name _ port when _ <<<"$node"
      case "$when" in
        health) up "$port" "" ;;
        ready) up "$port" /readiness ;;
        joined) [ "$joined" = 1 ] && up "$port" /readiness ;;
      esac && { printf '  ready  %-14s :%s  %6s s\n' "$name" "$port" "$(elapsed)"; continue; }
      pid=$(pid_of "$name")
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "$name (port $port) exited during start-up; the end of $RUN/$name.log:" >&2
        tail -n 20 "$RUN/$name.log" >&2
        return 1
      fi
      left+=("$node")
    done
    pending=("${left[@]+"${left[@]}"}")
    if [ "$joined" = 0 ] && printf '%s\n' "${pending[@]+"${pending[@]}"}" | grep -q '|joined|' \
        && ! printf '%s\n' "${pending[@]}" | grep -q '^shardmaster|'; then
      join_groups
      joined=1
      continue
    fi
    [ ${#pending[@]} -gt 0 ] || break
    if [ $SECONDS -ge $deadline ]; then
      echo "not ready after ${START_TIMEOUT}s: $(printf '%s\n' "${pending[@]}" | cut -d'|' -f2 | tr '\n' ' ')(logs in $RUN/)" >&2
      return 1
    fi
    sleep 0.5
  done
}

# The shardkv groups serve nothing until the shard master knows them: join both (a Join of a gid
# already present changes nothing, so this is safe on every start).
join_groups() {
  local gid servers
  for gid in 100 101; do
    if [ "$gid" = 100 ]; then servers=$G100; else servers=$G101; fi
    servers=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1].split(",")))' "$servers")
    for _ in $(seq 1 120); do
      if curl -sf --max-time 5 -X POST -H 'Content-Type: application/json' \
          -d "{\"gid\": $gid, \"servers\": $servers}" http://127.0.0.1:8200/api/shardmaster/join >/dev/null; then
        printf '  joined shardkv group %s  %6s s\n' "$gid" "$(elapsed)"
        continue 2
      fi
      sleep 0.5
    done
    echo "could not join shardkv group $gid; see $RUN/shardmaster-0.log" >&2
    return 1
  done
}

restart_one() { # name
  local node name port
  for node in "${NODES[@]}"; do
    IFS='|' read -r _ name _ port _ <<<"$node"
    [ "$name" = "$1" ] || continue
    # Ask the port, not the pid: a node killed a moment ago may linger as a zombie.
    if up "$port" ""; then
      echo "$name is already running on port $port"
      return 0
    fi
    BEGIN=$(date +%s%N)
    launch "$node"
    # A restarted shardkv replica's group is joined already.
    wait_ready "${node/|joined|/|ready|}"
    echo "restarted $name"
    return 0
  done
  echo "no node named $1; names: $(for n in "${NODES[@]}"; do IFS='|' read -r _ n _ <<<"$n"; printf '%s ' "$n"; done)" >&2
  return 2
}

any_alive() {
  local name port pid
  while read -r name port pid; do
    kill -0 "$pid" 2>/dev/null && return 0
  done <"$PIDS"
  return 1
}

stop_selected() { # stops the recorded nodes among SELECTED; forgets them
  [ -s "$PIDS" ] || { echo "nothing to stop"; return 0; }
  local name port pid keep=() stopped=() node wanted=" "
  for node in "${SELECTED[@]}"; do IFS='|' read -r _ name _ <<<"$node"; wanted+="$name "; done
  while read -r name port pid; do
    if [[ "$wanted" != *" $name "* ]]; then
      keep+=("$name $port $pid")
    elif kill -0 "$pid" 2>/dev/null; then
      kill "$pid" && stopped+=("$pid") && echo "stopped $name (pid $pid)"
    fi
  done <"$PIDS"
  printf '%s\n' "${keep[@]+"${keep[@]}"}" | sed '/^$/d' >"$PIDS"
  write_topology
  for _ in $(seq 1 60); do # until they have exited and freed their ports (at most 15 s)
    for pid in "${stopped[@]+"${stopped[@]}"}"; do kill -0 "$pid" 2>/dev/null && { sleep 0.25; continue 2; }; done
    return 0
  done
  echo "some nodes are still shutting down: ${stopped[*]}" >&2
}

clean() {
  if [ -s "$PIDS" ] && any_alive; then
    echo "nodes are still running; run '$0 stop' first" >&2
    exit 1
  fi
  local node name
  for node in "${NODES[@]}"; do
    IFS='|' read -r _ name _ <<<"$node"
    rm -rf "${RUN:?}/$name" "$RUN/$name.log"
  done
  rm -rf "$MR_DATA" "$PIDS"
  echo "removed the data dirs and logs under $RUN/ (the JVM archives in $JVM/ stay)"
}

status() { # one python3 for the table: a process per field is slow on a loaded machine
  local node name port nodes=()
  for node in "${SELECTED[@]}"; do
    IFS='|' read -r _ name _ port _ <<<"$node"
    nodes+=("$name:$port")
  done
  python3 - "${nodes[@]}" <<'PY'
import json, sys, urllib.request
def get(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as answer: return json.load(answer)
    except urllib.error.HTTPError as error:
        try: return json.load(error)
        except Exception: return {}
    except Exception: return {}
def find(node, key):
    if isinstance(node, dict):
        if key in node and not isinstance(node[key], (dict, list)): return node[key]
        for value in node.values():
            found = find(value, key)
            if found is not None: return found
    return None
row = "%-14s %-6s %-8s %-15s %-12s %s"
print(row % ("NODE", "PORT", "HEALTH", "READINESS", "ROLE", "STATUS PAGE / SWAGGER UI"))
for arg in sys.argv[1:]:
    name, port = arg.split(":")
    base = "http://127.0.0.1:" + port
    health, ready = get(base + "/actuator/health"), get(base + "/actuator/health/readiness")
    role = find(health, "role")
    for key, label in (("viewnum", "view"), ("config", "config"), ("applied", "applied")):
        if role is None and find(health, key) is not None: role = "%s %s" % (label, find(health, key))
    print(row % (name, port, health.get("status", "-"), ready.get("status", "-"), role or "-",
                 base + "/  " + base + "/swagger-ui.html"))
PY
}

COMMAND=${1:-up}
case "$COMMAND" in
  up | start | status | stop | restart | clean | prepare) [ $# -eq 0 ] || shift ;;
  *) COMMAND=up ;; # `run-local.sh paxos-kv shardkv` is `up paxos-kv shardkv`
esac
case "$COMMAND" in
  up)
    select_systems "$@"
    build
    trap 'echo; stop_selected; exit 0' INT TERM
    start_selected
    status
    echo
    echo "Logs in $RUN/. The walkthrough is in README.md. Ctrl-C stops these nodes."
    while any_alive; do sleep 1; done
    ;;
  start)
    select_systems "$@"
    build
    start_selected
    status
    ;;
  status) select_systems "$@"; status ;;
  stop) select_systems "$@"; stop_selected ;;
  restart) restart_one "${1:?usage: $0 restart NAME}" ;;
  clean) clean ;;
  prepare) select_systems "$@"; build; prepare_jvms ;;
esac
