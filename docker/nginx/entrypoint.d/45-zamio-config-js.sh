#!/bin/sh
# Writes /config.js (served no-cache) from env at every start, so one image is
# promoted unchanged across environments:
#   window.__ZAMIO_CONFIG__ = {"apiBaseUrl":…,"environment":…,"version":…,"features":[…]};
# Strings are JSON-escaped here in POSIX sh + awk: backslash, double quote and
# control characters as JSON requires, plus < > & (and U+2028/2029 are left to
# the UTF-8 bytes, which JSON allows and ES2019 parses) as \u003c \u003e \u0026
# so the value can never close a <script> element.
set -eu
out=/etc/nginx/zamio-runtime/config.js

# json_string NAME: prints the environment variable NAME as a JSON string.
# Read through ENVIRON (no escape processing, unlike awk -v).
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

# FEATURE_FLAGS: comma-separated; blanks trimmed, empties and duplicates dropped.
features=''
seen=','
old_ifs=$IFS; IFS=','
for flag in ${FEATURE_FLAGS:-}; do
  IFS=$old_ifs
  flag=$(printf '%s' "$flag" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')
  [ -n "$flag" ] || continue
  case "$seen" in *",$flag,"*) continue ;; esac
  seen="$seen$flag,"
  features="${features:+$features,}$(json_string "$flag")"
done
IFS=$old_ifs

tmp="$out.tmp"
printf 'window.__ZAMIO_CONFIG__ = {"apiBaseUrl":%s,"environment":%s,"version":%s,"features":[%s]};\n' \
  "$(json_string "${API_BASE_URL:-/api}")" \
  "$(json_string "${ZAMIO_ENV:-production}")" \
  "$(json_string "${APP_VERSION:-0.0.0-dev}")" \
  "$features" > "$tmp"
mv "$tmp" "$out"
echo "zamio portal: wrote /config.js (environment ${ZAMIO_ENV:-production}, version ${APP_VERSION:-0.0.0-dev})"
