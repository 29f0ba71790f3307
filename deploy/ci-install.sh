#!/usr/bin/env bash
# Installs what the deployment tests need and CI machines may lack. Idempotent: does nothing when
# everything is there. Called from .ci/run before the build.
#   nginx    (Debian nginx-light)   deploy-tests NginxReverseProxyTest
#   dnsmasq  (Debian dnsmasq-base)  deploy-tests EdgeNodeConfigTest (dnsmasq --test)
#   kubectl  (package kubectl, where the machine's apt sources have it)  the manifest tests
# Debian's own kubernetes-client is 1.20, too old for the overlays' kustomize syntax (1.27+ needed),
# so it is never installed: without kubectl the manifest tests skip.
# A failed install only warns: the tests that need the tool skip themselves.
set -uo pipefail
missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
if ! command -v kubectl >/dev/null 2>&1 && apt-cache show kubectl >/dev/null 2>&1; then missing+=(kubectl); fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deploy/ci-install.sh: installing ${missing[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; } \
      || echo "warning: could not install ${missing[*]}; the tests that need them will be skipped" >&2
  else
    echo "warning: ${missing[*]} missing and apt-get unavailable (or not root); tests that need them will be skipped" >&2
  fi
fi
# Debian's nginx package starts a default server on port 80 where an init system runs; the tests
# start their own nginx on a free port and need none running.
exit 0
