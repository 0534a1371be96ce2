#!/bin/bash
# Container health probe of the Node images (bff, worker), for their
# HEALTHCHECK and Coolify's command health check (`bash /app/healthcheck.sh`:
# plain characters only, as Coolify requires). GET http://127.0.0.1:<port><path>
# over bash's /dev/tcp; exit 0 on a 2xx status line, 1 otherwise.
#
# Why bash and not `node healthcheck.js`: a probe runs every 2 s, and a fresh
# Node process costs 0.2–0.5 CPU-seconds — a fifth of a core for health checks
# alone, and on a busy 2-core host it overran the probe timeout, so a healthy
# bff was marked unhealthy and Traefik dropped it (404s; docs/reliability.md).
# bash is already in the Debian base (no curl/wget there) and costs a few
# milliseconds. bff: /readyz on PORT — readiness is what Traefik routes on, so
# it fails from the first moment of a shutdown. worker: /readyz on
# WORKER_HEALTH_PORT.
if [[ ${1:-} == --help || ${1:-} == -h ]]; then
  printf '%s\n' \
    'healthcheck.sh — GET http://127.0.0.1:<port><path>; exit 0 on 2xx, 1 otherwise' \
    'env: HEALTHCHECK_PORT, WORKER_HEALTH_PORT or PORT (default 3000); HEALTHCHECK_PATH;' \
    '     HEALTHCHECK_TIMEOUT (seconds to wait for the status line, default 2)' \
    '' \
    'usage: bash healthcheck.sh [path]   (default /readyz)'
  exit 0
fi

port=${HEALTHCHECK_PORT:-${WORKER_HEALTH_PORT:-${PORT:-3000}}}
path=${HEALTHCHECK_PATH:-${1:-/readyz}}
wait_s=${HEALTHCHECK_TIMEOUT:-2}

if ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
  echo "healthcheck: nothing accepts connections on 127.0.0.1:$port" >&2
  exit 1
fi
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
if ! read -r -t "$wait_s" _ status _ <&3; then
  echo "healthcheck: no answer from 127.0.0.1:$port$path within ${wait_s}s" >&2
  exit 1
fi
if [[ $status != 2[0-9][0-9] ]]; then
  echo "healthcheck: 127.0.0.1:$port$path answered ${status:-nothing}" >&2
  exit 1
fi
exit 0
