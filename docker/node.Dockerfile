# Node services (bff, worker) — one file, the app picked by `--build-arg APP`
# and `--target <app>`; plus a `dev` target for docker-compose (all deps,
# source bind-mounted). Build from the repository root:
#   docker build -f docker/node.Dockerfile --build-arg APP=bff --target bff .
#
# Base: Debian slim, not Alpine — glibc like the machines the lockfile was
# resolved on (native optional deps: esbuild, rolldown, nx), and the CI
# stand-ins of ../shared/container-bases are Debian too.
ARG NODE_IMAGE=node:24-bookworm-slim
ARG DEBIAN_IMAGE=debian:bookworm-slim
# Which app to build (bff or worker); the build stage refuses any other value.
# Declared here so `FROM os-${APP}` picks the app's OS layer ("unset" keeps the
# `dev` target, which needs no app, parseable).
ARG APP=unset

# --- manifests: every package.json + the lockfile, nothing else. Its output
# only changes when a manifest does, so the npm ci layer below stays cached
# across source edits (BuildKit keys COPY --from by content).
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN find . -type f ! -name package.json ! -name package-lock.json -delete \
 && find . -type d -empty -delete

# --- deps: the whole workspace's dependencies, dev tools included (builder only).
# --ignore-scripts: no install script runs; the `node` devDependency would
# otherwise download a second Node binary, and esbuild/nx/rolldown find their
# platform binaries through optional dependencies without scripts.
FROM ${NODE_IMAGE} AS deps
WORKDIR /workspace
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=false
COPY --from=manifests /src/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    --mount=type=secret,id=extra_ca,required=false \
    if [ -s /run/secrets/extra_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca; fi; \
    npm ci --ignore-scripts --no-audit --no-fund

# --- dev: what docker-compose runs with the source bind-mounted over
# /workspace and node_modules in a named volume (seeded from this layer).
FROM deps AS dev
# ffmpeg: the worker decodes AAC/M4A with it (the same as its production image).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=development
CMD ["npx", "tsx", "watch", "--clear-screen=false", "apps/bff/src/main.ts"]

# --- build: bundle the app (tools/build/build-node-app.mjs via nx).
FROM deps AS build
ARG APP
COPY . .
RUN case "$APP" in bff|worker) ;; *) echo "build arg APP is required (bff or worker)" >&2; exit 1;; esac; \
    npx nx build "$APP" --skip-nx-cache --outputStyle=static

# --- runtime-deps: production dependencies of the bundle only, installed from
# the pruned manifest + lockfile the build wrote (exact versions, integrity
# checked). Unchanged deps → byte-identical inputs → this layer stays cached.
FROM ${NODE_IMAGE} AS runtime-deps
ARG APP
WORKDIR /app
COPY --from=build /workspace/dist/apps/${APP}/package.json /workspace/dist/apps/${APP}/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    --mount=type=secret,id=extra_ca,required=false \
    if [ -s /run/secrets/extra_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/extra_ca; fi; \
    npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund \
 && find node_modules -type f \( -name '*.map' -o -name '*.ts' -o -name '*.mts' -o -name '*.cts' -o -name '*.md' \) -delete

# --- node-binary: only the runtime's node (the Node image's npm, corepack and
# yarn stay behind).
FROM ${NODE_IMAGE} AS node-binary
RUN node --version

# --- tini: a real init as PID 1 (forwards signals, reaps zombies — node does
# not reap orphans, and the bff's cluster primary forks). Installed from
# Debian in a throwaway stage; only the static binary is copied on.
FROM ${NODE_IMAGE} AS tini
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && cp /usr/bin/tini-static /tini \
 && rm -rf /var/lib/apt/lists/*

# --- runtime: the node binary, built JS + production node_modules, nothing else.
# Debian slim plus the node binary copied from the Node image, rather than the
# Node image itself: that one also ships npm, npx, corepack and yarn, which
# production never runs (and a deleting layer would not shrink the image).
# node needs only glibc, libstdc++ and libgcc, all in Debian slim.
# --- os-<app>: the operating-system layer of each app, before any per-commit
# ARG/ENV so it stays cached. The worker decodes AAC/M4A with Debian's ffmpeg
# (libs/audio; every other format decodes in-process); the bff decodes nothing.
FROM ${DEBIAN_IMAGE} AS os-bff

FROM ${DEBIAN_IMAGE} AS os-worker
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/* \
 && { ffmpeg -hide_banner -decoders 2>/dev/null | grep -q ' aac ' \
      || { echo "ffmpeg lacks its AAC decoder: the worker could not decode AAC/M4A" >&2; exit 1; }; }

FROM os-${APP} AS runtime
ARG APP
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
ARG CREATED=unknown
ARG SOURCE=https://github.com/zamio/zamio
RUN groupadd --gid 1000 node \
 && useradd --uid 1000 --gid node --shell /bin/sh --create-home node \
 && mkdir -p /var/lib/zamio/uploads && chown node:node /var/lib/zamio/uploads
COPY --from=tini /tini /usr/local/bin/tini
COPY --from=node-binary /usr/local/bin/node /usr/local/bin/node
LABEL org.opencontainers.image.title="zamio-${APP}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.vendor="ZamIO" \
      org.opencontainers.image.licenses="UNLICENSED"
# APP_VERSION/GIT_REVISION are what the apps report (/version, logs).
ENV NODE_ENV=production \
    APP_VERSION=${VERSION} \
    GIT_REVISION=${REVISION} \
    ZAMIO_ENV=production \
    LOG_PRETTY=false
WORKDIR /app
# Owned by root, readable by all: the app cannot rewrite its own code.
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /workspace/dist/apps/${APP}/ ./
# The one writable place (created above): mount a persistent volume at
# /var/lib/zamio/uploads and point UPLOAD_DIR at it.
USER node
ENTRYPOINT ["/usr/local/bin/tini", "--"]
STOPSIGNAL SIGTERM

# --- bff: HTTP API. The HEALTHCHECK is the readiness signal Traefik routes on
# (see coolify.md), with the same probe and numbers as Coolify's health check in
# coolify/resources.yaml. The probe is bash (/app/healthcheck.sh, a few ms), not
# a Node process per check (0.2–0.5 CPU-s, which overran a 1 s timeout on a
# busy host and flipped a healthy bff unhealthy). Docker starts the next probe
# `interval` after the last one ended, so a draining bff is out of Traefik's
# rotation at worst retries × (interval + timeout) + ~2 s throttle
# = 2 × (2 + 3) + 2 = 12 s after SIGTERM < SHUTDOWN_DRAIN_DELAY (15 s).
FROM runtime AS bff
EXPOSE 3000 9464
HEALTHCHECK --interval=2s --timeout=3s --retries=2 --start-period=30s CMD ["bash", "/app/healthcheck.sh"]
CMD ["node", "main.js"]

# --- worker: job consumer with its own small health port.
# --external-memory-accounted-in-global-limit: every capture it matches is decoded into fresh
# typed arrays (~4 MB for 10 s), and by default V8 starts a full mark-compact each time such
# ArrayBuffer memory has grown by a fixed amount, however much the heap has room for: a
# mark-compact every ~6 captures, a fifth of the matching CPU. With the flag V8 counts that
# memory within the heap's own limit and the short-lived buffers go with the young generation
# (docs/performance.md; tools/docker/test/image-node-flags.test.ts checks the effect on the
# Node this image runs). V8 flags cannot go in NODE_OPTIONS, hence the command line.
FROM runtime AS worker
ENV WORKER_HEALTH_PORT=3001
EXPOSE 3001 9464
HEALTHCHECK --interval=10s --timeout=3s --retries=3 --start-period=30s CMD ["bash", "/app/healthcheck.sh"]
CMD ["node", "--external-memory-accounted-in-global-limit", "main.js"]
