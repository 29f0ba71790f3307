#!/usr/bin/env bash
# Builds the edgeoff container image with podman on a machine that reaches no container registry,
# only Debian's package mirrors (docs/DEPLOYMENT.md, "Images without a registry"):
#
#   1. /etc/containers/containers.conf: no default ulimits, the cgroupfs cgroup manager, runc
#      (what podman needs on these machines; an existing file is left alone unless it lacks them);
#   2. the base image localhost/edgeoff-base:17-bookworm: Debian bookworm (minbase) with
#      openjdk-17-jre-headless, made by mmdebstrap and imported with `podman import`. The root file
#      system tar is cached in $EDGEOFF_CACHE (default ~/.cache/edgeoff), so only the first run on a
#      machine runs mmdebstrap (2-3 min on a loaded 2-core machine; an import from the cache ~15 s);
#   3. cli/target/edgeoff.jar, built (offline when MAVEN_OFFLINE=1) unless it exists;
#   4. the image localhost/edgeoff/edgeoff:0.1.0 from deploy/docker/Dockerfile with
#      `podman build --from` the local base (the Dockerfile's own FROM names a registry image).
#
# Needs root and the Debian packages podman, runc and mmdebstrap (--install installs them).
#   deploy/podman/build-images.sh [--install] [--base-only] [--rebuild-base] [--tag IMAGE]
#     --base-only     steps 1 and 2 (what .ci/run does before the build; the podman test builds the image)
#     --rebuild-base  run mmdebstrap again even if the base image or its cached tar exists
#     --tag IMAGE     name of the project image (default localhost/edgeoff/edgeoff:0.1.0)
# Then: podman run --rm --read-only -p 127.0.0.1:8080:8080 -v edgeoff-data:/var/lib/edgeoff \
#         -e EDGEOFF_SITE_TOKEN=... edgeoff/edgeoff:0.1.0 site --site EC --bind 0.0.0.0 --data-dir /var/lib/edgeoff
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
base_image=localhost/edgeoff-base:17-bookworm
image=localhost/edgeoff/edgeoff:0.1.0
cache="${EDGEOFF_CACHE:-$HOME/.cache/edgeoff}"
base_tar="$cache/base-bookworm-openjdk17.tar"
install=0
rebuild_base=0
base_only=0
while [ "$#" -gt 0 ]; do
  case "$1" in
    --install) install=1 ;;
    --base-only) base_only=1 ;;
    --rebuild-base) rebuild_base=1 ;;
    --tag) image="${2:?--tag needs an image name}"; shift ;;
    *) echo "usage: $0 [--install] [--base-only] [--rebuild-base] [--tag IMAGE]" >&2; exit 2 ;;
  esac
  shift
done
step() { printf '%s [%4ss] %s\n' "build-images" "$SECONDS" "$*"; }

if [ "$install" = 1 ]; then
  missing=()
  for tool in podman runc mmdebstrap; do command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    step "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# 1. podman's configuration on these machines.
conf=/etc/containers/containers.conf
if ! grep -qs '^default_ulimits *= *\[\]' "$conf" || ! grep -qs '^cgroup_manager *= *"cgroupfs"' "$conf"; then
  if [ -s "$conf" ] && grep -qv '^\s*\(#\|$\)' "$conf"; then
    echo "$conf exists without default_ulimits = [] / cgroup_manager = \"cgroupfs\": add them by hand" >&2
    exit 1
  fi
  step "writing $conf"
  mkdir -p /etc/containers
  cat > "$conf" <<'CONF'
# Written by edgeoff deploy/podman/build-images.sh: what podman needs on these machines.
[containers]
default_ulimits = []

[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
CONF
fi
podman=(podman --runtime runc)

# 2. The base image.
if [ "$rebuild_base" = 1 ] || ! "${podman[@]}" image exists "$base_image"; then
  if [ "$rebuild_base" = 1 ] || [ ! -s "$base_tar" ]; then
    step "mmdebstrap bookworm + openjdk-17-jre-headless -> $base_tar"
    mkdir -p "$cache"
    # Manual pages are left out, but openjdk's postinst links its man page into man1: the hook
    # creates that folder. No recommends: a JRE and its libraries only. The system PATH: the
    # filters run Debian's mmtarfilter once per package, with `env python3` (a pyenv shim first on
    # PATH made that several times slower).
    PATH=/usr/sbin:/usr/bin:/sbin:/bin mmdebstrap --quiet --format=tar --variant=minbase --include=openjdk-17-jre-headless \
      --aptopt='APT::Install-Recommends "false"' --dpkgopt=force-unsafe-io \
      --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
      --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
      --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
      bookworm "$base_tar.partial" \
      "deb http://deb.debian.org/debian bookworm main" \
      "deb http://deb.debian.org/debian bookworm-updates main" \
      "deb http://deb.debian.org/debian-security bookworm-security main"
    mv "$base_tar.partial" "$base_tar"
  fi
  step "podman import $base_tar -> $base_image"
  "${podman[@]}" import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    "$base_tar" "$base_image" >/dev/null
fi

if [ "$base_only" = 1 ]; then
  step "done: $base_image"
  exit 0
fi

# 3. The jar.
jar="$root/cli/target/edgeoff.jar"
if [ ! -s "$jar" ]; then
  step "building $jar"
  (cd "$root" && ./mvnw -B -q ${MAVEN_OFFLINE:+-o} -pl cli -am package -DskipTests)
fi

# 4. The image: the Dockerfile on the local base, with only the jar as build context.
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT
cp "$jar" "$context/edgeoff.jar"
step "podman build -> $image"
"${podman[@]}" build --quiet --from "$base_image" -f "$root/deploy/docker/Dockerfile" -t "$image" "$context" >/dev/null
step "done: $("${podman[@]}" image inspect --format '{{.Id}}' "$image" | cut -c1-12) $image"
