#!/usr/bin/env bash
# Writes the two secret files the kustomize base reads (kubernetes/base/secrets/*.env):
#   token.env     token=<48 hex chars>     bearer token of the sites' task and admin endpoints
#   postgres.env  password=<48 hex chars>  password of the database user "edgeoff"
# Existing files are kept (re-running never rotates a secret by accident); pass --force to rotate.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/base/secrets"
mkdir -p "$dir"
random_hex() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
write() {  # file key
  if [ -s "$dir/$1" ] && [ "${FORCE:-0}" != 1 ]; then
    echo "kept    $dir/$1"
  else
    (umask 077; printf '%s=%s\n' "$2" "$(random_hex)" > "$dir/$1")
    echo "wrote   $dir/$1"
  fi
}
[ "${1:-}" = --force ] && FORCE=1
write token.env token
write postgres.env password
