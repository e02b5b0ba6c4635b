#!/usr/bin/env bash
# End-to-end check of docker-compose.yml on one machine (Docker Engine 20.10+, Compose v1.29 or v2):
#   - installs docker.io and docker-compose with apt-get when they are missing (as root);
#   - starts dockerd when none answers (no bridge, no iptables: every container runs on the host's
#     network) and stops it at the end; a dockerd that was already running is left alone;
#   - builds the jars and the images on a JRE base made from Debian packages (scripts/base-image.sh,
#     unless BASE_IMAGE names one), once with the classic builder and once with BuildKit when the
#     engine has it;
#   - brings the topology up with deploy/docker/compose.host-network.yml (all traffic on 127.0.0.1)
#     as its own Compose project, prints each container as it becomes healthy, then checks: put/get
#     on every store, kill -9 of the pb primary and the backup taking over, a paxos-kv replica cut
#     off through the chaos API (503, never stale data) and healed, a MapReduce word count;
#   - always ends with `down -v` of its own project (containers, volumes) and nothing else.
#
#   sudo ./scripts/compose-smoke.sh      SKIP_BUILD=1 uses the jars as they are; COMPOSE="docker-compose"
#                                        or COMPOSE="docker compose" picks a Compose; KEEP=1 leaves it up
#
# Prometheus and Grafana (images from Docker Hub) are not started. Uses ports 8000-8402 on the host.
# Exits non-zero, naming the failed step, on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=${PROJECT:-ds-smoke}
SECRET=${CLUSTER_SECRET:-ds-demo-secret}
LOG=run/compose-smoke

say() { printf 'compose-smoke [%4d s] %s\n' "$SECONDS" "$*"; }
fail() { printf 'compose-smoke [%4d s] FAILED: %s\n' "$SECONDS" "$*" >&2; exit 1; }
note() { printf 'compose-smoke [%4d s]   %s\n' "$SECONDS" "$*" >&2; }

# ---- tools ----
install() { # package...: apt-get install, as root
  [ "$(id -u)" = 0 ] || return 1
  command -v apt-get >/dev/null 2>&1 || return 1
  say "installing $* (apt-get)"
  apt-get update -qq >/dev/null && NEEDRESTART_SUSPEND=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  if ! docker info >/dev/null 2>&1; then
    install docker.io || fail "docker is not installed and could not be installed (needs root and apt-get: apt-get install docker.io)"
  fi
fi
COMPOSE=${COMPOSE:-}
if [ -z "$COMPOSE" ]; then
  if docker compose version >/dev/null 2>&1; then COMPOSE="docker compose"
  elif command -v docker-compose >/dev/null 2>&1; then COMPOSE=docker-compose
  else
    install docker-compose || fail "neither 'docker compose' nor docker-compose is installed, and docker-compose could not be installed"
    COMPOSE=docker-compose
  fi
fi
command -v curl >/dev/null 2>&1 || fail "curl is not installed"
command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (used to read JSON answers)"

mkdir -p "$LOG"

# ---- the engine ----
DOCKERD_PID=
if ! docker info >/dev/null 2>&1; then
  [ -z "${DOCKER_HOST:-}" ] || fail "DOCKER_HOST=$DOCKER_HOST does not answer"
  [ "$(id -u)" = 0 ] || fail "the Docker engine is not running, and starting it needs root"
  say "starting dockerd (no bridge, no iptables; log $LOG/dockerd.log)"
  dockerd --bridge=none --iptables=false --ip-masq=false >"$LOG/dockerd.log" 2>&1 &
  DOCKERD_PID=$!
  for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
  docker info >/dev/null 2>&1 || { tail -n 20 "$LOG/dockerd.log" >&2; fail "dockerd did not start"; }
fi
ENGINE=$(docker version -f '{{.Server.Version}}')
say "engine $ENGINE, $($COMPOSE version 2>/dev/null | head -1)"

FILES=(-f docker-compose.yml -f deploy/docker/compose.host-network.yml)
compose() { $COMPOSE -p "$PROJECT" "${FILES[@]}" "$@"; }

cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    echo "compose-smoke: state at failure:" >&2
    compose ps >&2 2>/dev/null || true
    compose logs --tail=30 >"$LOG/failure.log" 2>&1 || true
    echo "compose-smoke: the containers' last log lines are in $LOG/failure.log" >&2
  fi
  if [ "${KEEP:-0}" = 1 ] && [ "$status" = 0 ]; then
    say "KEEP=1: left up; stop with: $COMPOSE -p $PROJECT ${FILES[*]} down -v"
  elif [ "${STARTED:-0}" = 1 ]; then
    compose down -v --remove-orphans >"$LOG/down.log" 2>&1 || true
    say "removed project $PROJECT (containers and volumes)"
  fi
  if [ -n "$DOCKERD_PID" ]; then
    kill "$DOCKERD_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.5; done
    say "stopped the dockerd it started (pid $DOCKERD_PID)"
  fi
  say "$([ "$status" = 0 ] && echo PASSED || echo FAILED) in $SECONDS s"
  exit "$status"
}
trap cleanup EXIT

# ---- images ----
if [ -z "${BASE_IMAGE:-}" ]; then
  export BASE_IMAGE=ds/jre:17
  IMAGE=$BASE_IMAGE ./scripts/base-image.sh || fail "building the base image $BASE_IMAGE"
fi
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building the jars"
  ./mvnw -q -B -ntp -DskipTests package || fail "the Maven build"
fi
# One service per image: the others use the same image names (Compose v1 would build each again).
IMAGES="viewservice paxos-kv-0 shardmaster-0 shardkv-100-0 mr-coordinator"
say "building the images on $BASE_IMAGE (classic builder)"
# shellcheck disable=SC2086
DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0 compose build $IMAGES >"$LOG/build.log" 2>&1 \
  || { tail -n 20 "$LOG/build.log" >&2; fail "$COMPOSE build"; }
buildkit_build() { # client: the Dockerfile once more with BuildKit (a client without buildx cannot);
  # on the host's network, as the engine this script starts has no bridge
  DOCKER_BUILDKIT=1 "$1" build -q --network=host --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg MODULE=paxos-kv-service \
    -t "ds/paxos-kv-service:buildkit-check" . >"$LOG/buildkit.log" 2>&1
}
if buildkit_build docker || { [ -x /usr/bin/docker ] && ! cmp -s "$(command -v docker)" /usr/bin/docker \
    && grep -qi buildx "$LOG/buildkit.log" && buildkit_build /usr/bin/docker; }; then
  docker image rm "ds/paxos-kv-service:buildkit-check" >/dev/null
  say "the Dockerfile builds with BuildKit too"
elif grep -qi "buildx\|buildkit.*not\|unknown flag" "$LOG/buildkit.log"; then
  say "no BuildKit here ($(head -1 "$LOG/buildkit.log")); built with the classic builder only"
else
  tail -n 20 "$LOG/buildkit.log" >&2
  fail "the BuildKit build of the Dockerfile"
fi

# ---- up ----
SERVICES=$(compose config --services | grep -v -x -e prometheus -e grafana)
STARTED=1
say "starting $(wc -w <<<"$SERVICES") services (project $PROJECT)"
UP_START=$SECONDS
# shellcheck disable=SC2086
compose up -d --no-build $SERVICES >"$LOG/up.log" 2>&1 || { tail -n 20 "$LOG/up.log" >&2; fail "$COMPOSE up"; }
pending=$(grep -v -x -e shardkv-join -e mr-books <<<"$SERVICES")
deadline=$((SECONDS + 600)) # 19 JVMs on a loaded 2-core machine
while [ -n "$pending" ]; do
  left=
  states=$(docker ps --filter "label=com.docker.compose.project=$PROJECT" \
    --format '{{.Label "com.docker.compose.service"}} {{.Status}}')
  for service in $pending; do
    if grep -q "^$service .*(healthy)" <<<"$states"; then
      note "healthy  $service  ($((SECONDS - UP_START)) s after up)"
    else left+="$service "; fi
  done
  pending=$left
  [ -n "$pending" ] || break
  [ $SECONDS -lt $deadline ] || fail "not healthy after 600 s: $pending"
  sleep 1
done
say "every node healthy $((SECONDS - UP_START)) s after up"

json() { # json-text python-expression-on-d
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"
}
retry() { # seconds command...: until it succeeds
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 1
  done
}
local_url() { echo "http://127.0.0.1:${1##*:}"; } # http://pb-2:8002 -> http://127.0.0.1:8002
SEQ=$RANDOM
put() { # base key value
  SEQ=$((SEQ + 1))
  curl -sf --max-time 10 -XPUT "$1/api/kv/$2" -H 'content-type: application/json' \
    -d "{\"value\":\"$3\",\"clientId\":\"compose-smoke\",\"seq\":$SEQ}" >/dev/null \
    || { SEQ=$((SEQ - 1)); note "PUT $1/api/kv/$2 failed, retrying"; return 1; }
}
value_is() { # base key value
  local got
  got=$(curl -sf --max-time 10 "$1/api/kv/$2") || { note "GET $1/api/kv/$2 failed, retrying"; return 1; }
  [ "$(json "$got" 'd["value"]')" = "$3" ] || { note "GET $1/api/kv/$2 answered $got"; return 1; }
}

# ---- pb: put/get through the primary; kill -9 it; a new primary serves the acknowledged write ----
# The primary is asked for at every attempt: on a loaded machine a pb server can miss pings and the
# view service move on (a new view is correct behaviour, not a failure).
view() { curl -sf --max-time 5 http://127.0.0.1:8000/api/viewservice/view; }
primary() { json "$(view)" 'd["primary"] if d.get("backup") else ""'; } # only with a backup to fail over to
pb_put() { # key value
  local at
  at=$(primary) && [ -n "$at" ] || { note "pb: no primary with a backup yet"; return 1; }
  put "$(local_url "$at")" "$1" "$2" && PRIMARY=$at
}
pb_value_is() { # key value
  local at
  at=$(json "$(view)" 'd["primary"] or ""') && [ -n "$at" ] || { note "pb: no primary"; return 1; }
  [ "$at" != "${KILLED_URL:-}" ] || { note "pb: the killed $at is still primary"; return 1; }
  value_is "$(local_url "$at")" "$1" "$2" && SERVED_BY=$at
}
retry 120 pb_put pb-key pb-value || fail "pb: no put through a primary within 120 s"
retry 30 pb_value_is pb-key pb-value || fail "pb: the primary did not return the put"
say "pb: put/get through the primary $PRIMARY ok"
KILLED_URL=$(json "$(view)" 'd["primary"]')
SERVICE=${KILLED_URL#http://}
SERVICE=${SERVICE%%:*}
INIT=$(docker inspect -f '{{.State.Pid}}' "$(compose ps -q "$SERVICE")")
JAVA=$(pgrep -P "$INIT" java || echo "$INIT") # under init: true, java is the init's child
kill -9 "$JAVA"
KILLED=$SECONDS
retry 60 pb_value_is pb-key pb-value || fail "pb: no new primary served the acknowledged put after kill -9 of $SERVICE"
say "pb: kill -9 of $SERVICE's JVM (pid $JAVA); $SERVED_BY primary with the acknowledged put within $((SECONDS - KILLED)) s"

# ---- paxos-kv: put/get; a replica cut off through the chaos API; healed ----
retry 60 put http://127.0.0.1:8100 kv-key kv-1 || fail "paxos-kv: no put within 60 s"
retry 30 value_is http://127.0.0.1:8102 kv-key kv-1 || fail "paxos-kv: replica 2 did not see the put made through replica 0"
say "paxos-kv: put through 8100, get through 8102 ok"
chaos() { # port json
  curl -sf --max-time 5 -XPUT "http://127.0.0.1:$1/admin/chaos" -H "Authorization: Bearer $SECRET" \
    -H 'content-type: application/json' -d "$2" >/dev/null || fail "chaos API of :$1"
}
chaos 8100 '{"blockedPeers":["http://paxos-kv-1:8101","http://paxos-kv-2:8102"]}'
chaos 8101 '{"blockedPeers":["http://paxos-kv-0:8100"]}'
chaos 8102 '{"blockedPeers":["http://paxos-kv-0:8100"]}'
ANSWER=$(curl -s --max-time 30 -w ' %{http_code}' http://127.0.0.1:8100/api/kv/kv-key || true)
case "$ANSWER" in *ErrTimeout*503) ;; *) fail "paxos-kv: the cut-off replica answered: $ANSWER" ;; esac
retry 30 put http://127.0.0.1:8101 kv-key kv-2 || fail "paxos-kv: the majority took no write while 8100 was cut off"
for port in 8100 8101 8102; do
  curl -sf --max-time 5 -XDELETE "http://127.0.0.1:$port/admin/chaos" -H "Authorization: Bearer $SECRET" >/dev/null \
    || fail "chaos API of :$port (heal)"
done
retry 30 value_is http://127.0.0.1:8100 kv-key kv-2 || fail "paxos-kv: the healed replica did not catch up"
say "paxos-kv: partitioned 8100 answered 503 ErrTimeout, the majority took a write, healed 8100 caught up"

# ---- shardkv: written through group 100, read through group 101; either forwards to the owner ----
retry 120 put http://127.0.0.1:8300 sk-key sk-value || fail "shardkv: no put within 120 s"
retry 30 value_is http://127.0.0.1:8310 sk-key sk-value || fail "shardkv: group 101 did not return the put"
say "shardkv: put through 8300, get through 8310 ok"

# ---- MapReduce: word count over the books (GUTENBERG_DIR at /books, else mr-books' samples) ----
if [ -n "${GUTENBERG_DIR:-}" ]; then FOLDER=/books; else FOLDER=/output/books; fi
INPUTS=$(compose exec -T mr-worker-1 bash -c "ls $FOLDER/*.txt" | python3 -c 'import json,sys; print(json.dumps([l.strip() for l in sys.stdin if l.strip()]))')
[ "$(json "$INPUTS" 'len(d)')" -gt 0 ] || fail "mapreduce: no books in $FOLDER"
JOB=$(curl -sf --max-time 10 -XPOST http://127.0.0.1:8400/api/jobs -H 'content-type: application/json' \
  -d "{\"app\":\"wordcount\",\"inputs\":$INPUTS,\"nReduce\":3,\"outputDir\":\"/output/smoke-wc\"}") \
  || fail "mapreduce: job submission"
ID=$(json "$JOB" 'd["id"]')
JOB_START=$SECONDS
finished() { STATE=$(json "$(curl -sf --max-time 5 "http://127.0.0.1:8400/api/jobs/$ID")" 'd["state"]'); [ "$STATE" != RUNNING ]; }
retry 300 finished || fail "mapreduce: job $ID still running after 300 s"
[ "$STATE" = SUCCEEDED ] || fail "mapreduce: job $ID ended $STATE"
LINES=$(compose exec -T mr-worker-1 bash -c 'cat /output/smoke-wc/mr-out-*' | wc -l)
[ "$LINES" -gt 1000 ] || fail "mapreduce: only $LINES output lines in /output/smoke-wc"
say "mapreduce: word count over $(json "$INPUTS" 'len(d)') books in $FOLDER: SUCCEEDED in $((SECONDS - JOB_START)) s, $LINES words"
