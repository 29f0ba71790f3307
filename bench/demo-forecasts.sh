#!/bin/bash
# Runs the default demo and prints every site's forecasts (best and svr) about every 5 s while it runs
# (docs/SITE.md, "Forecasts in the demo"). Usage: bench/demo-forecasts.sh [OUT_DIR]   (needs curl, python3)
set -u
OUT=${1:-out/demo-forecasts}
JAR=${JAR:-cli/target/edgeoff.jar}
rm -rf "$OUT"
java -jar "$JAR" demo --out "$OUT" > "$OUT.stdout" 2> "$OUT.stderr" &
DEMO=$!
start=$(date +%s.%N)
declare -A PORT
while kill -0 $DEMO 2>/dev/null; do
  for id in ED EC ER CD; do
    if [ -z "${PORT[$id]:-}" ] && [ -f "$OUT/sites/$id.log" ]; then
      p=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$OUT/sites/$id.log" | head -1 | sed 's/.*://')
      [ -n "$p" ] && PORT[$id]=$p
    fi
  done
  if [ ${#PORT[@]} -eq 4 ]; then
    t=$(python3 -c "import time; print(time.time() - $start)")
    for id in ED EC ER CD; do
      b=$(curl -s -m 2 "http://127.0.0.1:${PORT[$id]}/v1/availability?predictor=best")
      s=$(curl -s -m 2 "http://127.0.0.1:${PORT[$id]}/v1/availability?predictor=svr")
      python3 - "$t" "$id" "$b" "$s" <<'PY'
import json, sys
t, site, best, svr = sys.argv[1:]
def parse(x):
    try:
        d = json.loads(x)
        return d if 'forecast' in d else None
    except ValueError:
        return None
B, S = parse(best), parse(svr)
v = lambda d: "%.6f" % d['forecast'][0] if d else "down"
n = lambda d: "%d" % d['metrics'].get('trainingSlots', 0) if d else "-"
print("%7.1f %s best=%s svr=%s trainingSlots=%s" % (float(t), site, v(B), v(S), n(B)), flush=True)
PY
    done
  fi
  sleep 5
done
cat "$OUT.stdout"
