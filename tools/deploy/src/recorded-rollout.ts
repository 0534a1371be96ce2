// A release or rollback as one recorded unit: append it to the release log,
// roll the inspected applications out to their tags, save progress as it goes.
import type { DeployContext } from './deploy-context';
import type { AppInspection } from './inspect-applications';
import { writeReleaseLog, type Release, type ReleaseLog } from './release-log';
import { runRollout } from './rollout';

export interface RecordedRollout {
  log: ReleaseLog;
  kind: Release['kind'];
  /** The release's label in the log (a tag, or "previous"). */
  label: string;
  inspections: AppInspection[];
  tagOf: (inspection: AppInspection) => string;
  force: boolean;
}

export async function runRecordedRollout(context: DeployContext, rollout: RecordedRollout): Promise<boolean> {
  const release: Release = {
    kind: rollout.kind,
    tag: rollout.label,
    started_at: new Date().toISOString(),
    outcome: 'in-progress',
    apps: [],
  };
  rollout.log.releases.push(release);
  context.out('');
  return runRollout({
    client: context.client,
    release,
    save: () => writeReleaseLog(context.statePath, rollout.log),
    wait: context.wait,
    out: context.out,
    force: rollout.force,
    steps: rollout.inspections.map((i) => ({
      target: i.target,
      update: i.update,
      previousTag: i.current.docker_registry_image_tag ?? null,
      tag: rollout.tagOf(i),
      unchanged: i.changes.length === 0,
    })),
  });
}
