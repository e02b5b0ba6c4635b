#!/usr/bin/env bash
# The README walkthrough as one script, against the local system (`./scripts/run-local.sh start`):
# put and get on each store, kill the pb primary and watch fail-over, partition a paxos-kv replica
# and see the minority time out, move shards between shardkv groups, and count words in books
# (and see a job over /etc/passwd refused). Every step checks what it shows; the script exits
# non-zero at the first surprise. The books are the folder DS_GUTENBERG names (run-local.sh must
# have been started with the same DS_GUTENBERG, so that jobs may read it), or else seeded sample
# books that mapreduce-service's generate role writes under run/mapreduce/books.
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=run
BOOKS=${DS_GUTENBERG:-}
CLIENT="demo-$$-$RANDOM"
SEQ=0

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
say() { printf '   %s\n' "$*"; }
fail() { printf '\033[31mFAILED: %s\033[0m\n' "$*" >&2; exit 1; }
json() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {"d": d}))' "$1"; }
put() { # base key value: a write with this demo's clientId and the next seq; retried with the
  # same seq (applied at most once) while the store answers 503 (ErrTimeout, ErrNotReady: a group
  # that has just started may still be electing or catching up) or does not answer in 10 s, for up to 20 s
  SEQ=$((SEQ + 1))
  local code end=$((SECONDS + 20))
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -XPUT "$1/api/kv/$2" -H 'content-type: application/json' \
      -d "{\"value\":\"$3\",\"clientId\":\"$CLIENT\",\"seq\":$SEQ}") || true
    [ "$code" = 200 ] && return 0
    case "$code" in 503 | 000) [ $SECONDS -lt $end ] ;; *) false ;; esac || fail "PUT $1/api/kv/$2 answered $code"
    sleep 0.5
  done
}
get() { curl -sf "$1/api/kv/$2" | json 'd["value"]'; }
until_ok() { # seconds description command...: retry the command until it succeeds
  local seconds=$1 what=$2; shift 2
  local end=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || fail "$what (waited ${seconds}s)"
    sleep 0.2
  done
}
pid_of() { awk -v n="$1" '$1 == n { p = $3 } END { print p }' "$RUN/pids"; }

curl -sf localhost:8000/actuator/health >/dev/null \
  || fail "the local system is not running: start it with ./scripts/run-local.sh start"

step "1. Primary/backup: put and get through the primary"
has_backup() { curl -sf localhost:8000/api/viewservice/view | json 'd["backup"]' | grep -q http; }
until_ok 15 "no backup in the view 15 s after start-up" has_backup # the view service names one as pb servers ping
VIEW=$(curl -sf localhost:8000/api/viewservice/view)
PRIMARY=$(echo "$VIEW" | json 'd["primary"]')
BACKUP=$(echo "$VIEW" | json 'd["backup"] or ""')
say "view $(echo "$VIEW" | json 'd["viewnum"]'): primary $PRIMARY, backup ${BACKUP:-none}"
put "$PRIMARY" greeting "hello-$CLIENT"
[ "$(get "$PRIMARY" greeting)" = "hello-$CLIENT" ] || fail "the primary did not return the put"
say "GET $PRIMARY/api/kv/greeting -> hello-$CLIENT"
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$BACKUP/api/kv/greeting")
[ "$CODE" = 421 ] || fail "the backup answered $CODE, not 421 ErrWrongServer"
say "the backup answers 421 ErrWrongServer"

step "2. Kill -9 the primary and watch the backup take over"
NAME="pb-${PRIMARY##*:}"
PID=$(pid_of "$NAME")
[ -n "$PID" ] || fail "no recorded pid for $NAME in $RUN/pids"
kill -9 "$PID"
START=$SECONDS
new_primary() { [ "$(curl -sf localhost:8000/api/viewservice/view | json 'd["primary"]')" = "$BACKUP" ]; }
until_ok 10 "the backup $BACKUP did not become primary" new_primary
until_ok 10 "the new primary did not serve the greeting" get "$BACKUP" greeting
[ "$(get "$BACKUP" greeting)" = "hello-$CLIENT" ] || fail "the new primary lost the acknowledged put"
say "$BACKUP is primary within $((SECONDS - START)) s and has the greeting; bringing $NAME back"
./scripts/run-local.sh restart "$NAME" | sed 's/^/   /'

step "3. Paxos KV: any replica, and a partitioned minority times out"
put http://127.0.0.1:8100 x "1-$CLIENT"
[ "$(get http://127.0.0.1:8102 x)" = "1-$CLIENT" ] || fail "replica 2 did not see the write made through replica 0"
say "PUT through 8100, GET through 8102 -> 1-$CLIENT"
chaos() { curl -sf -XPUT "$1/admin/chaos" -H 'content-type: application/json' -d "$2" >/dev/null; }
chaos http://127.0.0.1:8100 '{"blockedPeers":["http://127.0.0.1:8101","http://127.0.0.1:8102"]}'
chaos http://127.0.0.1:8101 '{"blockedPeers":["http://127.0.0.1:8100"]}'
chaos http://127.0.0.1:8102 '{"blockedPeers":["http://127.0.0.1:8100"]}'
ANSWER=$(curl -s -w ' %{http_code}' localhost:8100/api/kv/x)
case "$ANSWER" in *ErrTimeout*503) say "the cut-off replica 8100: 503 ErrTimeout, never stale data" ;;
  *) fail "the cut-off replica answered: $ANSWER" ;; esac
put http://127.0.0.1:8101 x "2-$CLIENT"
say "the majority (8101, 8102) still takes writes"
for node in 8100 8101 8102; do curl -sf -XDELETE "localhost:$node/admin/chaos" >/dev/null; done
until_ok 15 "the healed replica did not catch up" test "$(get http://127.0.0.1:8100 x 2>/dev/null)" = "2-$CLIENT"
say "healed: 8100 answers 2-$CLIENT"

step "4. Sharded KV: keys spread over two groups; a group leaves and its shards move"
config() { curl -sf localhost:8200/api/shardmaster/config; }
say "configuration $(config | json 'd["num"]'): shards $(config | json 'd["shards"]')"
for i in 1 2 3 4 5 6; do put http://127.0.0.1:8300 "k$i" "v$i-$CLIENT"; done
say "six keys written through 8300 (a node forwards keys of shards its group does not own)"
curl -sf -XPOST localhost:8200/api/shardmaster/leave -H 'content-type: application/json' -d '{"gid":101}' >/dev/null
say "group 101 left: configuration $(config | json 'd["num"]'), shards $(config | json 'd["shards"]')"
for i in 1 2 3 4 5 6; do
  until_ok 30 "k$i was not readable after the move" test "$(get http://127.0.0.1:8310 "k$i" 2>/dev/null)" = "v$i-$CLIENT"
done
say "every key readable after its shard moved to group 100"
G101='["http://127.0.0.1:8310","http://127.0.0.1:8311","http://127.0.0.1:8312"]'
curl -sf -XPOST localhost:8200/api/shardmaster/join -H 'content-type: application/json' \
  -d "{\"gid\":101,\"servers\":$G101}" >/dev/null
say "group 101 joined again: shards $(config | json 'd["shards"]')"
for i in 1 2 3 4 5 6; do
  until_ok 30 "k$i was not readable after moving back" test "$(get http://127.0.0.1:8300 "k$i" 2>/dev/null)" = "v$i-$CLIENT"
done
say "every key readable after half the shards moved back"

step "5. MapReduce: word count over the books"
if [ -z "$BOOKS" ]; then
  BOOKS="$PWD/$RUN/mapreduce/books" # run-local.sh lets jobs read under run/mapreduce
  java -jar mapreduce-service/target/mapreduce-service.jar --role=generate --generate.output-dir="$BOOKS" \
    >"$RUN/generate.log" 2>&1 || fail "writing sample books failed: see $RUN/generate.log"
  say "sample books written to $BOOKS (set DS_GUTENBERG to count real ones)"
fi
IN=$(ls "$BOOKS"/*.txt | python3 -c 'import sys,json; print(json.dumps([l.strip() for l in sys.stdin]))')
OUT="$PWD/$RUN/mapreduce/demo-wc-$CLIENT" # run-local.sh lets jobs write only under run/mapreduce
JOB=$(curl -sf -XPOST localhost:8400/api/jobs -H 'content-type: application/json' \
  -d "{\"app\":\"wordcount\",\"inputs\":$IN,\"nReduce\":3,\"outputDir\":\"$OUT\"}" | json 'd["id"]')
say "job $JOB over $(echo "$IN" | json 'len(d)') books"
done_job() { [ "$(curl -sf "localhost:8400/api/jobs/$JOB" | json 'd["state"]')" = SUCCEEDED ]; }
until_ok 120 "job $JOB did not succeed" done_job
say "SUCCEEDED; the top words:"
python3 - "$OUT" <<'PY'
import glob, sys
counts = [line.split(" ") for f in glob.glob(sys.argv[1] + "/mr-out-*") for line in open(f, encoding="utf-8")]
for word, count in sorted(counts, key=lambda wc: -int(wc[1]))[:5]:
    print(f"     {word} {int(count)}")
PY
[ "$(cat "$OUT"/mr-out-* | wc -l)" -gt 1000 ] || fail "the word count has too few words"
REFUSED=$(curl -s -XPOST localhost:8400/api/jobs -H 'content-type: application/json' \
  -d "{\"app\":\"wordcount\",\"inputs\":[\"/etc/passwd\"],\"nReduce\":1,\"outputDir\":\"$OUT-refused\"}")
[ "$(echo "$REFUSED" | json 'd["code"]')" = ErrBadRequest ] || fail "a job reading /etc/passwd was not refused: $REFUSED"
[ ! -e "$OUT-refused" ] || fail "a refused job created $OUT-refused"
say "a job over /etc/passwd is refused: $(echo "$REFUSED" | json 'd["detail"]')"

printf '\n\033[32mDemo finished: every step showed what it should.\033[0m\n'
