#!/usr/bin/env bash
# The chaos runner (chaos/README.md): real node processes, a seeded fault schedule, recorded and
# checked histories, a report folder on a violation.
#
#   scripts/chaos.sh                      # the short run: every store, 60 s of chaos-API faults, fuzz pass
#   scripts/chaos.sh --long               # 30 minutes, 5 paxos-kv replicas, 3 shardkv groups
#   scripts/chaos.sh --minutes=N          # N minutes of faults
#   scripts/chaos.sh --netns --long       # as root: nodes in network namespaces, kernel packet faults too
#   scripts/chaos.sh --seed=N ...         # replay the schedule of a run that printed seed N
#
# Other options: --stores=paxos-kv,shardkv,pb --clients=N --kv-replicas=3|5 --shard-groups=2|3
# --planted-bug --fuzz=false --report (always write the report folder) --run-dir=DIR.
# Exit code: 0 every check passed, 1 a violation, 2 a check could not decide (UNKNOWN).
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
for arg in "$@"; do
  case "$arg" in
    --minutes) echo "use --minutes=N" >&2; exit 64 ;;
    *) args+=("$arg") ;;
  esac
done

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -q -B -DskipTests package
exec java -Xmx768m -jar chaos/target/chaos.jar "${args[@]}"
