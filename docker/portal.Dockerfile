# The four portals (artist, station, publisher, admin) — one file, the portal
# picked by `--build-arg APP`. Vite builds minified, hashed, code-split,
# precompressed (.gz/.br) static files; nginx serves them unprivileged.
# Build from the repository root:
#   docker build -f docker/portal.Dockerfile --build-arg APP=artist .
#
# Bases: Debian, not Alpine — the same glibc userland as the Node stages,
# Debian's nginx with its brotli_static module, and the CI stand-ins of
# ../shared/container-bases are Debian.
ARG NODE_IMAGE=node:24-bookworm-slim
ARG DEBIAN_IMAGE=debian:bookworm-slim

# --- manifests / deps: identical to docker/node.Dockerfile, so BuildKit shares
# the one npm ci layer between all six images.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -type d -empty -delete

FROM ${NODE_IMAGE} AS deps
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=false
COPY --from=manifests /src/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    --mount=type=secret,id=extra_ca,required=false \
    if [ -s /run/secrets/extra_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca; fi; \
    npm ci --ignore-scripts --no-audit --no-fund

# --- build: `vite build` of the selected portal through nx → dist/apps/<app>.
FROM deps AS build
ARG APP
COPY . .
RUN test -n "$APP" || { echo "build arg APP is required (artist, station, publisher or admin)" >&2; exit 1; }; \
    npx nx build "$APP" --skip-nx-cache --outputStyle=static \
 && test -f "dist/apps/$APP/index.html" \
 && ! find "dist/apps/$APP" -name '*.map' | grep -q .

# --- runtime: Debian's nginx + static files, nothing else.
# Debian's nginx rather than nginx.org's image: its brotli_static module
# (libnginx-mod-http-brotli-static) is built for exactly that nginx, while
# nginx.org publishes none for its open-source packages; a portal without
# brotli would silently serve gzip only. This layer depends on the base image
# alone, so it stays cached across commits (per-commit ARG/ENV lines come after).
FROM ${DEBIAN_IMAGE} AS portal
RUN set -eu; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      nginx libnginx-mod-http-brotli-static curl gettext-base; \
    rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* /etc/nginx/conf.d/* /var/www/html; \
    module=$(find /usr/lib/nginx/modules -name ngx_http_brotli_static_module.so); \
    if [ -z "$module" ] || ! grep -Rqs brotli_static /etc/nginx/modules-enabled/; then \
      echo 'portal image: the brotli_static module is not installed; refusing to build a gzip-only portal' >&2; \
      exit 1; \
    fi; \
    groupadd --system --gid 101 nginx; \
    useradd --system --uid 101 --gid nginx --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin nginx; \
    mkdir -p /etc/nginx/zamio-runtime /usr/share/nginx/html /usr/local/lib/zamio; \
    chown nginx:nginx /etc/nginx/zamio-runtime

# Unprivileged nginx (uid 101): pid file, temp files and rendered config in
# places the nginx user owns; static files and scripts stay root-owned.
COPY docker/nginx/nginx.conf /etc/nginx/nginx.conf
COPY docker/nginx/templates/ /etc/nginx/zamio-templates/
COPY --chmod=0755 docker/nginx/zamio-portal /usr/local/bin/zamio-portal
COPY --chmod=0755 docker/nginx/zamio-portal-config.sh docker/nginx/zamio-portal-env.sh /usr/local/lib/zamio/

ARG APP
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=https://github.com/zamio/zamio
LABEL org.opencontainers.image.title="zamio-${APP}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.vendor="ZamIO" \
      org.opencontainers.image.licenses="UNLICENSED"
# The image's environment is production (like the Node images); every other
# default is the portal schema's (docker/nginx/zamio-portal-env.sh).
ENV APP_VERSION=${VERSION} \
    GIT_REVISION=${REVISION} \
    ZAMIO_PORTAL=${APP} \
    ZAMIO_ENV=production
COPY --from=build /workspace/dist/apps/${APP}/ /usr/share/nginx/html/
RUN rm -f /usr/share/nginx/html/config.js /usr/share/nginx/html/config.js.gz /usr/share/nginx/html/config.js.br

USER nginx
EXPOSE 8080
# zamio-portal is PID 1: it renders the config, runs nginx and drains on stop
# (/healthz 503 first, serve on for SHUTDOWN_DRAIN_DELAY, then a graceful quit).
STOPSIGNAL SIGTERM
# Readiness, the signal Traefik routes on: every 2 s, unhealthy after 2 misses.
# Docker starts the next probe `interval` after the last ended, so a draining
# portal leaves the rotation at worst 2 × (2 s + 3 s timeout) + ~2 s proxy
# throttle = 12 s after the stop < the 15 s drain; first look after 2 s.
HEALTHCHECK --interval=2s --timeout=3s --retries=2 --start-period=2s \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-8080}/healthz" || exit 1
CMD ["/usr/local/bin/zamio-portal"]
