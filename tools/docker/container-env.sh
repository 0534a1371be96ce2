# shellcheck shell=bash
# Source this before building images or running the container suite on a
# machine that cannot pull from Docker Hub (CI):
#   source tools/docker/container-env.sh && npm run test:containers
# It finds ../shared/container-bases (or $ZAMIO_CONTAINER_BASES), sources its
# docker-env.sh (dockerd, BuildKit, the proxy CA secret), builds the stand-in
# bases, and exports the base-image variables every build/compose step reads.
ZAMIO_CONTAINER_BASES=${ZAMIO_CONTAINER_BASES:-$(git rev-parse --show-toplevel)/../shared/container-bases}
if [ ! -f "$ZAMIO_CONTAINER_BASES/docker-env.sh" ]; then
  echo "container-env: no docker-env.sh in $ZAMIO_CONTAINER_BASES (set ZAMIO_CONTAINER_BASES)" >&2
  return 1 2>/dev/null || exit 1
fi
# shellcheck source=/dev/null
source "$ZAMIO_CONTAINER_BASES/docker-env.sh" || return 1
"$ZAMIO_CONTAINER_BASES/build-bases.sh" debian node postgres redis || return 1
export ZAMIO_CONTAINER_BASES
export NODE_IMAGE=zamio-base/node:24 DEBIAN_IMAGE=zamio-base/debian:bookworm-slim
export POSTGRES_IMAGE=zamio-base/postgres:15 REDIS_IMAGE=zamio-base/redis:7
