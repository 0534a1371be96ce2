// What each application should look like after a release, as the PATCH body
// Coolify takes, and the difference from what it looks like now.
import type { ApplicationUpdate, CoolifyApplication } from './coolify-client';
import type { DeployTarget } from './load-resources';
import { decodeLabels, encodeLabels, traefikLabels } from './traefik-labels';

export function desiredUpdate(
  target: DeployTarget,
  tag: string,
  current: CoolifyApplication,
): ApplicationUpdate {
  const health = target.resource.health_check;
  const domains = target.domains ?? current.fqdn ?? '';
  const port = Number(target.resource.ports_exposes.split(',')[0]);
  return {
    docker_registry_image_name: target.image,
    docker_registry_image_tag: tag,
    ports_exposes: target.resource.ports_exposes,
    ...(target.domains !== undefined ? { domains: target.domains } : {}),
    // Off by default in Coolify; without it a Docker Image app's new container
    // counts as ready at once and the old one is stopped: an outage.
    health_check_enabled: true,
    // Type and command are accepted by the controller though the published
    // OpenAPI omits them (contract/coolify-overlay.yaml).
    health_check_type: health.type,
    ...(health.type === 'cmd' ? { health_check_command: health.command! } : {}),
    health_check_path: health.path,
    health_check_port: String(health.port),
    health_check_interval: health.interval,
    health_check_timeout: health.timeout,
    health_check_retries: health.retries,
    health_check_start_period: health.start_period,
    ...(target.networkAlias !== undefined ? { custom_network_aliases: target.networkAlias } : {}),
    // The routers (and their middlewares) follow the domains set in this same PATCH.
    ...(domains !== ''
      ? {
          custom_labels: encodeLabels(
            traefikLabels({
              uuid: target.uuid,
              domains,
              port,
              middlewares: target.resource.proxy_middlewares,
              gzip: current.settings?.is_gzip_enabled ?? true,
              forceHttps: current.settings?.is_force_https_enabled ?? true,
            }),
          ),
        }
      : {}),
    stop_grace_period: target.resource.stop_grace_period,
    docker_images_to_keep: target.resource.docker_images_to_keep,
  };
}

export interface FieldChange {
  field: keyof ApplicationUpdate;
  from: unknown;
  to: unknown;
}

/** Fields whose current value differs from the desired one (labels compared decoded). */
export function changesOf(current: CoolifyApplication, update: ApplicationUpdate): FieldChange[] {
  const now: Record<keyof ApplicationUpdate, unknown> = {
    docker_registry_image_name: current.docker_registry_image_name,
    docker_registry_image_tag: current.docker_registry_image_tag,
    ports_exposes: current.ports_exposes,
    domains: current.fqdn,
    health_check_enabled: current.health_check_enabled,
    health_check_type: current.health_check_type,
    health_check_command: current.health_check_command,
    health_check_path: current.health_check_path,
    health_check_port: current.health_check_port,
    health_check_interval: current.health_check_interval,
    health_check_timeout: current.health_check_timeout,
    health_check_retries: current.health_check_retries,
    health_check_start_period: current.health_check_start_period,
    custom_network_aliases: current.custom_network_aliases,
    custom_labels: current.custom_labels,
    stop_grace_period: current.settings?.stop_grace_period,
    docker_images_to_keep: current.settings?.docker_images_to_keep,
  };
  const changes: FieldChange[] = [];
  for (const [field, to] of Object.entries(update) as [keyof ApplicationUpdate, unknown][]) {
    const from = now[field];
    const same =
      field === 'custom_labels'
        ? decodeLabels(from as string | null | undefined).join('\n') === decodeLabels(to as string).join('\n')
        : sameValue(from, to);
    if (!same) changes.push({ field, from: from ?? null, to });
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  return String(a) === String(b);
}
