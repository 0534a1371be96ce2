// Renders docker/nginx/zamio-portal-env.sh — the portal container's variables,
// defaults and choices — from the one portal schema (libs/env/src/schemas/portal.ts).
// The nginx image has no Node, so the entrypoint cannot run libs/env; instead
// the data it needs is generated from the schema at build time and a test keeps
// the checked-in file in sync (and the shell checks in agreement with libs/env).
//   npx tsx tools/docker/render-portal-env.ts          # rewrite the file
//   npx tsx tools/docker/render-portal-env.ts --check  # exit 1 when it is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { portalSpec } from '@zamio/env';

export const PORTAL_ENV_PATH = fileURLToPath(
  new URL('../../docker/nginx/zamio-portal-env.sh', import.meta.url),
);

/**
 * How the entrypoint checks each variable (its validator in portal.ts). The
 * test fails when a portal variable has no kind here, so a new variable cannot
 * be forgotten.
 */
export const PORTAL_KINDS: Record<
  string,
  'text' | 'port' | 'flag' | 'list' | 'url' | 'duration' | 'integer'
> = {
  ZAMIO_ENV: 'text',
  APP_VERSION: 'text',
  PORT: 'port',
  PORTAL_HOST: 'text',
  PORTAL_PORT: 'integer',
  PORTAL_WATCH_POLLING: 'flag',
  API_BASE_URL: 'text',
  INTERNAL_API_URL: 'url',
  FEATURE_FLAGS: 'list',
  CSP_CONNECT_SRC: 'text',
  SHUTDOWN_DRAIN_DELAY: 'duration',
  SHUTDOWN_TIMEOUT: 'duration',
  HSTS: 'flag',
};

interface SpecEntry {
  default?: unknown;
  choices?: readonly unknown[];
  zamio: { environments?: readonly string[] };
}

/** Durations are handed to the shell in milliseconds, lists comma-joined, flags as true/false. */
function shellDefault(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

export function renderPortalEnv(): string {
  const rows: string[] = [];
  for (const [name, raw] of Object.entries(portalSpec)) {
    const spec = raw as unknown as SpecEntry;
    // Dev-server-only variables (local/test) mean nothing to the container.
    if (spec.zamio.environments !== undefined) continue;
    const kind = PORTAL_KINDS[name];
    if (!kind)
      throw new Error(
        `portal variable ${name} has no kind in PORTAL_KINDS (tools/docker/render-portal-env.ts)`,
      );
    const row = [name, kind, shellDefault(spec.default), (spec.choices ?? []).join(' ')];
    if (row.some((cell) => /[|'\n]/.test(cell)))
      throw new Error(`portal variable ${name}: | ' or newline in its data`);
    rows.push(row.join('|'));
  }
  return [
    '# shellcheck shell=sh',
    '# GENERATED from libs/env/src/schemas/portal.ts by tools/docker/render-portal-env.ts: do not edit.',
    '# The portal container variables the entrypoint reads, one per line:',
    '#   name|kind|default|choices   (durations in milliseconds, lists comma-separated)',
    "ZAMIO_PORTAL_VARIABLES='",
    ...rows,
    "'",
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rendered = renderPortalEnv();
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(
      `render-portal-env.ts — writes ${PORTAL_ENV_PATH} (the portals' runtime variables) from libs/env's portal schema\n\nusage: npx tsx tools/docker/render-portal-env.ts [--check]`,
    );
  } else if (process.argv.includes('--check')) {
    if (readFileSync(PORTAL_ENV_PATH, 'utf8') !== rendered) {
      console.error(`${PORTAL_ENV_PATH} is stale: run npx tsx tools/docker/render-portal-env.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(PORTAL_ENV_PATH, rendered);
    console.log(`wrote ${PORTAL_ENV_PATH}`);
  }
}
