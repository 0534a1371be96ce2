// What every command gets: the Coolify client, the environment's resources,
// where the release record lives, and where to print.
import type { CoolifyClient } from './coolify-client';
import type { LoadedResources } from './load-resources';
import type { WaitOptions } from './wait-for-deployment';

export interface DeployContext {
  client: CoolifyClient;
  resources: LoadedResources;
  statePath: string;
  wait: Omit<WaitOptions, 'onStatus'> & { maxRetryDelayMs: number };
  out: (line: string) => void;
}

/** sysexits.h codes, so a pipeline can tell a refused release from a failed one. */
export const EXIT = {
  ok: 0,
  rolloutFailed: 1,
  usage: 64,
  noInput: 66,
  unavailable: 69,
  noPermission: 77,
  config: 78,
} as const;
