#!/bin/sh
# Adds brotli_static to the portal image when the base nginx can load it, and
# leaves gzip_static alone otherwise (every browser accepts gzip).
#  - Debian's nginx (the CI stand-in, nginx 1.22): libnginx-mod-http-brotli-static
#    from bookworm, loaded through /etc/nginx/modules-enabled.
#  - nginx.org's image (official nginx:*): its repository's nginx-module-brotli,
#    when published for that version, loaded with load_module.
# Writes /etc/nginx/zamio-brotli.conf: `brotli_static on;` or a comment.
set -eu
snippet=/etc/nginx/zamio-brotli.conf
echo '# brotli_static module not available in this nginx build; gzip_static only' > "$snippet"

apt-get update >/dev/null 2>&1 || { echo "brotli: apt-get update failed; gzip only"; exit 0; }
if dpkg -s nginx-common >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends libnginx-mod-http-brotli-static >/dev/null 2>&1 || true
elif apt-cache show nginx-module-brotli >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends nginx-module-brotli >/dev/null 2>&1 || true
fi
rm -rf /var/lib/apt/lists/*

module=$(find /usr/lib/nginx/modules /etc/nginx/modules -name 'ngx_http_brotli_static_module.so' 2>/dev/null | head -n1 || true)
[ -n "$module" ] || { echo "brotli: module not installable here; gzip only"; exit 0; }
if ! grep -Rqs brotli_static /etc/nginx/modules-enabled/ 2>/dev/null; then
  sed -i "1i load_module $module;" /etc/nginx/nginx.conf
fi
echo 'brotli_static on;' > "$snippet"
if nginx -t >/dev/null 2>&1; then
  echo "brotli: brotli_static enabled ($module)"
else
  # A module built for another nginx version fails to load: drop it, keep gzip.
  sed -i "\#^load_module $module;#d" /etc/nginx/nginx.conf
  echo '# brotli_static module failed to load; gzip_static only' > "$snippet"
  echo "brotli: module failed to load; gzip only"
fi
