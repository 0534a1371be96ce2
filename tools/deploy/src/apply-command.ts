// `zamio-deploy apply`: validate everything first, then roll out in dependency
// order (bff migrates under its advisory lock before it reports ready, then the
// worker, then the portals), stopping at the first failed deployment.
import { EXIT, type DeployContext } from './deploy-context';
import { inspectApplications, isBlocked } from './inspect-applications';
import { printPlan } from './print-plan';
import { readReleaseLog, writeReleaseLog, type Release } from './release-log';
import { runRollout } from './rollout';

export async function runApply(context: DeployContext, tag: string, force: boolean): Promise<number> {
  const { resources, out } = context;
  out(`Release ${tag} to ${resources.environment} (order: ${resources.targets.map((t) => t.name).join(' → ')}):`);
  const inspections = await inspectApplications(context.client, resources.targets, () => tag, resources.environment, { checkEnv: true });
  printPlan(inspections, out);
  const blocked = inspections.filter(isBlocked);
  if (blocked.length > 0) {
    out(`\nRefused: ${blocked.map((i) => i.target.name).join(', ')} cannot be deployed as configured (see ✗ above). Nothing was changed.`);
    return EXIT.config;
  }

  const log = readReleaseLog(context.statePath, resources.environment);
  const release: Release = { kind: 'apply', tag, started_at: new Date().toISOString(), outcome: 'in-progress', apps: [] };
  log.releases.push(release);
  out('');
  const ok = await runRollout({
    client: context.client,
    release,
    save: () => writeReleaseLog(context.statePath, log),
    wait: context.wait,
    out,
    force,
    steps: inspections.map((i) => ({
      target: i.target,
      update: i.update,
      previousTag: i.current.docker_registry_image_tag ?? null,
      tag,
      unchanged: i.changes.length === 0,
    })),
  });
  out(ok ? `\nReleased ${tag} to ${resources.environment}. Previous tags recorded in ${context.statePath}.` : `\nRelease ${tag} failed; recorded in ${context.statePath}.`);
  return ok ? EXIT.ok : EXIT.rolloutFailed;
}
