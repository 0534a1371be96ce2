#!/bin/sh
# Reads and checks the portal container's configuration, then renders nginx's
# config and /config.js from it (idempotent: every start rewrites them).
#   zamio-portal-config.sh          check, render, print the export lines for the runner
#   zamio-portal-config.sh --check  check only; print NAME=value per variable (tests)
# Variables, defaults and choices come from zamio-portal-env.sh, generated from
# the one portal schema (libs/env/src/schemas/portal.ts); the checks below are
# that schema's rules, kept in agreement with libs/env by
# tools/docker/test/portal-env.test.ts. Invalid values stop the start with
# every problem named (exit 78, like the Node services) — never a broken config.
set -eu
here=$(dirname "$0")
# shellcheck source=zamio-portal-env.sh
. "${ZAMIO_PORTAL_ENV_FILE:-$here/zamio-portal-env.sh}"
templates=${ZAMIO_TEMPLATES:-/etc/nginx/zamio-templates}
runtime=${ZAMIO_RUNTIME:-/etc/nginx/zamio-runtime}

problems=''
problem() { problems="$problems  ✗ $1 $2
"; }
is_uint() { case "$1" in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }

# One pass over the generated table: default when blank, check by kind.
names=''
old_ifs=$IFS
IFS='
'
for row in $ZAMIO_PORTAL_VARIABLES; do
  IFS='|' read -r name kind default choices <<ROW
$row
ROW
  eval "value=\${$name-}"
  value=$(printf '%s' "$value" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
  [ -n "$value" ] || value=$default
  case "$kind" in
    port)
      if ! is_uint "$value" || [ "$value" -lt 1 ] || [ "$value" -gt 65535 ]; then
        problem "$name" "must be a TCP port (1-65535), got \"$value\""
      fi ;;
    flag)
      case "$value" in
        true | t | yes | on | 1) value=true ;;
        false | f | no | off | 0) value=false ;;
        *) problem "$name" "must be true or false, got \"$value\"" ;;
      esac ;;
    duration)
      number=$(printf '%s' "$value" | sed -n 's/^\([0-9][0-9]*\)\(ms\|s\|m\|h\)\{0,1\}$/\1/p')
      unit=$(printf '%s' "$value" | sed -n 's/^[0-9][0-9]*\(ms\|s\|m\|h\)$/\1/p')
      if [ -z "$number" ]; then
        problem "$name" "\"$value\" is not a duration (use e.g. 500ms, 30s, 5m)"
      else
        case "$unit" in
          s) value=$((number * 1000)) ;;
          m) value=$((number * 60000)) ;;
          h) value=$((number * 3600000)) ;;
          *) value=$number ;;
        esac
      fi ;;
    url)
      value=$(printf '%s' "$value" | sed 's#/*$##')
      if [ -n "$value" ] && ! printf '%s' "$value" | grep -Eq '^https?://[A-Za-z0-9._-]+(:[0-9]+)?$'; then
        problem "$name" "must be an origin (http(s)://host[:port]) without a path, got \"$value\""
      fi ;;
    list)
      value=$(printf '%s' "$value" | tr ',' '\n' | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d' | paste -sd, -) ;;
  esac
  if [ -n "$choices" ]; then
    case " $choices " in
      *" $value "*) ;;
      *) problem "$name" "must be one of: $choices (got \"$value\")" ;;
    esac
  fi
  eval "$name=\$value"
  names="$names $name"
done
IFS=$old_ifs

# The schema's cross-variable rules (portalSchema.refine).
if is_uint "$SHUTDOWN_DRAIN_DELAY" && is_uint "$SHUTDOWN_TIMEOUT" && [ "$SHUTDOWN_DRAIN_DELAY" -ge "$SHUTDOWN_TIMEOUT" ]; then
  problem SHUTDOWN_TIMEOUT "must be longer than SHUTDOWN_DRAIN_DELAY"
fi
case "$ZAMIO_ENV:$API_BASE_URL" in
  staging:http:* | production:http:*) problem API_BASE_URL "must be /api or an https:// URL in staging and production" ;;
  *:/* | *:http://* | *:https://*) ;;
  *) problem API_BASE_URL "must start with / (same origin) or be an absolute http(s) URL" ;;
esac
case "$API_BASE_URL" in
  /*) [ -n "$INTERNAL_API_URL" ] || problem INTERNAL_API_URL "is required when API_BASE_URL is the same-origin path $API_BASE_URL (the container proxies it to the bff)" ;;
esac
# CSP connect-src additions are pasted into a header: origins only.
case "$CSP_CONNECT_SRC" in *[\;\"\'\\]*) problem CSP_CONNECT_SRC "must be a space-separated list of origins" ;; esac

if [ -n "$problems" ]; then
  printf 'zamio portal: invalid configuration (nothing was started):\n%s' "$problems" >&2
  exit 78
fi
if [ "${1-}" = --check ]; then
  for name in $names; do eval "printf '%s=%s\n' \"\$name\" \"\$$name\""; done
  exit 0
fi

# --- render: nginx config, then /config.js.
case "$HSTS" in
  true) HSTS_HEADER='add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;' ;;
  *) HSTS_HEADER='# HSTS left to the edge proxy (set HSTS=true to send it from here)' ;;
esac
# Docker's DNS server(s) from resolv.conf (127.0.0.11 on user networks).
NGINX_RESOLVER=${NGINX_RESOLVER:-$(awk '/^nameserver/ { ip = $2; if (ip ~ /:/) ip = "[" ip "]"; printf "%s%s", sep, ip; sep = " " }' /etc/resolv.conf)}
[ -n "$NGINX_RESOLVER" ] || NGINX_RESOLVER=127.0.0.11
# nginx's own graceful-quit budget is what the drain leaves of the stop budget.
NGINX_SHUTDOWN_TIMEOUT_MS=$((SHUTDOWN_TIMEOUT - SHUTDOWN_DRAIN_DELAY))
export PORT INTERNAL_API_URL CSP_CONNECT_SRC HSTS_HEADER NGINX_RESOLVER NGINX_SHUTDOWN_TIMEOUT_MS
vars='${PORT} ${INTERNAL_API_URL} ${CSP_CONNECT_SRC} ${HSTS_HEADER} ${NGINX_RESOLVER} ${NGINX_SHUTDOWN_TIMEOUT_MS}'
envsubst "$vars" <"$templates/main.conf.template" >"$runtime/main.conf"
envsubst "$vars" <"$templates/portal.conf.template" >"$runtime/portal.conf"
envsubst "$vars" <"$templates/security-headers.conf.template" >"$runtime/security-headers.conf"
if [ -n "$INTERNAL_API_URL" ]; then
  envsubst "$vars" <"$templates/api-proxy.conf.template" >"$runtime/api-proxy.conf"
else
  cp "$templates/api-unconfigured.conf.template" "$runtime/api-proxy.conf"
fi

# /config.js: window.__ZAMIO_CONFIG__ = {...}; strings JSON-escaped in awk
# (backslash, quote, control characters; < > & as \u003c \u003e \u0026 so a
# value can never close a <script>), feature flags de-duplicated in order.
json_string() {
  ZAMIO_JSON_VALUE=$1 awk 'BEGIN {
    for (i = 1; i < 32; i++) ctrl[sprintf("%c", i)] = sprintf("\\u%04x", i)
    ctrl["\n"] = "\\n"; ctrl["\r"] = "\\r"; ctrl["\t"] = "\\t"; ctrl["\b"] = "\\b"; ctrl["\f"] = "\\f"
    ctrl["\\"] = "\\\\"; ctrl["\""] = "\\\""
    ctrl["<"] = "\\u003c"; ctrl[">"] = "\\u003e"; ctrl["&"] = "\\u0026"
    s = ENVIRON["ZAMIO_JSON_VALUE"]; r = ""
    for (i = 1; i <= length(s); i++) { c = substr(s, i, 1); r = r ((c in ctrl) ? ctrl[c] : c) }
    printf "\"%s\"", r
  }'
}
features=''
seen=','
IFS=','
for flag in $FEATURE_FLAGS; do
  case "$seen" in *",$flag,"*) continue ;; esac
  seen="$seen$flag,"
  features="${features:+$features,}$(json_string "$flag")"
done
IFS=$old_ifs
printf 'window.__ZAMIO_CONFIG__ = {"apiBaseUrl":%s,"environment":%s,"version":%s,"features":[%s]};\n' \
  "$(json_string "$API_BASE_URL")" "$(json_string "$ZAMIO_ENV")" "$(json_string "$APP_VERSION")" "$features" \
  >"$runtime/config.js.tmp"
mv "$runtime/config.js.tmp" "$runtime/config.js"
echo "zamio portal: config rendered (environment $ZAMIO_ENV, version $APP_VERSION, port $PORT, api ${INTERNAL_API_URL:-none}, drain ${SHUTDOWN_DRAIN_DELAY} ms)" >&2
printf 'ZAMIO_DRAIN_MS=%s\n' "$SHUTDOWN_DRAIN_DELAY"
