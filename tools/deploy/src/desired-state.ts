// What each application should look like after a release, as the PATCH body
// Coolify takes, and the difference from what it looks like now.
import type { ApplicationUpdate, CoolifyApplication } from './coolify-client';
import type { DeployTarget } from './load-resources';

export function desiredUpdate(target: DeployTarget, tag: string): ApplicationUpdate {
  const health = target.resource.health_check;
  return {
    docker_registry_image_name: target.image,
    docker_registry_image_tag: tag,
    ports_exposes: target.resource.ports_exposes,
    ...(target.domains !== undefined ? { domains: target.domains } : {}),
    // Off by default in Coolify; without it a Docker Image app's new container
    // counts as ready at once and the old one is stopped: an outage.
    health_check_enabled: true,
    health_check_path: health.path,
    health_check_port: String(health.port),
    health_check_interval: health.interval,
    health_check_timeout: health.timeout,
    health_check_retries: health.retries,
    health_check_start_period: health.start_period,
    stop_grace_period: target.resource.stop_grace_period,
    docker_images_to_keep: target.resource.docker_images_to_keep,
  };
}

export interface FieldChange {
  field: keyof ApplicationUpdate;
  from: unknown;
  to: unknown;
}

/** Fields whose current value differs from the desired one. */
export function changesOf(current: CoolifyApplication, update: ApplicationUpdate): FieldChange[] {
  const now: Record<keyof ApplicationUpdate, unknown> = {
    docker_registry_image_name: current.docker_registry_image_name,
    docker_registry_image_tag: current.docker_registry_image_tag,
    ports_exposes: current.ports_exposes,
    domains: current.fqdn,
    health_check_enabled: current.health_check_enabled,
    health_check_path: current.health_check_path,
    health_check_port: current.health_check_port,
    health_check_interval: current.health_check_interval,
    health_check_timeout: current.health_check_timeout,
    health_check_retries: current.health_check_retries,
    health_check_start_period: current.health_check_start_period,
    stop_grace_period: current.settings?.stop_grace_period,
    docker_images_to_keep: current.settings?.docker_images_to_keep,
  };
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(update) as [keyof ApplicationUpdate, unknown][]) {
    const from = now[field];
    if (!sameValue(from, to)) changes.push({ field, from: from ?? null, to });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return String(a) === String(b);
}
