# shellcheck shell=sh
# GENERATED from libs/env/src/schemas/portal.ts by tools/docker/render-portal-env.ts: do not edit.
# The portal container variables the entrypoint reads, one per line:
#   name|kind|default|choices   (durations in milliseconds, lists comma-separated)
ZAMIO_PORTAL_VARIABLES='
ZAMIO_ENV|text|local|local test staging production
APP_VERSION|text|0.0.0-dev|
PORT|port|8080|
API_BASE_URL|text|/api|
INTERNAL_API_URL|url||
FEATURE_FLAGS|list||
CSP_CONNECT_SRC|text||
SHUTDOWN_DRAIN_DELAY|duration|15000|
SHUTDOWN_TIMEOUT|duration|25000|
HSTS|flag|false|
'
