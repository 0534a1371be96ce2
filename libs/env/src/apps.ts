// Every app's schema by name: what the CLI checks and the docs list.
import type { AppSchema } from './load-config';
import { bffSchema } from './schemas/bff';
import { workerSchema } from './schemas/worker';
import { portalSchema } from './schemas/portal';

export const APP_SCHEMAS = {
  bff: bffSchema,
  worker: workerSchema,
  portal: portalSchema,
} as const satisfies Record<string, AppSchema<never>>;
export type AppName = keyof typeof APP_SCHEMAS;
export const APP_NAMES = Object.keys(APP_SCHEMAS) as AppName[];

export const APP_TITLES: Record<AppName, string> = {
  bff: 'bff (API server)',
  worker: 'worker (background jobs)',
  portal: 'portals (artist, station, publisher, admin — nginx container and dev server)',
};
