#!/usr/bin/env bash
# Load benchmark: our offloading site (edgeoff site, Javalin) vs a Flask mimic of the seed's site
# (bench/flask-site/app.py under gunicorn), side by side in one run, with wrk on 127.0.0.1.
# Workload: POST /v1/tasks, zero-MI task of kind R, 1 KB input, 1 KB output, a fresh idempotency
# key per request. Prints requests/s and latency percentiles of both, the throughput ratio, and our
# latency at about half of our peak rate.
#
# Usage: bench/site-vs-flask.sh            (DURATION=20 CONNECTIONS=64 THREADS=2 FLASK_WORKERS=5)
# Needs: wrk, gunicorn, python3-flask (Debian packages), and the edgeoff jar (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
FLASK_WORKERS=${FLASK_WORKERS:-5}
SITE_PORT=${SITE_PORT:-18480}
FLASK_PORT=${FLASK_PORT:-18481}
TOKEN=bench-token-0123456789
export BENCH_TOKEN=$TOKEN FLASK_SITE_TOKEN=$TOKEN

for tool in wrk gunicorn java curl; do
  command -v "$tool" >/dev/null || { echo "site-vs-flask: $tool not found (apt-get install wrk gunicorn python3-flask)" >&2; exit 2; }
done
[ -f cli/target/edgeoff.jar ] || ./mvnw -B -q -pl cli -am package -DskipTests

work=$(mktemp -d)
site_pid=""; flask_pid=""
cleanup() {
  [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null || true
  [ -n "$flask_pid" ] && kill "$flask_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

java -Xmx512m -jar cli/target/edgeoff.jar site --site EC --port "$SITE_PORT" --token "$TOKEN" \
  --data-dir "$work/site-data" --queue 1024 --predictor mean >"$work/site.log" 2>&1 &
site_pid=$!
gunicorn -w "$FLASK_WORKERS" -b "127.0.0.1:$FLASK_PORT" --chdir bench/flask-site --log-level warning app:app \
  >"$work/flask.log" 2>&1 &
flask_pid=$!

wait_up() {
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "site-vs-flask: server on port $1 did not come up" >&2; cat "$work"/*.log >&2; exit 1
}
wait_up "$SITE_PORT"; wait_up "$FLASK_PORT"

run_wrk() { # port duration connections [delay_ms]
  BENCH_DELAY_MS=${4:-0} wrk -t"$THREADS" -c"$3" -d"$2s" --latency -s bench/post-task.lua "http://127.0.0.1:$1" \
    | grep '^RESULT' | sed 's/^RESULT //'
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

echo "warming up the JVM (10 s)..."
run_wrk "$SITE_PORT" 10 "$CONNECTIONS" >/dev/null
run_wrk "$FLASK_PORT" 5 "$CONNECTIONS" >/dev/null

site=$(run_wrk "$SITE_PORT" "$DURATION" "$CONNECTIONS")
flask=$(run_wrk "$FLASK_PORT" "$DURATION" "$CONNECTIONS")

site_rps=$(field "$site" rps); flask_rps=$(field "$flask" rps)
# Half of our peak: 8 connections, each pausing so that together they offer about site_rps / 2.
half_conns=8
delay=$(awk -v r="$site_rps" -v c=$half_conns 'BEGIN { d = 1000 * c / (r / 2); printf "%d", (d < 1 ? 1 : d) }')
half=$(run_wrk "$SITE_PORT" "$DURATION" "$half_conns" "$delay")

printf '\n%-34s %10s %9s %9s %9s %9s %8s\n' "server" "req/s" "p50 ms" "p90 ms" "p99 ms" "max ms" "non-2xx"
for row in "edgeoff site (Javalin, ${CONNECTIONS} conns)|$site" "Flask mimic (gunicorn -w ${FLASK_WORKERS}, ${CONNECTIONS} conns)|$flask" \
           "edgeoff site at ~half peak (${half_conns} conns, ${delay} ms pause)|$half"; do
  name=${row%%|*}; r=${row#*|}
  printf '%-34s %10s %9s %9s %9s %9s %8s\n' "$name" "$(field "$r" rps)" "$(field "$r" p50_ms)" \
    "$(field "$r" p90_ms)" "$(field "$r" p99_ms)" "$(field "$r" max_ms)" "$(field "$r" non2xx)"
done
awk -v a="$site_rps" -v b="$flask_rps" 'BEGIN { printf "\nthroughput ratio edgeoff/Flask: %.1fx\n", a / b }'
