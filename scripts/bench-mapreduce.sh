#!/usr/bin/env bash
# MapReduce benchmark: wordcount over a generated corpus of about 1 GiB (copies of the books in
# BOOKS, or DS_GUTENBERG, e.g. the 6.824 Gutenberg books; without either, of the eight seeded sample
# books that mapreduce-service's --role=generate writes to BENCH_DIR/books), with --role=sequential and with 1 and 2 workers. Each distributed output is checked
# against the sequential one. The corpus and outputs live under BENCH_DIR (default /tmp/mr-bench)
# and are never committed.
#
# Sequential: RUNS fresh JVMs; reported are the run's own time (from its log) and the whole JVM
# (start-up included). The ceiling: two sequential JVMs at once, each on half the files, is the
# most any two processes get from this machine at this moment (its cores may be shared). Distributed: a fresh cluster per worker count; its first job is reported
# as "cold" (JIT warm-up included), then RUNS more jobs on the same, now warm, cluster. A job's
# time is from "submitted" to "SUCCEEDED" in the coordinator's log (millisecond timestamps), so
# the script's slow polling costs no CPU and adds no error; medians are printed.
#
#   scripts/bench-mapreduce.sh                 # builds the jar, then runs everything
#   SKIP_BUILD=1 RUNS=3 N_REDUCE=4 SPLIT_SIZE=64MB scripts/bench-mapreduce.sh
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_DIR=${BENCH_DIR:-/tmp/mr-bench}
BENCH_GIB=${BENCH_GIB:-1}
RUNS=${RUNS:-3}
N_REDUCE=${N_REDUCE:-4}
SPLIT_SIZE=${SPLIT_SIZE:-64MB}
BOOKS=${BOOKS:-${DS_GUTENBERG:-}}
PORT=${PORT:-18400}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}
JAR=mapreduce-service/target/mapreduce-service.jar

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B -DskipTests -pl mapreduce-service -am package
fi

if [ -z "$BOOKS" ]; then
  BOOKS="$BENCH_DIR/books"
  [ -n "$(ls "$BOOKS"/*.txt 2>/dev/null)" ] \
    || java -jar "$JAR" --role=generate --generate.output-dir="$BOOKS" >/dev/null
fi

# The corpus: one file per book, each the book repeated until the files add up to BENCH_GIB GiB.
corpus="$BENCH_DIR/corpus"
mkdir -p "$corpus"
books=("$BOOKS"/*.txt)
per_file=$(( BENCH_GIB * 1024 * 1024 * 1024 / ${#books[@]} ))
inputs=()
for book in "${books[@]}"; do
  target="$corpus/$(basename "$book")"
  if [ ! -f "$target" ] || [ "$(stat -c %s "$target")" -lt "$per_file" ]; then
    : >"$target"
    while [ "$(stat -c %s "$target")" -lt "$per_file" ]; do cat "$book" >>"$target"; done
  fi
  inputs+=("$target")
done
total=$(cat "${inputs[@]}" | wc -c)
csv=$(IFS=,; echo "${inputs[*]}")
echo "corpus: ${#inputs[@]} files, $total bytes; java $JAVA_OPTS; split-size $SPLIT_SIZE, nReduce $N_REDUCE"
cat "${inputs[@]}" >/dev/null   # warm the page cache, so every run reads from memory

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { print b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rate() { awk -v b="$total" -v s="$1" 'BEGIN { printf "%.2f s = %.1f MB/s", s, b / s / 1e6 }'; }

sequential() {
  local own=() whole=()
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$BENCH_DIR/seq"
    local t0; t0=$(now)
    java $JAVA_OPTS -jar "$JAR" --role=sequential --mapreduce.app=wordcount \
      --mapreduce.inputs="$csv" --mapreduce.output-dir="$BENCH_DIR/seq" >"$BENCH_DIR/seq.log" 2>&1
    whole+=("$(since "$t0")")
    own+=("$(grep -o 'bytes in [0-9.]* s' "$BENCH_DIR/seq.log" | awk '{ print $3 }')")
  done
  echo "sequential: run $(rate "$(printf '%s\n' "${own[@]}" | median)"), whole JVM $(rate "$(printf '%s\n' "${whole[@]}" | median)")"
  echo "  runs: ${own[*]} (whole: ${whole[*]})"
  sort "$BENCH_DIR/seq/mr-out-0" >"$BENCH_DIR/seq.sorted"
}

ceiling() {
  local half=$(( ${#inputs[@]} / 2 )) times=()
  local first second
  first=$(IFS=,; echo "${inputs[*]:0:half}")
  second=$(IFS=,; echo "${inputs[*]:half}")
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$BENCH_DIR/half-1" "$BENCH_DIR/half-2"
    java $JAVA_OPTS -jar "$JAR" --role=sequential --mapreduce.app=wordcount --mapreduce.inputs="$first" \
      --mapreduce.output-dir="$BENCH_DIR/half-1" >"$BENCH_DIR/half-1.log" 2>&1 &
    local pid=$!
    java $JAVA_OPTS -jar "$JAR" --role=sequential --mapreduce.app=wordcount --mapreduce.inputs="$second" \
      --mapreduce.output-dir="$BENCH_DIR/half-2" >"$BENCH_DIR/half-2.log" 2>&1
    wait "$pid"
    times+=("$(cat "$BENCH_DIR"/half-[12].log | grep -o 'bytes in [0-9.]* s' | awk '{ print $3 }' | sort -g | tail -1)")
  done
  echo "ceiling (2 sequential JVMs at once, half the files each): $(rate "$(printf '%s\n' "${times[@]}" | median)") (runs: ${times[*]})"
}

pids=()
stop_all() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap stop_all EXIT INT TERM

wait_ready() { # url
  for _ in $(seq 1 240); do
    curl -sf "$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 0.25
  done
  echo "no answer from $1" >&2; return 1
}

logged_at() { # log file, pattern: epoch seconds of the first matching line
  date -d "$(grep -m1 -- "$2" "$1" | cut -c1-24)" +%s.%N
}

job() { # coordinator, output dir, coordinator log: prints seconds from submission to SUCCEEDED
  local files body id state=RUNNING
  files=$(printf '"%s",' "${inputs[@]}")
  body="{\"app\":\"wordcount\",\"inputs\":[${files%,}],\"nReduce\":$N_REDUCE,\"outputDir\":\"$2\"}"
  rm -rf "$2"
  id=$(curl -sf -XPOST "$1/api/jobs" -H 'content-type: application/json' -d "$body" \
    | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)
  while [ "$state" = RUNNING ]; do
    sleep 0.5
    state=$(curl -sf "$1/api/jobs/$id" | grep -o '"state":"[A-Z]*"' | head -1 | cut -d'"' -f4)
  done
  awk -v a="$(logged_at "$3" "job $id: submitted")" -v b="$(logged_at "$3" "job $id: SUCCEEDED")" \
    'BEGIN { print b - a }'
  [ "$state" = SUCCEEDED ] || { echo "job $id: $state" >&2; exit 1; }
  cat "$2"/mr-out-* | sort | cmp -s - "$BENCH_DIR/seq.sorted" || { echo "job $id: output differs" >&2; exit 1; }
}

distributed() { # workers
  local n=$1 coordinator="http://127.0.0.1:$PORT"
  java $JAVA_OPTS -jar "$JAR" --role=coordinator --server.port="$PORT" --mapreduce.split-size="$SPLIT_SIZE" \
    --mapreduce.input-roots="$BENCH_DIR" --mapreduce.output-roots="$BENCH_DIR" >"$BENCH_DIR/coordinator-$n.log" 2>&1 &
  pids+=($!)
  wait_ready "$coordinator"
  for i in $(seq 1 "$n"); do
    local port=$((PORT + i))
    java $JAVA_OPTS -jar "$JAR" --role=worker --server.port=$port --node.self="http://127.0.0.1:$port" \
      --mapreduce.coordinator="$coordinator" --mapreduce.input-roots="$BENCH_DIR" --mapreduce.output-roots="$BENCH_DIR" \
      >"$BENCH_DIR/worker-$n-$i.log" 2>&1 &
    pids+=($!)
    wait_ready "http://127.0.0.1:$port"
  done
  local cold warm=()
  local log="$BENCH_DIR/coordinator-$n.log"
  cold=$(job "$coordinator" "$BENCH_DIR/out-$n" "$log")
  for run in $(seq 1 "$RUNS"); do warm+=("$(job "$coordinator" "$BENCH_DIR/out-$n" "$log")"); done
  echo "$n worker(s): cold $(rate "$cold"); warm $(rate "$(printf '%s\n' "${warm[@]}" | median)") (runs: ${warm[*]}); output equals the sequential run"
  stop_all
}

# Other work on the machine skews every number: show how busy it was (CPU pressure: the share of
# time something waited for a CPU; near 0% means the cores were ours).
busy() { echo "load average $(cut -d' ' -f1-3 /proc/loadavg); cpu pressure $(head -1 /proc/pressure/cpu 2>/dev/null || echo n/a)"; }
echo "before: $(busy)"
sequential
ceiling
distributed 1
distributed 2
echo "after: $(busy)"

