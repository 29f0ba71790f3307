#!/usr/bin/env bash
# Measures what a site pod uses under the device's load, to size the manifests' requests and limits:
# the four sites of the seed scenario as `edgeoff site` processes with the JVM flags of their
# containers (JAVA_TOOL_OPTIONS of the Deployment, and -XX:MaxRAM standing in for the container's
# memory limit, which the JVM reads from the cgroup in a pod), a `site monitor` sidecar beside each,
# and `edgeoff device` running the demo's policies against them. Every second it samples each
# process's resident memory (VmRSS) and CPU time (/proc/<pid>/stat); at the end it prints, per
# process, the peak RSS and the CPU used (mean over the device run and the busiest second).
#
# Usage: deploy/measure/site-footprint.sh [EXECUTIONS] [POLICIES]    (default 20, the demo's five)
# Needs cli/target/edgeoff.jar (./mvnw -B -q -pl cli -am package -DskipTests). Linux only (/proc).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/cli/target/edgeoff.jar"
executions="${1:-20}"
policies="${2:-mdp,seed-mdp-svr,efpo,reactive,local}"
site_limit="${EDGEOFF_SITE_MAX_RAM:-512m}"      # the single-node overlay's site memory limit
monitor_limit="${EDGEOFF_MONITOR_MAX_RAM:-128m}" # the failure-monitor container's memory limit
# the failure-monitor container's JAVA_TOOL_OPTIONS (kubernetes/base/site/deployment.yaml)
monitor_flags="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=16m -XX:+ExitOnOutOfMemoryError"
[ -f "$jar" ] || { echo "site-footprint: $jar not found; build it first" >&2; exit 2; }
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
token="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
declare -A name_of
sites=(ED EC ER CD)
yaml="scenario: seed
token: $token
sites:"
for id in "${sites[@]}"; do
  port=$(free_port)
  mkdir -p "$work/$id"
  EDGEOFF_SITE_TOKEN=$token java -XX:MaxRAM=$site_limit -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError \
    -jar "$jar" site --config "$root/kubernetes/base/site/site.yaml" --site "$id" --bind 127.0.0.1 --port "$port" \
    --data-dir "$work/$id" > "$work/$id.log" 2>&1 &
  pids+=($!); name_of[$!]="site-$id"
  java -XX:MaxRAM=$monitor_limit $monitor_flags -jar "$jar" site monitor \
    --data-dir "$work/$id" --url "http://127.0.0.1:$port/v1/health/live" --poll-millis 500 > "$work/$id-monitor.log" 2>&1 &
  pids+=($!); name_of[$!]="monitor-$id"
  yaml="$yaml
  $id: http://127.0.0.1:$port"
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$port/v1/health" >/dev/null 2>&1 && break
    sleep 1
  done
done
printf '%s\npolicies: [%s]\nexecutions: %s\nseed: 1\nemulateLinks: true\nout: %s\n' "$yaml" "$policies" \
  "$executions" "$work/out" > "$work/device.yaml"

hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
declare -A peak_rss start_ticks last_ticks peak_cpu
for p in "${pids[@]}"; do peak_rss[$p]=$(rss_kb "$p"); start_ticks[$p]=$(ticks "$p"); last_ticks[$p]=${start_ticks[$p]}; peak_cpu[$p]=0; done
java -jar "$jar" device --config "$work/device.yaml" > "$work/device.log" 2>&1 &
device=$!
started=$(date +%s.%N)
while kill -0 "$device" 2>/dev/null; do
  sleep 1
  for p in "${pids[@]}"; do
    r=$(rss_kb "$p"); [ "$r" -gt "${peak_rss[$p]}" ] && peak_rss[$p]=$r
    t=$(ticks "$p"); d=$((t - last_ticks[$p])); last_ticks[$p]=$t
    [ "$d" -gt "${peak_cpu[$p]}" ] && peak_cpu[$p]=$d
  done
done
wait "$device" || { echo "site-footprint: the device failed:" >&2; tail -20 "$work/device.log" >&2; exit 1; }
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
echo "device run: $executions executions of $policies in ${elapsed%.*} s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %14s %18s %18s\n' process "peak RSS MiB" "mean CPU (cores)" "busiest 1 s (cores)"
for p in "${pids[@]}"; do
  used=$((last_ticks[$p] - start_ticks[$p]))
  printf '%-12s %14.0f %18.3f %18.2f\n' "${name_of[$p]}" "$(echo "${peak_rss[$p]} / 1024" | bc -l)" \
    "$(echo "$used / $hz / $elapsed" | bc -l)" "$(echo "${peak_cpu[$p]} / $hz" | bc -l)"
done
