#!/usr/bin/env bash
# Measures the latency the NGINX proxy adds: starts one `edgeoff site` (EC) and nginx with
# deploy/nginx/ on free loopback ports, sends N sequential GET /v1/health with curl (one
# keep-alive connection), direct and through the proxy, and prints percentiles in milliseconds.
# Stops both when done. Needs cli/target/edgeoff.jar (with `edgeoff site`), nginx and curl.
#
#   deploy/nginx/measure-latency.sh [N]     (default N = 2000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-2000}"
work="$(mktemp -d)"
chmod 755 "$work"   # nginx workers (user nobody) use temp folders under it
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
site_port=$(free_port); proxy_port=$(free_port)
cleanup() {
  [ -n "${nginx_pid:-}" ] && kill "$nginx_pid" 2>/dev/null || true
  [ -n "${site_pid:-}" ] && kill "$site_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

EDGEOFF_SITE_TOKEN=measure-latency-token java -jar "$root/cli/target/edgeoff.jar" site --site EC --bind 127.0.0.1 \
  --port "$site_port" --data-dir "$work/data" > "$work/site.log" 2>&1 &
site_pid=$!
EDGEOFF_ED_ADDR=127.0.0.1:$site_port EDGEOFF_EC_ADDR=127.0.0.1:$site_port EDGEOFF_ER_ADDR=127.0.0.1:$site_port \
EDGEOFF_CD_ADDR=127.0.0.1:$site_port EDGEOFF_PROXY_LISTEN=127.0.0.1:$proxy_port \
  "$root/deploy/nginx/render.sh" > "$work/edgeoff.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 256; }
http { access_log off; client_body_temp_path $work/body; proxy_temp_path $work/proxy; include $work/edgeoff.conf; }
CONF
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$site_port/v1/health" >/dev/null 2>&1 && curl -fs "http://127.0.0.1:$proxy_port/ec/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done

measure() {  # url -> sorted per-request times in ms
  local url="$1" cfg="$work/curl.cfg"
  : > "$cfg"
  for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >> "$cfg"; done
  curl -s -K "$cfg" -w '%{time_total}\n' > /dev/null   # warm-up pass
  curl -s -K "$cfg" -w '%{time_total}\n' | awk '{printf "%.3f\n", $1 * 1000}' | sort -n
}
report() {  # label file
  awk -v label="$1" '{ v[NR] = $1 } END {
    printf "%-22s n=%d  p50 %.3f  p90 %.3f  p99 %.3f ms\n", label, NR,
      v[int(NR*0.50)], v[int(NR*0.90)], v[int(NR*0.99)] }' "$2"
}
measure "http://127.0.0.1:$site_port/v1/health" > "$work/direct.txt"
measure "http://127.0.0.1:$proxy_port/ec/v1/health" > "$work/proxied.txt"
echo "GET /v1/health, $n sequential requests on one keep-alive connection ($(nproc) cores)"
report "direct to the site" "$work/direct.txt"
report "through nginx" "$work/proxied.txt"
