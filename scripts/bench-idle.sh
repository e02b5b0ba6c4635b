#!/usr/bin/env bash
# What an idle sharded store costs, and how fast a configuration change reaches it (numbers in
# docs/BENCHMARKS.md). Starts three shard masters and two shardkv groups of three (gids 100 and
# 101, joined) as nine JVMs (-Xmx256m) with fresh data dirs, lets them settle, then:
#   1. idle: CPU of each JVM over IDLE_SECONDS (utime+stime from /proc/<pid>/stat) and how far
#      each replica's Paxos log advanced (GET /actuator/paxos, min and max), summed per role;
#   2. changes: CHANGES Moves of shard 0 between the groups, each timed from the moment the shard
#      master acknowledged it until every shardkv replica reports the new configuration number.
# Ports are run-local.sh's plus PORT_OFFSET (default 10000: 18200-18202, 18300-18302, 18310-18312),
# so the benchmark does not collide with a run-local topology. Stops exactly the processes it
# started. JAR_DIR=dir takes <module>.jar from there instead of building (to measure an older build).
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE_SECONDS=${IDLE_SECONDS:-60}
SETTLE_SECONDS=${SETTLE_SECONDS:-120}
CHANGES=${CHANGES:-10}
PORT_OFFSET=${PORT_OFFSET:-10000}
RUN=run/bench-idle
if [ -z "${JAR_DIR:-}" ]; then
  [ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp -DskipTests -pl shardmaster-service,shardkv-service -am package
  jar() { echo "$1/target/$1.jar"; }
else
  jar() { echo "$JAR_DIR/$1.jar"; }
fi

port() { echo $(($1 + PORT_OFFSET)); }
urls() { local p out=""; for p in "$@"; do out="$out${out:+,}http://127.0.0.1:$(port "$p")"; done; echo "$out"; }
SM=$(urls 8200 8201 8202)
G100=$(urls 8300 8301 8302)
G101=$(urls 8310 8311 8312)

rm -rf "$RUN"
mkdir -p "$RUN"
nodes=() # "role name port pid"
stop() {
  local node
  for node in "${nodes[@]}"; do kill "$(cut -d' ' -f4 <<<"$node")" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
launch() { # role name module port args...
  local role=$1 name=$2 module=$3 p; p=$(port "$4"); shift 4
  java -Xmx256m -jar "$(jar "$module")" --server.port="$p" --chaos.enabled=true --node.data-dir="$RUN/$name" "$@" \
    >"$RUN/$name.log" 2>&1 </dev/null &
  nodes+=("$role $name $p $!")
}
for i in 0 1 2; do
  launch shardmaster "shardmaster-$i" shardmaster-service $((8200 + i)) --node.peers="$SM" --node.me=$i
done
for i in 0 1 2; do
  launch shardkv-100 "shardkv-100-$i" shardkv-service $((8300 + i)) --node.peers="$G100" --node.me=$i \
    --shardkv.gid=100 --shardkv.shardmasters="$SM"
  launch shardkv-101 "shardkv-101-$i" shardkv-service $((8310 + i)) --node.peers="$G101" --node.me=$i \
    --shardkv.gid=101 --shardkv.shardmasters="$SM"
done
printf '%s\n' "${nodes[@]}" >"$RUN/nodes"
for node in "${nodes[@]}"; do
  read -r _ name p _ <<<"$node"
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$p/actuator/health" >/dev/null && continue 2; sleep 0.5; done
  echo "$name did not start; see $RUN/$name.log" >&2
  exit 1
done

python3 - "$RUN/nodes" "$SM" "$G100" "$G101" "$IDLE_SECONDS" "$SETTLE_SECONDS" "$CHANGES" <<'EOF'
import http.client, json, os, statistics, sys, threading, time
nodes_file, sm, g100, g101 = sys.argv[1:5]
idle_seconds, settle_seconds, changes = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
nodes = [line.split() for line in open(nodes_file) if line.strip()]  # role name port pid
masters = sm.split(",")
tick = os.sysconf("SC_CLK_TCK")

def call(port, method, path, body=None, timeout=15):
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=timeout)
    try:
        conn.request(method, path, body=None if body is None else json.dumps(body),
                     headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else None)
    finally:
        conn.close()

def sm_port(i=0):
    return masters[i].rsplit(":", 1)[1]

def until(what, check, seconds=180):
    end = time.time() + seconds
    while time.time() < end:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("timed out waiting for " + what)

def shardkv_view(port):
    status, health = call(port, "GET", "/actuator/health")
    return health["components"]["shardKv"]["details"]

for gid, servers in ((100, g100), (101, g101)):
    until("join of %d" % gid, lambda: call(sm_port(), "POST", "/api/shardmaster/join",
                                           {"gid": gid, "servers": servers.split(",")})[0] < 300)
latest = lambda: call(sm_port(), "GET", "/api/shardmaster/config")[1]
target = latest()["num"]
kv = [n for n in nodes if n[0].startswith("shardkv")]
settled = lambda: all(shardkv_view(n[2])["config"] >= target and not shardkv_view(n[2])["pulling"]
                      and not shardkv_view(n[2])["handingOff"] for n in kv)
until("every shardkv replica on configuration %d" % target, settled)
time.sleep(settle_seconds)

def cpu(pid):
    fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)

def paxos(port):
    return call(port, "GET", "/actuator/paxos")[1]

before = {n[1]: (cpu(n[3]), paxos(n[2])) for n in nodes}
start = time.time()
time.sleep(idle_seconds)
after = {n[1]: (cpu(n[3]), paxos(n[2])) for n in nodes}
elapsed = time.time() - start

print("\n## idle for %.0f s (after %d s to settle), configuration %d" % (elapsed, settle_seconds, target))
print("| role | JVMs | CPU (cores) | Paxos max advanced per replica | Paxos min advanced per replica |")
print("|---|---|---|---|---|")
total = 0.0
for role in sorted({n[0] for n in nodes}):
    names = [n[1] for n in nodes if n[0] == role]
    cores = sum(after[m][0] - before[m][0] for m in names) / tick / elapsed
    total += cores
    maxes = ", ".join(str(after[m][1]["max"] - before[m][1]["max"]) for m in names)
    mins = ", ".join(str(after[m][1]["min"] - before[m][1]["min"]) for m in names)
    print("| %s | %d | %.3f | %s | %s |" % (role, len(names), cores, maxes, mins))
print("| **total** | %d | **%.3f** | | |" % (len(nodes), total))

# Configuration changes: each Move is timed from its acknowledgement until each shardkv replica
# reports the new configuration; one poller per replica, so the replicas are watched side by side.
def reached(port, num, since, out):
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=5)
    end = since + 30
    while time.time() < end:
        conn.request("GET", "/actuator/health")
        health = json.loads(conn.getresponse().read())
        if health["components"]["shardKv"]["details"]["config"] >= num:
            out[port] = (time.time() - since) * 1000
            break
        time.sleep(0.002)
    conn.close()

per_replica, per_change = [], []
for change in range(changes):
    until("the previous move to finish", settled)
    current = latest()
    owner = current["shards"][0]
    to = 101 if owner == 100 else 100
    status, _ = call(sm_port(change % len(masters)), "POST", "/api/shardmaster/move", {"shard": 0, "gid": to})
    acked = time.time()
    if status >= 300:
        sys.exit("move refused: %d" % status)
    seen = {}
    pollers = [threading.Thread(target=reached, args=(n[2], current["num"] + 1, acked, seen)) for n in kv]
    for p in pollers: p.start()
    for p in pollers: p.join()
    if len(seen) < len(kv):
        sys.exit("configuration %d did not reach every replica within 30 s" % (current["num"] + 1))
    per_replica += seen.values()
    per_change.append(max(seen.values()))
    target = current["num"] + 1
print("\n## %d Moves of shard 0 between groups 100 and 101" % changes)
print("| measure | median | max |")
print("|---|---|---|")
print("| acknowledged Move → a shardkv replica reports the configuration (%d samples) | %.0f ms | %.0f ms |"
      % (len(per_replica), statistics.median(per_replica), max(per_replica)))
print("| acknowledged Move → every replica of both groups reports it | %.0f ms | %.0f ms |"
      % (statistics.median(per_change), max(per_change)))
EOF
