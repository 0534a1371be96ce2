// `zamio-deploy status`: what each application runs now, its health-check
// settings, and the last recorded release.
import type { DeployContext } from './deploy-context';
import { EXIT } from './deploy-context';
import { latestRelease, readReleaseLog } from './release-log';

export async function runStatus(context: DeployContext): Promise<number> {
  const { resources, out } = context;
  out(`Status of ${resources.environment}:`);
  for (const target of resources.targets) {
    const app = await context.client.getApplication(target.uuid);
    const health = app.health_check_enabled
      ? `health ${app.health_check_type ?? 'http'} ${app.health_check_type === 'cmd' ? app.health_check_command : `${app.health_check_path}:${app.health_check_port}`} every ${app.health_check_interval} s × ${app.health_check_retries}`
      : 'health check OFF (no rolling update safety)';
    out(
      `  ${target.name.padEnd(10)} ${(app.status ?? 'unknown').padEnd(18)} ${app.docker_registry_image_name ?? '?'}:${app.docker_registry_image_tag ?? '?'}  ${health}`,
    );
  }
  const last = latestRelease(readReleaseLog(context.statePath, resources.environment));
  if (last) {
    out(`Last release: ${last.kind} ${last.tag} ${last.outcome} (${last.started_at})`);
    for (const app of last.apps)
      out(`  ${app.name.padEnd(10)} ${app.previous_tag ?? '(none)'} → ${app.tag}: ${app.outcome}`);
  } else {
    out(`No release recorded in ${context.statePath}.`);
  }
  return EXIT.ok;
}
