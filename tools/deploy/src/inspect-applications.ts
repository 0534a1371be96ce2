// Reads every application's current state and environment from Coolify and
// works out, without changing anything, what a release to `tag` would change
// and what would stop it.
import type { ConfigError } from '@zamio/env';
import type { ApplicationUpdate, CoolifyApplication, CoolifyClient } from './coolify-client';
import { changesOf, desiredUpdate, type FieldChange } from './desired-state';
import { checkApplicationEnv } from './env-check';
import type { DeployTarget } from './load-resources';
import { internalApiProblems, rolloutBlockers } from './rollout-preconditions';
import { timingProblems } from './rollout-timing';
import { storageLayoutProblems } from './storage-layout';

export interface AppInspection {
  target: DeployTarget;
  current: CoolifyApplication;
  update: ApplicationUpdate;
  changes: FieldChange[];
  /** Rolling-update preconditions and timing problems: each one blocks the release. */
  blockers: string[];
  /** Invalid environment (blocks the release); undefined when valid or not checked. */
  envError?: ConfigError;
}

export async function inspectApplications(
  client: CoolifyClient,
  targets: DeployTarget[],
  tag: (target: DeployTarget, current: CoolifyApplication) => string,
  environment: string,
  options: { checkEnv: boolean },
): Promise<AppInspection[]> {
  const inspections: AppInspection[] = [];
  for (const target of targets) {
    const current = await client.getApplication(target.uuid);
    const update = desiredUpdate(target, tag(target, current), current);
    const blockers = rolloutBlockers(target, current, update);
    let envError: ConfigError | undefined;
    if (options.checkEnv) {
      const check = checkApplicationEnv(target, await client.listEnvs(target.uuid), environment);
      if (check.ok)
        blockers.push(
          ...timingProblems(timingInput(target, check.config)),
          ...internalApiProblems(target, check.config),
          ...storageLayoutProblems(target, check.config),
        );
      else envError = check.error;
    }
    inspections.push({ target, current, update, changes: changesOf(current, update), blockers, envError });
  }
  return inspections;
}

function timingInput(target: DeployTarget, config: Record<string, unknown>) {
  const ms = (key: string) => (typeof config[key] === 'number' ? (config[key] as number) : undefined);
  return {
    health: target.resource.health_check,
    stopGracePeriodS: target.resource.stop_grace_period,
    drainDelayMs: ms('SHUTDOWN_DRAIN_DELAY'),
    shutdownTimeoutMs: ms('SHUTDOWN_TIMEOUT'),
    keepAliveTimeoutMs: ms('KEEP_ALIVE_TIMEOUT'),
    // The bff is reached through Traefik and through the portals' proxies.
    routed: target.resource.domains.public !== false,
  };
}

export const isBlocked = (inspection: AppInspection) =>
  inspection.blockers.length > 0 || inspection.envError !== undefined;
