// `zamio-deploy apply`: validate everything first, then roll out in dependency
// order (bff migrates under its advisory lock before it reports ready, then the
// worker, then the portals), stopping at the first failed deployment.
import { EXIT, type DeployContext } from './deploy-context';
import { inspectApplications, isBlocked } from './inspect-applications';
import { printPlan } from './print-plan';
import { readReleaseLog } from './release-log';
import { runRecordedRollout } from './recorded-rollout';

export async function runApply(context: DeployContext, tag: string, force: boolean): Promise<number> {
  const { resources, out } = context;
  out(
    `Release ${tag} to ${resources.environment} (order: ${resources.targets.map((t) => t.name).join(' → ')}):`,
  );
  const inspections = await inspectApplications(
    context.client,
    resources.targets,
    () => tag,
    resources.environment,
    { checkEnv: true },
  );
  printPlan(inspections, out);
  const blocked = inspections.filter(isBlocked);
  if (blocked.length > 0) {
    out(
      `\nRefused: ${blocked.map((i) => i.target.name).join(', ')} cannot be deployed as configured (see ✗ above). Nothing was changed.`,
    );
    return EXIT.config;
  }

  const log = readReleaseLog(context.statePath, resources.environment);
  const ok = await runRecordedRollout(context, {
    log,
    kind: 'apply',
    label: tag,
    inspections,
    tagOf: () => tag,
    force,
  });
  out(
    ok
      ? `\nReleased ${tag} to ${resources.environment}. Previous tags recorded in ${context.statePath}.`
      : `\nRelease ${tag} failed; recorded in ${context.statePath}.`,
  );
  return ok ? EXIT.ok : EXIT.rolloutFailed;
}
