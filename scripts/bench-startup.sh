#!/usr/bin/env bash
# Start-up time of the local systems, as run-local.sh starts them: from launching the JVMs to the
# last node ready (readiness UP; pb servers UP; shardkv groups joined and ready).
#
#   ./scripts/bench-startup.sh            RUNS=3 of each: three paxos-kv replicas, the whole topology
#   BASELINE=1 ./scripts/bench-startup.sh the same without class-data sharing and with the JVM's
#                                         default flags but -Xmx256m (how run-local.sh started before)
#
# Every run starts from empty data dirs (run-local.sh clean), on run-local's ports (8000-8999); the
# class-data sharing archives are recorded first where missing (run-local.sh prepare; FRESH_ARCHIVES=1
# records them anew), and how long that took is reported apart from the starts. Prints each run, the median, and the load average before and after, since the
# machine's other work shows in the numbers. Refuses to run while run-local.sh nodes are running.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
LOCAL=./scripts/run-local.sh
if [ "${BASELINE:-0}" = 1 ]; then
  export DS_CDS=0 DS_JAVA_OPTS=-Xmx256m
fi

if [ -s run/pids ] && [ -n "$($LOCAL status | awk 'NR > 1 && $3 == "UP"')" ]; then
  echo "run-local.sh nodes are running; stop them first ($LOCAL stop)" >&2
  exit 1
fi
trap '$LOCAL stop >/dev/null 2>&1 || true' EXIT

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; java: $(java -version 2>&1 | head -1)"
echo "JVM options: ${DS_JAVA_OPTS:-the default of run-local.sh}; class-data sharing: ${DS_CDS:-1}"
DS_CDS=0 $LOCAL prepare >/dev/null # only builds the jars, if the sources changed
export SKIP_BUILD=1

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure() { # label system...: RUNS timed starts from empty data dirs; prints each and the median
  local label=$1 seconds times=()
  shift
  for run in $(seq 1 "$RUNS"); do
    $LOCAL clean >/dev/null
    out=$($LOCAL start "$@" 2>&1) || { echo "$out" >&2; echo "$label: start failed" >&2; exit 1; }
    seconds=$(sed -n 's/^all [0-9]* nodes ready in \([0-9.]*\) s$/\1/p' <<<"$out")
    times+=("$seconds")
    echo "  $label run $run: ${seconds} s (load $(cut -d' ' -f1 /proc/loadavg))"
    $LOCAL stop >/dev/null
  done
  echo "$label: median $(printf '%s\n' "${times[@]}" | median) s of ${times[*]}"
}

if [ "${DS_CDS:-1}" = 1 ]; then
  # Record the archives where the jars changed (FRESH_ARCHIVES=1: all of them), not timed as a start.
  [ "${FRESH_ARCHIVES:-0}" != 1 ] || rm -rf run/.jvm
  start=$SECONDS
  $LOCAL prepare | sed 's/^/  /'
  echo "class-data sharing archives ready in $((SECONDS - start)) s (recorded only where missing)"
fi
measure "three paxos-kv replicas" paxos-kv
measure "whole topology (19 nodes, shardkv joined)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
