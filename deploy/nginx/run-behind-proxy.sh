#!/usr/bin/env bash
# One machine, the test-bed's shape: the four sites of the seed scenario as `edgeoff site`
# processes on loopback, deploy/nginx/ in front of them, and `edgeoff device` offloading through
# the proxy (http://127.0.0.1:<proxy>/ed, /ec, ...). Stops everything on exit or Ctrl-C.
# Needs cli/target/edgeoff.jar (./mvnw -B -q -pl cli -am package -DskipTests) and nginx.
#
#   deploy/nginx/run-behind-proxy.sh [EXECUTIONS] [POLICIES]     (default: 10 mdp,seed-mdp-svr,local)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
executions="${1:-10}"
policies="${2:-mdp,seed-mdp-svr,local}"
work="$(mktemp -d)"
token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

declare -A port
for site in ED EC ER CD; do
  port[$site]=$(free_port)
  EDGEOFF_SITE_TOKEN=$token java -jar "$root/cli/target/edgeoff.jar" site --config "$root/kubernetes/base/site/site.yaml" \
    --site "$site" --bind 127.0.0.1 --port "${port[$site]}" --data-dir "$work/$site" > "$work/$site.log" 2>&1 &
  pids+=($!)
done
proxy_port=$(free_port)
EDGEOFF_ED_ADDR=127.0.0.1:${port[ED]} EDGEOFF_EC_ADDR=127.0.0.1:${port[EC]} EDGEOFF_ER_ADDR=127.0.0.1:${port[ER]} \
EDGEOFF_CD_ADDR=127.0.0.1:${port[CD]} EDGEOFF_PROXY_LISTEN=127.0.0.1:$proxy_port \
  "$root/deploy/nginx/render.sh" > "$work/edgeoff.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 256; }
http { access_log off; client_body_temp_path $work/body; proxy_temp_path $work/proxy; include $work/edgeoff.conf; }
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
echo "waiting for the four sites behind http://127.0.0.1:$proxy_port ..." >&2
for _ in $(seq 1 120); do
  up=0
  for site in ed ec er cd; do curl -fs "http://127.0.0.1:$proxy_port/$site/v1/health" >/dev/null 2>&1 && up=$((up + 1)); done
  [ "$up" = 4 ] && break
  sleep 0.5
done
[ "$up" = 4 ] || { echo "sites did not come up; logs in $work" >&2; exit 1; }
cat > "$work/device.yaml" <<YAML
scenario: seed
token: $token
sites:
  ED: http://127.0.0.1:$proxy_port/ed
  EC: http://127.0.0.1:$proxy_port/ec
  ER: http://127.0.0.1:$proxy_port/er
  CD: http://127.0.0.1:$proxy_port/cd
policies: [$policies]
executions: $executions
seed: 1
emulateLinks: false
out: out/behind-proxy
YAML
java -jar "$root/cli/target/edgeoff.jar" device --config "$work/device.yaml"
