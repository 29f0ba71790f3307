#!/usr/bin/env bash
# Renders edgeoff-sites.conf.template to standard output, replacing only the EDGEOFF_* variables
# (nginx's own $host, $remote_addr ... are left alone). Defaults: the four sites of
# `edgeoff demo`-style local runs on 127.0.0.1:8081-8084, proxy on 0.0.0.0:8080.
#
#   EDGEOFF_ED_ADDR=10.8.0.11:8080 EDGEOFF_EC_ADDR=10.8.0.12:8080 \
#   EDGEOFF_ER_ADDR=10.8.0.13:8080 EDGEOFF_CD_ADDR=10.8.0.1:8080 \
#   deploy/nginx/render.sh > /etc/nginx/conf.d/edgeoff.conf && nginx -t && nginx -s reload
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
: "${EDGEOFF_ED_ADDR:=127.0.0.1:8081}"
: "${EDGEOFF_EC_ADDR:=127.0.0.1:8082}"
: "${EDGEOFF_ER_ADDR:=127.0.0.1:8083}"
: "${EDGEOFF_CD_ADDR:=127.0.0.1:8084}"
: "${EDGEOFF_PROXY_LISTEN:=8080}"
: "${EDGEOFF_PROXY_CONNECT_TIMEOUT:=2s}"
: "${EDGEOFF_PROXY_READ_TIMEOUT:=60s}"
export EDGEOFF_ED_ADDR EDGEOFF_EC_ADDR EDGEOFF_ER_ADDR EDGEOFF_CD_ADDR \
       EDGEOFF_PROXY_LISTEN EDGEOFF_PROXY_CONNECT_TIMEOUT EDGEOFF_PROXY_READ_TIMEOUT
# Plain bash substitution (no gettext needed): every ${EDGEOFF_NAME} in the template.
template="$(cat "$here/edgeoff-sites.conf.template")"
while [[ "$template" =~ \$\{(EDGEOFF_[A-Z_]+)\} ]]; do
  name="${BASH_REMATCH[1]}"
  if [ -z "${!name+x}" ]; then echo "render.sh: $name is not set" >&2; exit 2; fi
  template="${template//\$\{$name\}/${!name}}"
done
printf '%s\n' "$template"
