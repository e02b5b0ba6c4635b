#!/usr/bin/env bash
# End-to-end check of docker-compose.yml where Docker runs: builds the jars and the images, starts
# the whole topology and waits for health, then through curl: a put/get on each store (pb, paxos-kv,
# shardkv) and a wordcount job over the Gutenberg books; always ends with `docker compose down -v`.
#
#   ./scripts/compose-smoke.sh          SKIP_BUILD=1 uses the jars as they are
#
# Exits non-zero, naming the failed step, on any failure. Settings as in docker-compose.yml
# (BASE_IMAGE, GUTENBERG_DIR, ...).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "compose-smoke: FAILED: $*" >&2; exit 1; }

command -v docker >/dev/null 2>&1 || fail "docker is not installed (no 'docker' in PATH); this check needs Docker with the compose plugin"
docker info >/dev/null 2>&1 || fail "the Docker engine is not reachable ('docker info' failed): start Docker, or set DOCKER_HOST"
docker compose version >/dev/null 2>&1 || fail "'docker compose' (Compose v2 plugin) is not available"
command -v curl >/dev/null 2>&1 || fail "curl is not installed"
command -v python3 >/dev/null 2>&1 || fail "python3 is not installed (used to read JSON answers)"

BOOKS=${GUTENBERG_DIR:-../shared/data/gutenberg}
[ -n "$(ls "$BOOKS"/*.txt 2>/dev/null)" ] || fail "no books (*.txt) in $BOOKS; set GUTENBERG_DIR"

cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    echo "compose-smoke: state at failure:" >&2
    docker compose ps -a >&2 || true
    docker compose logs --tail=40 >&2 || true
  fi
  docker compose down -v --remove-orphans >/dev/null 2>&1 || true
  exit "$status"
}

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "compose-smoke: building the jars"
  ./mvnw -q -B -ntp -DskipTests package || fail "the Maven build"
fi
echo "compose-smoke: building the images"
docker compose build || fail "docker compose build"

trap cleanup EXIT
echo "compose-smoke: starting the topology (docker compose up -d --wait)"
docker compose up -d --wait --wait-timeout 300 || fail "docker compose up --wait: a node did not become healthy"

json() { # json-text python-expression-on-d
  python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(eval(sys.argv[2]))' "$1" "$2"
}

note() { echo "compose-smoke: $*" >&2; }

put_get() { # store-name put-base-url get-base-url; returns 1 (and says why) so that it can be retried
  local key="smoke-$1-$RANDOM" got
  curl -sf --max-time 10 -XPUT "$2/api/kv/$key" -H 'content-type: application/json' \
    -d "{\"value\":\"v-$1\",\"clientId\":\"compose-smoke\",\"seq\":$RANDOM}" >/dev/null \
    || { note "$1: PUT $2/api/kv/$key failed, retrying"; return 1; }
  got=$(curl -sf --max-time 10 "$3/api/kv/$key") || { note "$1: GET $3/api/kv/$key failed, retrying"; return 1; }
  [ "$(json "$got" 'd["value"]')" = "v-$1" ] || { note "$1: GET $3/api/kv/$key answered $got"; return 1; }
  echo "compose-smoke: $1 put/get ok"
}

# Retries a command for up to $1 seconds: the stores settle (a primary, shards) after health.
retry() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 2
  done
}

# pb: ask the view service for the primary; its URL (http://pb-2:8002) is published on localhost.
pb_put_get() {
  local view primary
  view=$(curl -sf --max-time 5 localhost:8000/api/viewservice/view) || { note "pb: no view yet"; return 1; }
  primary=$(json "$view" 'd["primary"] or ""')
  [ -n "$primary" ] || { note "pb: no primary yet"; return 1; }
  put_get pb "http://localhost:${primary##*:}" "http://localhost:${primary##*:}"
}
retry 60 pb_put_get || fail "pb: no put/get through the primary within 60 s"
retry 60 put_get paxos-kv http://localhost:8100 http://localhost:8102 || fail "paxos-kv: no put/get within 60 s"
# shardkv: written through group 100, read through group 101; either forwards to the owner.
retry 120 put_get shardkv http://localhost:8300 http://localhost:8310 || fail "shardkv: no put/get within 120 s"

# MapReduce: wordcount over the books, as the containers see them (/books), into the shared volume.
INPUTS=$(cd "$BOOKS" && ls ./*.txt | python3 -c 'import json,sys; print(json.dumps(["/books/" + l.strip()[2:] for l in sys.stdin]))')
job=$(curl -sf --max-time 10 -XPOST localhost:8400/api/jobs -H 'content-type: application/json' \
  -d "{\"app\":\"wordcount\",\"inputs\":$INPUTS,\"nReduce\":3,\"outputDir\":\"/output/smoke-wc\"}") \
  || fail "mapreduce: job submission"
id=$(json "$job" 'd["id"]')
state=RUNNING
for _ in $(seq 1 150); do
  status=$(curl -sf --max-time 5 "localhost:8400/api/jobs/$id") || fail "mapreduce: GET /api/jobs/$id"
  state=$(json "$status" 'd["state"]')
  [ "$state" = RUNNING ] || break
  sleep 2
done
[ "$state" = SUCCEEDED ] || fail "mapreduce: job $id ended $state: $status"
lines=$(docker compose exec -T mr-worker-1 bash -c 'cat /output/smoke-wc/mr-out-*' | wc -l)
[ "$lines" -gt 1000 ] || fail "mapreduce: only $lines output lines in /output/smoke-wc"
echo "compose-smoke: mapreduce wordcount ok ($lines words)"

echo "compose-smoke: PASSED"
