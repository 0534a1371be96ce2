# The four portals (artist, station, publisher, admin) — one file, the portal
# picked by `--build-arg APP`. Vite builds minified, hashed, code-split,
# precompressed (.gz/.br) static files; nginx serves them unprivileged.
# Build from the repository root:
#   docker build -f docker/portal.Dockerfile --build-arg APP=artist .
#
# Bases: Debian, not Alpine — the same glibc userland as the Node stages, the
# official Debian nginx image ships curl for HEALTHCHECK (Alpine's has only
# busybox wget), and the CI stand-ins of ../shared/container-bases are Debian.
ARG NODE_IMAGE=node:24-bookworm-slim
ARG NGINX_IMAGE=nginx:1.28-bookworm

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

# --- runtime: nginx + static files, nothing else.
FROM ${NGINX_IMAGE} AS portal
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
# Read by the entrypoint scripts (config.js, headers); overridable at run time.
ENV APP_VERSION=${VERSION} \
    GIT_REVISION=${REVISION} \
    ZAMIO_PORTAL=${APP} \
    PORT=8080 \
    API_BASE_URL=/api \
    ZAMIO_ENV=production

COPY docker/nginx/install-brotli-static.sh /usr/local/sbin/zamio-install-brotli-static
# Unprivileged nginx (uid 101): no `user` directive, pid file and rendered
# config in places the nginx user owns; static files stay root-owned.
RUN set -eu; \
    sh /usr/local/sbin/zamio-install-brotli-static; \
    rm /usr/local/sbin/zamio-install-brotli-static; \
    sed -i -E 's#^\s*pid\s+[^;]+;#pid /tmp/nginx.pid;#; /^\s*user\s+[^;]+;/d' /etc/nginx/nginx.conf; \
    rm -f /etc/nginx/conf.d/*.conf /docker-entrypoint.d/*envsubst* /docker-entrypoint.d/*ipv6*; \
    rm -rf /usr/share/nginx/html/*; \
    mkdir -p /var/cache/nginx /etc/nginx/zamio-runtime; \
    chown -R nginx:nginx /var/cache/nginx /etc/nginx/conf.d /etc/nginx/zamio-runtime

COPY docker/nginx/templates/ /etc/nginx/zamio-templates/
COPY --chmod=0755 docker/nginx/entrypoint.d/ /docker-entrypoint.d/
COPY --from=build /workspace/dist/apps/${APP}/ /usr/share/nginx/html/
RUN rm -f /usr/share/nginx/html/config.js /usr/share/nginx/html/config.js.gz /usr/share/nginx/html/config.js.br

USER nginx
EXPOSE 8080
# nginx's master process is PID 1 as in the official image: it forwards
# nothing (it *is* the server), handles SIGQUIT as a graceful stop and reaps
# every child with waitpid(-1) — no separate init needed.
STOPSIGNAL SIGQUIT
HEALTHCHECK --interval=10s --timeout=3s --retries=3 --start-period=5s \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT:-8080}/healthz" || exit 1
