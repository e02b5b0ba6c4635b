#!/usr/bin/env bash
# The whole system on this machine, as plain JVMs on 127.0.0.1 (no Docker). Ports in README.md.
#
#   ./scripts/run-local.sh [up]   build if needed, start every node, wait for health, print the
#                                 node table; Ctrl-C stops everything (the default)
#   ./scripts/run-local.sh start  the same, then return to the shell (stop with `stop`)
#   ./scripts/run-local.sh status the node table: health, readiness, protocol state
#   ./scripts/run-local.sh stop   stop the nodes this script started, by their recorded pids
#   ./scripts/run-local.sh restart NAME  start one node again (after you killed it), same data dir
#
# Logs: run/<node>.log. Each JVM is capped at -Xmx256m. SKIP_BUILD=1 uses the jars as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=run
PIDS=$RUN/pids

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
# name | module | port | arguments. Services join this list as their issues land.
NODES=(
  "viewservice|viewservice-service|8000|--role=viewservice"
  "pb-8001|viewservice-service|8001|--role=pbserver --node.self=http://127.0.0.1:8001 --viewservice.url=http://127.0.0.1:8000"
  "pb-8002|viewservice-service|8002|--role=pbserver --node.self=http://127.0.0.1:8002 --viewservice.url=http://127.0.0.1:8000"
  "pb-8003|viewservice-service|8003|--role=pbserver --node.self=http://127.0.0.1:8003 --viewservice.url=http://127.0.0.1:8000"
  "paxos-kv-0|paxos-kv-service|8100|--node.peers=$KV_PEERS --node.me=0 --node.data-dir=$RUN/paxos-kv-0"
  "paxos-kv-1|paxos-kv-service|8101|--node.peers=$KV_PEERS --node.me=1 --node.data-dir=$RUN/paxos-kv-1"
  "paxos-kv-2|paxos-kv-service|8102|--node.peers=$KV_PEERS --node.me=2 --node.data-dir=$RUN/paxos-kv-2"
  "shardmaster-0|shardmaster-service|8200|--node.peers=$SM_PEERS --node.me=0 --node.data-dir=$RUN/shardmaster-0"
  "shardmaster-1|shardmaster-service|8201|--node.peers=$SM_PEERS --node.me=1 --node.data-dir=$RUN/shardmaster-1"
  "shardmaster-2|shardmaster-service|8202|--node.peers=$SM_PEERS --node.me=2 --node.data-dir=$RUN/shardmaster-2"
  "shardkv-100-0|shardkv-service|8300|--node.peers=$G100 --node.me=0 --shardkv.gid=100 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-100-0"
  "shardkv-100-1|shardkv-service|8301|--node.peers=$G100 --node.me=1 --shardkv.gid=100 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-100-1"
  "shardkv-100-2|shardkv-service|8302|--node.peers=$G100 --node.me=2 --shardkv.gid=100 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-100-2"
  "shardkv-101-0|shardkv-service|8310|--node.peers=$G101 --node.me=0 --shardkv.gid=101 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-101-0"
  "shardkv-101-1|shardkv-service|8311|--node.peers=$G101 --node.me=1 --shardkv.gid=101 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-101-1"
  "shardkv-101-2|shardkv-service|8312|--node.peers=$G101 --node.me=2 --shardkv.gid=101 --shardkv.shardmasters=$SM_PEERS --node.data-dir=$RUN/shardkv-101-2"
  "mr-coordinator|mapreduce-service|8400|--role=coordinator $MR_ROOTS"
  "mr-worker-8401|mapreduce-service|8401|--role=worker --node.self=http://127.0.0.1:8401 --mapreduce.coordinator=http://127.0.0.1:8400 $MR_ROOTS"
  "mr-worker-8402|mapreduce-service|8402|--role=worker --node.self=http://127.0.0.1:8402 --mapreduce.coordinator=http://127.0.0.1:8400 $MR_ROOTS"
)

needs_build() {
  local node module jar
  for node in "${NODES[@]}"; do
    IFS='|' read -r _ module _ _ <<<"$node"
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

start_all() {
  mkdir -p "$RUN"
  if [ -s "$PIDS" ] && any_alive; then
    echo "nodes from an earlier start are still running; run '$0 stop' first" >&2
    exit 1
  fi
  : >"$PIDS"
  local node
  for node in "${NODES[@]}"; do
    : >"$RUN/${node%%|*}.log"
    launch "$node"
  done
  for node in "${NODES[@]}"; do
    IFS='|' read -r name _ port _ <<<"$node"
    wait_healthy "$name" "$port"
  done
  join_groups
}

# The shardkv groups serve nothing until the shard master knows them: join both (a Join of a gid
# already present changes nothing, so this is safe on every start).
join_groups() {
  local gid servers
  for gid in 100 101; do
    if [ "$gid" = 100 ]; then servers=$G100; else servers=$G101; fi
    servers=$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1].split(",")))' "$servers")
    for _ in $(seq 1 80); do
      if curl -sf -X POST -H 'Content-Type: application/json' \
          -d "{\"gid\": $gid, \"servers\": $servers}" http://127.0.0.1:8200/api/shardmaster/join >/dev/null; then
        echo "joined shardkv group $gid"
        continue 2
      fi
      sleep 0.25
    done
    echo "could not join shardkv group $gid; see $RUN/shardmaster-0.log" >&2
    return 1
  done
}

launch() { # one NODES entry: start its JVM in the background, record its pid
  local name module port args
  IFS='|' read -r name module port args <<<"$1"
  mkdir -p "$MR_DATA" # a MapReduce root must exist when its node starts
  # shellcheck disable=SC2086
  setsid java -Xmx256m -jar "$module/target/$module.jar" --server.port="$port" --chaos.enabled=true $args \
    >>"$RUN/$name.log" 2>&1 < /dev/null &
  echo "$name $port $!" >>"$PIDS"
}

restart_one() { # name
  local node name port
  for node in "${NODES[@]}"; do
    IFS='|' read -r name _ port _ <<<"$node"
    [ "$name" = "$1" ] || continue
    # Ask the port, not the pid: a node killed a moment ago may linger as a zombie.
    if curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$port/actuator/health"; then
      echo "$name is already running on port $port"
      return 0
    fi
    launch "$node"
    wait_healthy "$name" "$port"
    echo "restarted $name"
    return 0
  done
  echo "no node named $1; names: $(for n in "${NODES[@]}"; do printf '%s ' "${n%%|*}"; done)" >&2
  return 2
}

wait_healthy() { # name port: 19 JVMs starting at once on 2 cores take minutes, so wait up to 5
  for _ in $(seq 1 1200); do
    curl -sf "http://127.0.0.1:$2/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "$1 did not become healthy on port $2; see $RUN/$1.log" >&2
  return 1
}

any_alive() {
  local name port pid
  while read -r name port pid; do
    kill -0 "$pid" 2>/dev/null && return 0
  done <"$PIDS"
  return 1
}

stop_all() {
  [ -s "$PIDS" ] || { echo "nothing to stop"; return 0; }
  local name port pid
  while read -r name port pid; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" && echo "stopped $name (pid $pid)"
    fi
  done <"$PIDS"
  : >"$PIDS"
}

field() { # json key: a scalar from the node's health details, without jq
  python3 -c 'import json,sys
def find(node, key):
    if isinstance(node, dict):
        if key in node and not isinstance(node[key], (dict, list)): return node[key]
        for value in node.values():
            found = find(value, key)
            if found is not None: return found
    return None
try: print(find(json.loads(sys.argv[1]), sys.argv[2]) or "")
except Exception: print("")' "$1" "$2"
}

status() {
  printf '%-14s %-6s %-8s %-15s %-12s %s\n' NODE PORT HEALTH READINESS ROLE "STATUS PAGE / SWAGGER UI"
  local node name port health ready role
  for node in "${NODES[@]}"; do
    IFS='|' read -r name _ port _ <<<"$node"
    health=$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health" || true)
    ready=$(curl -s --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness" || true)
    role=$(field "$health" role)
    if [ -z "$role" ] && [ -n "$(field "$health" viewnum)" ]; then role="view $(field "$health" viewnum)"; fi
    if [ -z "$role" ] && [ -n "$(field "$health" config)" ]; then role="config $(field "$health" config)"; fi
    if [ -z "$role" ] && [ -n "$(field "$health" applied)" ]; then role="applied $(field "$health" applied)"; fi
    printf '%-14s %-6s %-8s %-15s %-12s %s\n' "$name" "$port" "$(field "$health" status || true)" \
      "$(field "$ready" status || true)" "${role:--}" "http://127.0.0.1:$port/  http://127.0.0.1:$port/swagger-ui.html"
  done
}

case "${1:-up}" in
  up)
    build
    trap 'echo; stop_all; exit 0' INT TERM
    start_all
    status
    echo
    echo "Logs in $RUN/. The walkthrough is in README.md. Ctrl-C stops every node."
    while any_alive; do sleep 1; done
    ;;
  start)
    build
    start_all
    status
    ;;
  status) status ;;
  stop) stop_all ;;
  restart) restart_one "${2:?usage: $0 restart NAME}" ;;
  *) echo "usage: $0 [up|start|status|stop|restart NAME]" >&2; exit 2 ;;
esac
