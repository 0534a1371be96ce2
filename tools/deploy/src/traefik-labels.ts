// The Traefik labels of one Docker Image application, in the shape Coolify v4
// generates them (bootstrap/helpers/docker.php, fqdnLabelsForTraefik(): routers
// `https-<i>-<uuid>` / `http-<i>-<uuid>` per domain), plus our middlewares on
// the generated routers.
//
// Why the tool writes these at all: for a non-compose application Coolify
// deletes every custom label starting with `coolify.` before it deploys (and
// saves the deletion), so `coolify.traefik.middlewares=…` is silently dropped.
// The only way to attach `…@file` middlewares is the router's own label,
// `traefik.http.routers.<router>.middlewares=…`, which needs label management
// set to "Managed manually" (otherwise Coolify regenerates the labels whenever a
// domain changes and our middlewares disappear). The tool regenerates the whole
// set from the domains it sets in the same PATCH, so a domain change in
// resources.yaml moves the routers and their middlewares together.

export interface TraefikLabelInput {
  /** The application's uuid: router names are derived from it. */
  uuid: string;
  /** Comma-separated domains as Coolify stores them (`https://a.example,https://b.example`). */
  domains: string;
  /** The container port Traefik sends traffic to (the first exposed port). */
  port: number;
  /** `<name>@file` middlewares from the proxy's dynamic configuration, in order. */
  middlewares: readonly string[];
  /** Coolify's per-application "gzip" setting (on by default). */
  gzip: boolean;
  /** Coolify's "force https" setting (on by default): plain HTTP only redirects. */
  forceHttps: boolean;
}

export function traefikLabels(input: TraefikLabelInput): string[] {
  const labels = ['traefik.enable=true'];
  if (input.gzip) labels.push('traefik.http.middlewares.gzip.compress=true');
  labels.push('traefik.http.middlewares.redirect-to-https.redirectscheme.scheme=https');
  const domains = input.domains
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  for (const [index, domain] of domains.entries()) {
    const url = new URL(domain);
    const rule = `Host(\`${url.hostname}\`) && PathPrefix(\`${url.pathname || '/'}\`)`;
    const port = url.port === '' ? input.port : Number(url.port);
    const routed = [...(input.gzip ? ['gzip'] : []), ...input.middlewares];
    const https = `https-${index}-${input.uuid}`;
    const http = `http-${index}-${input.uuid}`;
    if (url.protocol === 'https:') {
      labels.push(
        `traefik.http.routers.${https}.rule=${rule}`,
        `traefik.http.routers.${https}.entryPoints=https`,
        `traefik.http.routers.${https}.service=${https}`,
        `traefik.http.services.${https}.loadbalancer.server.port=${port}`,
        ...(routed.length > 0 ? [`traefik.http.routers.${https}.middlewares=${routed.join(',')}`] : []),
        `traefik.http.routers.${https}.tls=true`,
        `traefik.http.routers.${https}.tls.certresolver=letsencrypt`,
      );
    }
    const httpMiddlewares = url.protocol === 'https:' && input.forceHttps ? ['redirect-to-https'] : routed;
    labels.push(
      `traefik.http.routers.${http}.rule=${rule}`,
      `traefik.http.routers.${http}.entryPoints=http`,
      `traefik.http.services.${http}.loadbalancer.server.port=${port}`,
      `traefik.http.routers.${http}.service=${http}`,
      ...(httpMiddlewares.length > 0
        ? [`traefik.http.routers.${http}.middlewares=${httpMiddlewares.join(',')}`]
        : []),
    );
  }
  return labels.sort();
}

/** Coolify's API takes and returns custom_labels base64-encoded, one label a line. */
export const encodeLabels = (labels: readonly string[]): string =>
  Buffer.from(labels.join('\n'), 'utf8').toString('base64');

export function decodeLabels(encoded: string | null | undefined): string[] {
  if (!encoded) return [];
  const text = Buffer.from(encoded, 'base64').toString('utf8');
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** `router → middlewares` of every router label, for plans and checks. */
export function routerMiddlewares(labels: readonly string[]): Map<string, string> {
  const routers = new Map<string, string>();
  for (const label of labels) {
    const match = /^traefik\.http\.routers\.([^.]+)\.middlewares=(.*)$/.exec(label);
    if (match) routers.set(match[1]!, match[2]!);
  }
  return routers;
}
