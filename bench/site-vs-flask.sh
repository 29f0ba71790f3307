#!/usr/bin/env bash
# Load benchmark: our offloading site (edgeoff site, Javalin) vs a Flask mimic of the seed's site
# (bench/flask-site/app.py under gunicorn), side by side in one run, with wrk on 127.0.0.1.
# Workload: POST /v1/tasks, zero-MI task of kind R, 1 KB input, 1 KB output, a fresh idempotency
# key per request. Prints requests/s and latency percentiles of both, the throughput ratio, and our
# latency at about half of our peak rate.
#
# The two servers are measured alternately ROUNDS times (A B A B ...) so that a change in the load
# of a shared machine hits both; the table shows every round and the medians.
#
# Usage: bench/site-vs-flask.sh  (DURATION=10 ROUNDS=3 CONNECTIONS=64 THREADS=2 FLASK_WORKERS=5)
# Needs: wrk, gunicorn, python3-flask (Debian packages), and the edgeoff jar (built if missing).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
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

EDGEOFF_SITE_TOKEN="$TOKEN" java -Xmx512m -jar cli/target/edgeoff.jar site --site EC --port "$SITE_PORT" \
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

cpu_ticks() { # user+system CPU ticks of a process and its children (workers)
  local total=0 pid
  for pid in "$1" $(pgrep -P "$1" || true); do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
pid_of_port() { [ "$1" = "$SITE_PORT" ] && echo "$site_pid" || echo "$flask_pid"; }
run_wrk() { # port duration connections [delay_ms]; adds the server's CPU time per request (us)
  local pid before after result requests
  pid=$(pid_of_port "$1")
  before=$(cpu_ticks "$pid")
  result=$(BENCH_DELAY_MS=${4:-0} wrk -t"$THREADS" -c"$3" -d"$2s" --latency -s bench/post-task.lua \
    "http://127.0.0.1:$1" | grep '^RESULT' | sed 's/^RESULT //')
  after=$(cpu_ticks "$pid")
  requests=$(echo "$result" | tr ' ' '\n' | grep '^requests=' | cut -d= -f2)
  echo "$result cpu_us_per_req=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.0f", (n > 0 ? t * 1e6 / hz / n : 0) }')"
}
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

echo "warming up the JVM (2 x 10 s)..."
run_wrk "$SITE_PORT" 10 "$CONNECTIONS" >/dev/null
run_wrk "$SITE_PORT" 10 "$CONNECTIONS" >/dev/null
run_wrk "$FLASK_PORT" 5 "$CONNECTIONS" >/dev/null

site_runs=(); flask_runs=()
for round in $(seq 1 "$ROUNDS"); do
  site_runs+=("$(run_wrk "$SITE_PORT" "$DURATION" "$CONNECTIONS")")
  flask_runs+=("$(run_wrk "$FLASK_PORT" "$DURATION" "$CONNECTIONS")")
done
median_run() { # picks the run with the median rps
  for r in "$@"; do echo "$(field "$r" rps) $r"; done | sort -n | awk -v n=$# 'NR == int((n + 1) / 2) { $1 = ""; print substr($0, 2) }'
}
site=$(median_run "${site_runs[@]}")
flask=$(median_run "${flask_runs[@]}")
site_rps=$(field "$site" rps); flask_rps=$(field "$flask" rps)

# About half of our peak: connections that each pause 1 ms between requests. A 5 s calibration run
# (32 such connections) measures what one connection offers at that pause; the number of
# connections is then chosen so that together they offer half of our median peak (corrected once
# when the rate reached is outside 45-55 % of the peak). The row shows the rate reached, as a share
# of the peak.
calibration=$(run_wrk "$SITE_PORT" 5 32 1)
half_conns=$(awk -v peak="$site_rps" -v cal="$(field "$calibration" rps)" \
  'BEGIN { c = int(peak / 2 / (cal / 32) + 0.5); print (c < 2 ? 2 : c) }')
half=$(run_wrk "$SITE_PORT" "$DURATION" "$half_conns" 1)
half_share=$(awk -v h="$(field "$half" rps)" -v p="$site_rps" 'BEGIN { printf "%.0f", 100 * h / p }')
if [ "$half_share" -lt 45 ] || [ "$half_share" -gt 55 ]; then
  # Latency grows with the load, so one correction: scale the connections to the rate reached.
  half_conns=$(awk -v c="$half_conns" -v s="$half_share" 'BEGIN { n = int(c * 50 / s + 0.5); print (n < 2 ? 2 : n) }')
  half=$(run_wrk "$SITE_PORT" "$DURATION" "$half_conns" 1)
  half_share=$(awk -v h="$(field "$half" rps)" -v p="$site_rps" 'BEGIN { printf "%.0f", 100 * h / p }')
fi

row() { printf '%-52s %9s %8s %8s %8s %8s %8s %10s\n' "$1" "$(field "$2" rps)" "$(field "$2" p50_ms)" \
  "$(field "$2" p90_ms)" "$(field "$2" p99_ms)" "$(field "$2" max_ms)" "$(field "$2" non2xx)" \
  "$(field "$2" cpu_us_per_req)"; }
printf '\n%-52s %9s %8s %8s %8s %8s %8s %10s\n' "run" "req/s" "p50 ms" "p90 ms" "p99 ms" "max ms" "non-2xx" \
  "CPU us/req"
for i in $(seq 0 $((ROUNDS - 1))); do
  row "round $((i + 1)): edgeoff site ($CONNECTIONS conns)" "${site_runs[$i]}"
  row "round $((i + 1)): Flask mimic (gunicorn -w $FLASK_WORKERS, $CONNECTIONS conns)" "${flask_runs[$i]}"
done
row "median: edgeoff site" "$site"
row "median: Flask mimic" "$flask"
row "edgeoff site at $half_share % of peak ($half_conns conns, 1 ms pause)" "$half"
awk -v a="$site_rps" -v b="$flask_rps" 'BEGIN { printf "\nthroughput ratio edgeoff/Flask (medians): %.1fx\n", a / b }'
awk -v a="$(field "$site" cpu_us_per_req)" -v b="$(field "$flask" cpu_us_per_req)" \
  'BEGIN { if (a > 0) printf "server CPU time per request, Flask/edgeoff (medians): %.1fx\n", b / a }'
grep -o 'kernel .* paced time' "$work/site.log" | head -1 || true
