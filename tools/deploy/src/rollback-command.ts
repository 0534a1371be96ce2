// `zamio-deploy rollback`: redeploys the tags the applications ran before the
// last recorded release (or `--to <tag>` for all). Coolify still has those
// images. It restores images only: env is today's, and the schema is not
// rolled back (migrations are expand/contract, so the previous release runs on
// it). Reverse order, portals first and the bff last: an older portal works
// against the newer bff (its API only grows), a newer portal might call routes
// an older bff lacks.
import { EXIT, type DeployContext } from './deploy-context';
import { inspectApplications, isBlocked } from './inspect-applications';
import { printPlan } from './print-plan';
import { latestRelease, readReleaseLog } from './release-log';
import { runRecordedRollout } from './recorded-rollout';

export async function runRollback(context: DeployContext, to: string | undefined): Promise<number> {
  const { resources, out } = context;
  const log = readReleaseLog(context.statePath, resources.environment);
  let wanted: Map<string, string>;
  if (to) {
    wanted = new Map(resources.targets.map((t) => [t.name, to]));
  } else {
    const last = latestRelease(log);
    if (!last) {
      out(`No release recorded in ${context.statePath}; name the tag to go back to with --to <tag>.`);
      return EXIT.usage;
    }
    wanted = new Map(
      last.apps
        .filter((a) => a.outcome === 'deployed' && a.previous_tag && a.previous_tag !== a.tag)
        .map((a) => [a.name, a.previous_tag!]),
    );
    if (wanted.size === 0) {
      out(
        `The last release (${last.kind} ${last.tag}, ${last.outcome}) changed no application's tag: nothing to roll back.`,
      );
      return EXIT.ok;
    }
  }

  const targets = resources.targets.filter((t) => wanted.has(t.name)).reverse();
  out(
    `Rollback in ${resources.environment} (order: ${targets.map((t) => `${t.name} → ${wanted.get(t.name)}`).join(', ')}).`,
  );
  out(
    "Images only: today's env is kept and the database schema is not rolled back (expand/contract migrations keep the previous release working).",
  );
  // No env check: the schema that matters is the old image's, not this tool's.
  const inspections = await inspectApplications(
    context.client,
    targets,
    (t) => wanted.get(t.name)!,
    resources.environment,
    { checkEnv: false },
  );
  printPlan(inspections, out);
  const blocked = inspections.filter(isBlocked);
  if (blocked.length > 0) {
    out(`\nRefused: ${blocked.map((i) => i.target.name).join(', ')} (see ✗ above). Nothing was changed.`);
    return EXIT.config;
  }

  const ok = await runRecordedRollout(context, {
    log,
    kind: 'rollback',
    label: to ?? 'previous',
    inspections,
    tagOf: (i) => wanted.get(i.target.name)!,
    force: false,
  });
  out(ok ? '\nRolled back.' : '\nRollback failed (see ✗ above).');
  return ok ? EXIT.ok : EXIT.rolloutFailed;
}
