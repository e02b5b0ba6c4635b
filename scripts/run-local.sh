#!/usr/bin/env bash
# Starts the whole system on this machine, no Docker needed: builds the jars once, then runs every
# node as a plain JVM on 127.0.0.1 (ports in README.md). Logs go to run/<node>.log. Ctrl-C stops
# every process this script started, and only those.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -DskipTests package
fi
mkdir -p run
pids=()

start() { # name, jar module, args...
  local name=$1 module=$2; shift 2
  java -Xmx256m -jar "$module/target/$module.jar" "$@" >"run/$name.log" 2>&1 &
  pids+=($!)
  echo "started $name (pid $!): $*"
}

stop() {
  echo "stopping ${#pids[@]} nodes"
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

start viewservice viewservice-service --role=viewservice --server.port=8000 --chaos.enabled=true

for port in 8001 8002 8003; do
  start pb-$port viewservice-service --role=pbserver --server.port=$port --node.self=http://127.0.0.1:$port \
    --viewservice.url=http://127.0.0.1:8000 --chaos.enabled=true
done

wait_up() { # url
  for _ in $(seq 1 120); do
    curl -sf "$1/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "no answer from $1; see run/*.log" >&2
  return 1
}
for port in 8000 8001 8002 8003; do wait_up http://127.0.0.1:$port; done

cat <<TXT

The system is up. Try:
  curl -s localhost:8000/api/viewservice/view
  curl -s -XPUT http://127.0.0.1:<primary port>/api/kv/k -H 'content-type: application/json' -d '{"value":"v"}'
  open http://localhost:8000/swagger-ui.html
Press Ctrl-C to stop.
TXT
wait
