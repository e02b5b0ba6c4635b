#!/usr/bin/env bash
# Load on the Paxos key/value store (numbers in docs/BENCHMARKS.md): three replicas on
# 127.0.0.1:8100-8102 with fresh data dirs under run/, then puts and gets at 1, 16 and 64 clients.
# Stops exactly the processes it started.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -DskipTests package
SECONDS_EACH=${SECONDS_EACH:-10}
mkdir -p run
rm -rf run/bench-paxoskv
pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT
PEERS=http://127.0.0.1:8100,http://127.0.0.1:8101,http://127.0.0.1:8102
for i in 0 1 2; do
  java -Xmx256m -jar paxos-kv-service/target/paxos-kv-service.jar --server.port=810$i --node.peers=$PEERS \
    --node.me=$i --node.data-dir=run/bench-paxoskv/$i >run/bench-paxoskv-$i.log 2>&1 &
  pids+=($!)
done
for i in 0 1 2; do
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:810$i/actuator/health >/dev/null && break; sleep 0.5; done
done
for clients in 1 16 64; do
  java -Xmx256m -jar bench/target/bench.jar paxoskv "$PEERS" "$clients" "$SECONDS_EACH"
done
