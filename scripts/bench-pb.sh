#!/usr/bin/env bash
# Benchmarks of the primary/backup store on this machine (numbers in docs/BENCHMARKS.md):
# put throughput and latency at 1 and 16 clients, then fail-over time after kill -9 of the primary.
# Starts a view service and three pb servers on 127.0.0.1:8000-8003 and stops exactly those.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -DskipTests package
mkdir -p run
pids=()
declare -A pid_of
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT

java -Xmx256m -jar viewservice-service/target/viewservice-service.jar --role=viewservice --server.port=8000 >run/bench-vs.log 2>&1 &
pids+=($!)
for port in 8001 8002 8003; do
  java -Xmx256m -jar viewservice-service/target/viewservice-service.jar --role=pbserver --server.port=$port \
    --node.self=http://127.0.0.1:$port --viewservice.url=http://127.0.0.1:8000 >run/bench-pb-$port.log 2>&1 &
  pids+=($!); pid_of[$port]=$!
done
for port in 8000 8001 8002 8003; do
  for _ in $(seq 1 120); do curl -sf http://127.0.0.1:$port/actuator/health >/dev/null && break; sleep 0.5; done
done

BENCH="java -Xmx256m -jar bench/target/bench.jar"
$BENCH pb-throughput http://127.0.0.1:8000 1 10
$BENCH pb-throughput http://127.0.0.1:8000 16 10
$BENCH pb-failover http://127.0.0.1:8000 \
  "http://127.0.0.1:8001=${pid_of[8001]},http://127.0.0.1:8002=${pid_of[8002]},http://127.0.0.1:8003=${pid_of[8003]}"
