// Checks that Coolify will really do a health-gated rolling update for an
// application, for the settings the API cannot change (coolify.md, "Rolling
// update"): refused before anything is touched, each with what to do instead.
import type { CoolifyApplication } from './coolify-client';
import type { DeployTarget } from './load-resources';

export function rolloutBlockers(target: DeployTarget, current: CoolifyApplication): string[] {
  const blockers: string[] = [];
  const health = target.resource.health_check;
  // health_check_type/command are readable but not in PATCH /applications/{uuid}'s body.
  const type = current.health_check_type ?? 'http';
  if (type !== health.type) {
    blockers.push(
      health.type === 'cmd'
        ? `health check type is "${type}" but must be "cmd" with command \`${health.command}\` (the image has no curl/wget, so an HTTP check fails every deploy): set it in Coolify → ${target.name} → Configuration → Healthcheck`
        : `health check type is "${type}" but must be "${health.type}" (path ${health.path}, port ${health.port}): set it in Coolify → ${target.name} → Configuration → Healthcheck`,
    );
  } else if (health.type === 'cmd' && (current.health_check_command ?? '').trim() !== health.command) {
    blockers.push(
      `health check command is \`${current.health_check_command ?? ''}\` but must be \`${health.command}\`: set it in Coolify → ${target.name} → Configuration → Healthcheck`,
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
