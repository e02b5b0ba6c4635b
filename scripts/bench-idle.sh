#!/usr/bin/env bash
# What an idle cluster costs, and how fast a configuration change reaches the sharded store (numbers
# in docs/BENCHMARKS.md). Starts the whole local topology of run-local.sh as JVMs with
# fresh data dirs: the view service and three pb servers, three paxos-kv replicas, three shard
# masters and two shardkv groups of three (gids 100 and 101, joined), a MapReduce coordinator and
# two workers (TOPOLOGY=sharded starts only the shard masters and groups). Lets them settle, then:
#   1. idle: CPU of each JVM over IDLE_SECONDS (utime+stime from /proc/<pid>/stat) and how far
#      each replica's Paxos log advanced (GET /actuator/paxos, min and max), summed per role;
#   2. changes: WARMUP_CHANGES (default 5, reported apart as the cold ones) and then CHANGES (default
#      10) Moves of shard 0 between the groups, each timed from the moment the shard
#      master acknowledged it until every shardkv replica reports the new configuration number.
# Ports are run-local.sh's plus PORT_OFFSET (default 10000: 18000-18402),
# so the benchmark does not collide with a run-local topology. Stops exactly the processes it
# started. JAR_DIR=dir takes <module>.jar from there instead of building (to measure an older build);
# JAVA_OPTS: the nodes' JVM flags, by default run-local.sh's for small nodes (a 256 MB heap, the
# serial collector, the C1 compiler only).
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE_SECONDS=${IDLE_SECONDS:-60}
SETTLE_SECONDS=${SETTLE_SECONDS:-120}
CHANGES=${CHANGES:-10}
WARMUP_CHANGES=${WARMUP_CHANGES:-5}
PORT_OFFSET=${PORT_OFFSET:-10000}
TOPOLOGY=${TOPOLOGY:-all}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1}
RUN=run/bench-idle
if [ -z "${JAR_DIR:-}" ]; then
  [ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -ntp -DskipTests package
  jar() { echo "$1/target/$1.jar"; }
else
  jar() { echo "$JAR_DIR/$1.jar"; }
fi

port() { echo $(($1 + PORT_OFFSET)); }
urls() { local p out=""; for p in "$@"; do out="$out${out:+,}http://127.0.0.1:$(port "$p")"; done; echo "$out"; }
SM=$(urls 8200 8201 8202)
G100=$(urls 8300 8301 8302)
G101=$(urls 8310 8311 8312)
KV=$(urls 8100 8101 8102)

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
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
  java $JAVA_OPTS -jar "$(jar "$module")" --server.port="$p" --chaos.enabled=true --node.data-dir="$RUN/$name" "$@" \
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
if [ "$TOPOLOGY" = all ]; then
  launch viewservice viewservice viewservice-service 8000 --role=viewservice
  for p in 8001 8002 8003; do
    launch pbserver "pb-$p" viewservice-service "$p" --role=pbserver --node.self="$(urls "$p")" \
      --viewservice.url="$(urls 8000)"
  done
  for i in 0 1 2; do
    launch paxos-kv "paxos-kv-$i" paxos-kv-service $((8100 + i)) --node.peers="$KV" --node.me=$i
  done
  mkdir -p "$RUN/mapreduce"
  MR_ROOTS=("--mapreduce.input-roots=$PWD/$RUN/mapreduce" "--mapreduce.output-roots=$PWD/$RUN/mapreduce")
  launch mr-coordinator mr-coordinator mapreduce-service 8400 --role=coordinator "${MR_ROOTS[@]}"
  for p in 8401 8402; do
    launch mr-worker "mr-worker-$p" mapreduce-service "$p" --role=worker --node.self="$(urls "$p")" \
      --mapreduce.coordinator="$(urls 8400)" "${MR_ROOTS[@]}"
  done
fi
printf '%s\n' "${nodes[@]}" >"$RUN/nodes"
for node in "${nodes[@]}"; do
  read -r _ name p _ <<<"$node"
  for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$p/actuator/health" >/dev/null && continue 2; sleep 0.5; done
  echo "$name did not start; see $RUN/$name.log" >&2
  exit 1
done

python3 - "$RUN/nodes" "$SM" "$G100" "$G101" "$IDLE_SECONDS" "$SETTLE_SECONDS" "$CHANGES" "$WARMUP_CHANGES" <<'EOF'
import http.client, json, os, re, statistics, sys, threading, time
nodes_file, sm, g100, g101 = sys.argv[1:5]
idle_seconds, settle_seconds, changes, warmup = (int(a) for a in sys.argv[5:9])
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

def paxos(node):
    if not (node[0].startswith("shard") or node[0] == "paxos-kv"):
        return None
    return call(node[2], "GET", "/actuator/paxos")[1]

def threads(pid):
    # CPU ticks per thread name, digits folded ("http-nio-18200-exec-3" -> "http-nio-#-exec-#")
    out = {}
    for task in os.listdir("/proc/%s/task" % pid):
        try:
            stat = open("/proc/%s/task/%s/stat" % (pid, task)).read()
        except OSError:
            continue
        name = re.sub(r"[0-9]+", "#", stat[stat.index("(") + 1:stat.rindex(")")])
        fields = stat.rsplit(")", 1)[1].split()
        out[name] = out.get(name, 0) + int(fields[11]) + int(fields[12])
    return out

before = {n[1]: (cpu(n[3]), paxos(n)) for n in nodes}
threads_before = {n[1]: threads(n[3]) for n in nodes}
start = time.time()
time.sleep(idle_seconds)
after = {n[1]: (cpu(n[3]), paxos(n)) for n in nodes}
threads_after = {n[1]: threads(n[3]) for n in nodes}
elapsed = time.time() - start

print("\n## idle for %.0f s (after %d s to settle), configuration %d" % (elapsed, settle_seconds, target))
print("| role | JVMs | CPU (cores) | Paxos max advanced per replica | Paxos min advanced per replica |")
print("|---|---|---|---|---|")
total = 0.0
for role in sorted({n[0] for n in nodes}):
    names = [n[1] for n in nodes if n[0] == role]
    cores = sum(after[m][0] - before[m][0] for m in names) / tick / elapsed
    total += cores
    paxos_nodes = [m for m in names if after[m][1] is not None]
    maxes = ", ".join(str(after[m][1]["max"] - before[m][1]["max"]) for m in paxos_nodes) or "-"
    mins = ", ".join(str(after[m][1]["min"] - before[m][1]["min"]) for m in paxos_nodes) or "-"
    print("| %s | %d | %.3f | %s | %s |" % (role, len(names), cores, maxes, mins))
print("| **total** | %d | **%.3f** | | |" % (len(nodes), total))

# Where the idle CPU went: per role, the thread names (digits folded) that used the most.
print("\n## busiest threads while idle (cores, summed over the role's JVMs)")
print("| role | threads |")
print("|---|---|")
for role in sorted({n[0] for n in nodes}):
    used = {}
    for m in [n[1] for n in nodes if n[0] == role]:
        for name, ticks in threads_after[m].items():
            used[name] = used.get(name, 0) + ticks - threads_before[m].get(name, 0)
    top = sorted(((t, name) for name, t in used.items() if t > 0), reverse=True)[:6]
    print("| %s | %s |" % (role, ", ".join("%s %.4f" % (name, t / tick / elapsed) for t, name in top) or "-"))

# Configuration changes: each Move is timed from its acknowledgement until each shardkv replica
# reports the new configuration; one poller per replica, so the replicas are watched side by side.
def reached(port, num, since, out, component="shardKv"):
    conn = http.client.HTTPConnection("127.0.0.1", int(port), timeout=5)
    end = since + 30
    while time.time() < end:
        # Only the one health component: the whole health document costs the node far more to build.
        conn.request("GET", "/actuator/health/" + component)
        health = json.loads(conn.getresponse().read())
        if health["details"]["config"] >= num:
            out[port] = (time.time() - since) * 1000
            break
        time.sleep(0.005)
    conn.close()

masters_nodes = [n for n in nodes if n[0] == "shardmaster"]

def moves(count, first):
    """Makes count Moves of shard 0; returns the times (ms) at which each replica reported each one."""
    global target
    per_replica, per_change, per_master, per_index = [], [], [], {}
    for change in range(first, first + count):
        until("the previous move to finish", settled)
        current = latest()
        owner = current["shards"][0]
        to = 101 if owner == 100 else 100
        status, _ = call(sm_port(change % len(masters)), "POST", "/api/shardmaster/move", {"shard": 0, "gid": to})
        acked = time.time()
        if status >= 300:
            sys.exit("move refused: %d" % status)
        seen, seen_masters = {}, {}
        pollers = [threading.Thread(target=reached, args=(n[2], current["num"] + 1, acked, seen)) for n in kv]
        pollers += [threading.Thread(target=reached, args=(n[2], current["num"] + 1, acked, seen_masters,
                                                           "shardMaster")) for n in masters_nodes]
        for p in pollers: p.start()
        for p in pollers: p.join()
        if len(seen) < len(kv):
            sys.exit("configuration %d did not reach every replica within 30 s" % (current["num"] + 1))
        per_master += seen_masters.values()
        per_replica += seen.values()
        for n in kv:
            per_index.setdefault(n[1].rsplit("-", 1)[1], []).append(seen[n[2]])
        per_change.append(max(seen.values()))
        target = current["num"] + 1
    return per_replica, per_change, per_master, per_index

def report(title, count, results):
    per_replica, per_change, per_master, per_index = results
    print("\n## %s: %d Moves of shard 0 between groups 100 and 101" % (title, count))
    print("| measure | median | max |")
    print("|---|---|---|")
    print("| acknowledged Move → a shard master replica reports it applied (%d samples) | %.0f ms | %.0f ms |"
          % (len(per_master), statistics.median(per_master), max(per_master)))
    print("| acknowledged Move → a shardkv replica reports the configuration (%d samples) | %.0f ms | %.0f ms |"
          % (len(per_replica), statistics.median(per_replica), max(per_replica)))
    print("| acknowledged Move → every replica of both groups reports it | %.0f ms | %.0f ms |"
          % (statistics.median(per_change), max(per_change)))
    for index in sorted(per_index):
        print("| … shardkv replica %s of each group (%s) | %.0f ms | %.0f ms |" % (index,
              "the first to propose" if index == "0" else "waits its turn to propose",
              statistics.median(per_index[index]), max(per_index[index])))

# The first changes after a long idle run code the JIT has not compiled yet (the idle cluster never
# ran a proposal): they are reported apart from the steady state.
if warmup > 0:
    report("first changes after the idle minute (cold)", warmup, moves(warmup, 0))
report("then", changes, moves(changes, warmup))
EOF
