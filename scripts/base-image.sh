#!/usr/bin/env bash
# A JRE base image made from Debian packages, for machines where Docker Hub does not answer: a
# minimal Debian (debootstrap --variant=minbase) with openjdk-17-jre-headless, imported with
# `docker import`. The Dockerfile takes it through BASE_IMAGE:
#
#   sudo ./scripts/base-image.sh                  # builds ds/jre:17 unless it exists (FORCE=1: again)
#   BASE_IMAGE=ds/jre:17 docker-compose build     # or: docker build --build-arg BASE_IMAGE=ds/jre:17 ...
#
# Settings: IMAGE (ds/jre:17), DEBIAN_SUITE (bookworm), DEBIAN_MIRROR (http://deb.debian.org/debian),
# EXTRA_PACKAGES (comma-separated, added to the image). Needs root (debootstrap, chroot) and a
# reachable Debian mirror; installs debootstrap with apt-get when it is missing. Takes 2-5 minutes.
set -euo pipefail
IMAGE=${IMAGE:-ds/jre:17}
SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PACKAGES=openjdk-17-jre-headless${EXTRA_PACKAGES:+,$EXTRA_PACKAGES}

fail() { echo "base-image: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "needs root (debootstrap and chroot): run it with sudo"
docker info >/dev/null 2>&1 || fail "the Docker engine is not reachable ('docker info' failed)"
if [ "${FORCE:-0}" != 1 ] && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "base-image: $IMAGE exists (FORCE=1 builds it again)"
  exit 0
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "base-image: installing debootstrap"
  apt-get update -qq && NEEDRESTART_SUSPEND=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null \
    || fail "could not install debootstrap with apt-get"
fi

ROOT=$(mktemp -d /tmp/ds-base-image.XXXXXX)
trap 'umount "$ROOT/proc" 2>/dev/null || true; rm -rf "$ROOT"' EXIT
echo "base-image: debootstrap $SUITE from $MIRROR with $PACKAGES into $ROOT"
start=$SECONDS
debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOT" "$MIRROR" >"$ROOT.log" 2>&1 \
  || { tail -n 30 "$ROOT.log" >&2; fail "debootstrap failed (log: $ROOT.log)"; }
rm -f "$ROOT.log"
# What an image does not need: package lists and caches, documentation, locales but C.
chroot "$ROOT" apt-get clean
rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/*.bin "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/* \
  "$ROOT"/usr/share/info/* "$ROOT"/var/log/*.log
find "$ROOT/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2>/dev/null || true
JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$ROOT/usr/bin/java")")")
JAVA_HOME=${JAVA_HOME#"$ROOT"}
mount -t proc proc "$ROOT/proc"
VERSION=$(chroot "$ROOT" java -version 2>&1 | head -1) || fail "java does not run inside the new root: $VERSION"
umount "$ROOT/proc"

echo "base-image: importing as $IMAGE"
tar -C "$ROOT" --numeric-owner -c . | docker import \
  --change "ENV JAVA_HOME=$JAVA_HOME" \
  --change 'ENV LANG=C.UTF-8' \
  --change 'CMD ["bash"]' \
  - "$IMAGE" >/dev/null
echo "base-image: $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{ printf "%d MB", $1 / 1e6 }'), Debian $SUITE, $VERSION) in $((SECONDS - start)) s"
