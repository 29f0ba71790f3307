#!/usr/bin/env bash
# A/B load test of two builds of the site (two edgeoff jars) under the same wrk load as
# bench/site-vs-flask.sh: the jars are measured alternately, ROUNDS times each, so that a change in
# the machine's load hits both. For each run: requests/s, latency percentiles, and the CPU time per
# request of the server (user and system, from /proc/<pid>/stat) and of wrk (from /usr/bin/time,
# when installed).
#
# Usage: bench/site-ab.sh JAR_A [JAR_B]   (ROUNDS=3 DURATION=8 WARMUP=8 CONNECTIONS=64 THREADS=2)
# With one jar it just measures that one (ROUNDS runs).
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: bench/site-ab.sh JAR_A [JAR_B]" >&2; exit 2; }
for jar in "$@"; do
  [ -f "$jar" ] || { echo "site-ab: no such jar: $jar" >&2; exit 2; }
done
command -v wrk >/dev/null || { echo "site-ab: wrk not found (apt-get install wrk)" >&2; exit 2; }
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}
WARMUP=${WARMUP:-8}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PORT=${SITE_PORT:-18482}
export BENCH_TOKEN=bench-token-0123456789
hz=$(getconf CLK_TCK)

work=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

measure() { # jar label
  rm -rf "$work/data"
  EDGEOFF_SITE_TOKEN="$BENCH_TOKEN" java -Xmx512m -jar "$1" site --site EC --port "$PORT" --data-dir "$work/data" \
    --queue 1024 --predictor mean >"$work/site.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/v1/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/post-task.lua "http://127.0.0.1:$PORT" >/dev/null
  read -r user0 sys0 < <(awk '{ print $14, $15 }' "/proc/$pid/stat")
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$work/wrk-time" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency \
      -s bench/post-task.lua "http://127.0.0.1:$PORT" >"$work/wrk.out"
  else
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/post-task.lua \
      "http://127.0.0.1:$PORT" >"$work/wrk.out"
    echo "- -" >"$work/wrk-time"
  fi
  read -r user1 sys1 < <(awk '{ print $14, $15 }' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  result=$(grep '^RESULT' "$work/wrk.out")
  awk -v label="$2" -v r="$result" -v u=$((user1 - user0)) -v s=$((sys1 - sys0)) -v hz="$hz" \
    -v wt="$(cat "$work/wrk-time")" 'BEGIN {
      n = split(r, kv, " "); for (i = 2; i <= n; i++) { split(kv[i], p, "="); f[p[1]] = p[2] }
      split(wt, w, " ");
      wrk = (w[1] == "-") ? "-" : sprintf("%.1f", (w[1] + w[2]) * 1e6 / f["requests"]);
      printf "%-10s %9.1f %8.3f %8.3f %10.1f %10.1f %8s\n", label, f["rps"], f["p50_ms"], f["p99_ms"],
        u * 1e6 / hz / f["requests"], s * 1e6 / hz / f["requests"], wrk }'
}

printf '%-10s %9s %8s %8s %10s %10s %8s\n' "jar" "req/s" "p50 ms" "p99 ms" "user us/r" "sys us/r" "wrk us/r"
for round in $(seq 1 "$ROUNDS"); do
  measure "$1" A
  if [ $# -ge 2 ]; then
    measure "$2" B
  fi
done
