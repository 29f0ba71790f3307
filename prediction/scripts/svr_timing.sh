#!/usr/bin/env bash
# Fit + predict time of the seed SVR per seed candidate node, ours (LIBSVM in Java) against scikit-learn,
# side by side in one run. Same data, same split (chronological 80/20), same hyper-parameters; each side
# reports the minimum of 3 timed runs after loading the data (Java after two warm-up passes over all nodes,
# so that the JIT has compiled LIBSVM; Python needs no warm-up).
# Usage: prediction/scripts/svr_timing.sh [LANL.csv]     (needs /usr/bin/python3 with python3-sklearn)
set -euo pipefail
cd "$(dirname "$0")/../.."
LANL="${1:-${EDGEOFF_LANL_TRACE:-../shared/data/lanl/LA-UR-05-7318-failure-data-1996-2005.csv}}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
[ -f cli/target/edgeoff.jar ] || ./mvnw -B -q -pl cli -am package -DskipTests
/usr/bin/python3 prediction/scripts/sklearn_svr_golden.py "$LANL" > "$TMP/sklearn.json"
java -jar cli/target/edgeoff.jar predict timing --trace "$LANL" --model svr --repeat 3 --json > "$TMP/ours.json" 2>/dev/null
/usr/bin/python3 - "$TMP/sklearn.json" "$TMP/ours.json" <<'PY'
import json, sys, statistics
sk = {(n["system"], n["node"]): n for n in json.load(open(sys.argv[1]))["nodes"]}
ours = {(n["system"], n["node"]): n for n in json.load(open(sys.argv[2]))["nodes"]}
print("| node | days | sklearn ms | ours ms | ours / sklearn | NRMSE sklearn | NRMSE ours |")
print("|---|---|---|---|---|---|---|")
ratios, tsk, tus = [], 0.0, 0.0
for k, s in sk.items():
    o = ours[k]
    r = o["fitPredictSeconds"] / s["fitPredictSeconds"]
    ratios.append(r); tsk += s["fitPredictSeconds"]; tus += o["fitPredictSeconds"]
    print(f"| {k[0]}/{k[1]} | {s['slots']} | {s['fitPredictSeconds']*1e3:.1f} | {o['fitPredictSeconds']*1e3:.1f} | {r:.2f} | {s['testNrmse']:.5f} | {o['testNrmse']:.5f} |")
print(f"\ntotal: sklearn {tsk*1e3:.0f} ms, ours {tus*1e3:.0f} ms, ratio {tus/tsk:.2f}; median per-node ratio {statistics.median(ratios):.2f}")
PY
