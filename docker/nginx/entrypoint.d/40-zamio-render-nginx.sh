#!/bin/sh
# Renders the portal's nginx config from env at every start (idempotent: the
# outputs are rewritten from the templates each time). Fails the start with a
# clear message on invalid values rather than serving a broken config.
set -eu
templates=/etc/nginx/zamio-templates
runtime=/etc/nginx/zamio-runtime

fail() { echo "zamio portal: $*" >&2; exit 1; }

PORT=${PORT:-8080}
case "$PORT" in ''|*[!0-9]*) fail "PORT must be a number, got '$PORT'" ;; esac
[ "$PORT" -ge 1024 ] && [ "$PORT" -le 65535 ] || fail "PORT must be an unprivileged port (1024-65535), got $PORT"

# Only an origin (scheme://host[:port]): a path would replace the request URI.
INTERNAL_API_URL=${INTERNAL_API_URL:-}
INTERNAL_API_URL=${INTERNAL_API_URL%/}
if [ -n "$INTERNAL_API_URL" ]; then
  printf '%s' "$INTERNAL_API_URL" | grep -Eq '^https?://[A-Za-z0-9._-]+(:[0-9]+)?$' \
    || fail "INTERNAL_API_URL must be http(s)://host[:port] with no path, got '$INTERNAL_API_URL'"
fi

# CSP connect-src additions: origins only, no quotes or semicolons.
CSP_CONNECT_SRC=${CSP_CONNECT_SRC:-}
case "$CSP_CONNECT_SRC" in *[\;\"\'\\]*) fail "CSP_CONNECT_SRC must be a space-separated list of origins" ;; esac

case "${HSTS:-false}" in
  true|1|yes) HSTS_HEADER='add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;' ;;
  *) HSTS_HEADER='# HSTS left to the edge proxy (set HSTS=true to send it from here)' ;;
esac

# Docker's DNS server(s) from resolv.conf (127.0.0.11 on user networks).
NGINX_RESOLVER=${NGINX_RESOLVER:-$(awk '/^nameserver/ { ip = $2; if (ip ~ /:/) ip = "[" ip "]"; printf "%s%s", sep, ip; sep = " " }' /etc/resolv.conf)}
[ -n "$NGINX_RESOLVER" ] || NGINX_RESOLVER=127.0.0.11

export PORT INTERNAL_API_URL CSP_CONNECT_SRC HSTS_HEADER NGINX_RESOLVER
vars='${PORT} ${INTERNAL_API_URL} ${CSP_CONNECT_SRC} ${HSTS_HEADER} ${NGINX_RESOLVER}'
envsubst "$vars" < "$templates/portal.conf.template" > /etc/nginx/conf.d/default.conf
envsubst "$vars" < "$templates/security-headers.conf.template" > "$runtime/security-headers.conf"
if [ -n "$INTERNAL_API_URL" ]; then
  envsubst "$vars" < "$templates/api-proxy.conf.template" > "$runtime/api-proxy.conf"
else
  cp "$templates/api-unconfigured.conf.template" "$runtime/api-proxy.conf"
  echo "zamio portal: INTERNAL_API_URL is empty; /api answers 503 (the portal must use an absolute API_BASE_URL)"
fi
echo "zamio portal: nginx config rendered (port $PORT, api ${INTERNAL_API_URL:-none}, resolver $NGINX_RESOLVER)"
