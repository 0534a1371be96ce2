// Checks, before anything is touched, the settings the API cannot change but a
// safe release depends on: what keeps Coolify from doing a health-gated rolling
// update (coolify.md, "Rolling update"), label management that would drop the
// proxy middlewares, and portals pointing at an address that does not resolve.
// Each refusal says what to do instead.
import type { ApplicationUpdate, CoolifyApplication } from './coolify-client';
import type { DeployTarget } from './load-resources';

export function rolloutBlockers(
  target: DeployTarget,
  current: CoolifyApplication,
  update: ApplicationUpdate,
): string[] {
  const blockers: string[] = [];
  if (update.custom_labels !== undefined && current.settings?.is_container_label_readonly_enabled) {
    blockers.push(
      `label management is "Managed by Coolify", which regenerates the labels on every domain change and drops the router middlewares (${target.resource.proxy_middlewares.join(', ')}): set Coolify → ${target.name} → Configuration → General → Container labels → Label management to "Managed manually" (the API cannot change it); zamio-deploy then writes the labels`,
    );
  }
  if (current.ports_mappings && current.ports_mappings.trim() !== '') {
    blockers.push(
      `has host port mappings (${current.ports_mappings}): Coolify cannot run two containers side by side, so it would stop the old one first; remove "Ports Mappings" and use the domain/proxy`,
    );
  }
  if (
    current.settings?.is_consistent_container_name_enabled ||
    (current.settings?.custom_internal_name ?? '') !== ''
  ) {
    blockers.push(
      'uses a fixed container name ("Consistent Container Name" or a custom internal name), which disables rolling updates: turn it off',
    );
  }
  if (/(^|\s)--ip[\s=]/.test(current.custom_docker_run_options ?? '')) {
    blockers.push('sets --ip in custom docker run options, which disables rolling updates: remove it');
  }
  return blockers;
}

/**
 * A portal must reach the bff by the alias the tool gives it: the container's
 * own name changes on every deploy and only databases answer to a bare uuid.
 */
export function internalApiProblems(target: DeployTarget, config: Record<string, unknown>): string[] {
  if (target.internalApiUrl === undefined) return [];
  const configured = String(config.INTERNAL_API_URL ?? '').replace(/\/+$/, '');
  if (configured === target.internalApiUrl) return [];
  return [
    `INTERNAL_API_URL is "${configured || '(unset)'}" but must be ${target.internalApiUrl} (the network alias zamio-deploy sets on ${target.resource.internal_api}; an application container is named <uuid>-<timestamp>, so http://<uuid>:3000 does not resolve)`,
  ];
}
