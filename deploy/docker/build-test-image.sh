#!/usr/bin/env bash
# Builds the Jib image of the `image` profile offline, for checking it on a machine that cannot
# pull base images: the base is a tiny stand-in image made here (one layer, no Java), so the
# result holds exactly what Jib adds (classes, libraries, entrypoint, user, ports) and is only
# for inspection. deploy-tests' ContainerImageTest then runs the image's entrypoint with the
# host's java against the unpacked /app folder.
#
#   ./mvnw -B -q -pl cli -am install -DskipTests
#   deploy/docker/build-test-image.sh            -> cli/target/edgeoff-image-test.tar
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/cli/target/test-base-image"
rm -rf "$work" && mkdir -p "$work/root/etc"
echo 'ID=edgeoff-test-base' > "$work/root/etc/os-release"
tar --sort=name --owner=0 --group=0 --mtime=@0 -C "$work/root" -cf "$work/layer.tar" etc
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},"history":[{"created":"1970-01-01T00:00:00Z"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["edgeoff-test-base:1"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
tar -C "$work" -cf "$work/base.tar" manifest.json config.json layer.tar
cd "$root"
./mvnw -B -q ${MAVEN_OFFLINE:+-o} -Pimage -pl cli jib:buildTar \
  -Djib.from.image="tar://$work/base.tar" -Djib.from.platforms=linux/amd64 \
  -Djib.outputPaths.tar="$root/cli/target/edgeoff-image-test.tar"
echo "built $root/cli/target/edgeoff-image-test.tar"
