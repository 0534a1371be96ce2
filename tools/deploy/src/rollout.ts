// Deploys applications one at a time in the given order: PATCH the image tag and
// health settings, queue the deployment, wait for Coolify's verdict. The first
// failure stops the rollout; Coolify has kept that app's old container, and its
// configured tag is put back — after a failed deployment and after any error
// once the tag was changed — so a later redeploy does not pick the failed one.
import type { ApplicationUpdate, CoolifyClient } from './coolify-client';
import type { DeployTarget } from './load-resources';
import { queueDeployment } from './queue-deployment';
import type { Release } from './release-log';
import { waitForDeployment, type WaitOptions } from './wait-for-deployment';

export interface RolloutStep {
  target: DeployTarget;
  update: ApplicationUpdate;
  previousTag: string | null;
  tag: string;
  /** Nothing differs: skip unless forced. */
  unchanged: boolean;
}

export interface RolloutOptions {
  client: CoolifyClient;
  steps: RolloutStep[];
  release: Release;
  /** Persists the release record after every step. */
  save: () => void;
  wait: Omit<WaitOptions, 'onStatus'> & { maxRetryDelayMs: number };
  out: (line: string) => void;
  force: boolean;
}

export async function runRollout(options: RolloutOptions): Promise<boolean> {
  const { steps, release } = options;
  release.apps = steps.map((step) => ({
    name: step.target.name,
    uuid: step.target.uuid,
    previous_tag: step.previousTag,
    tag: step.tag,
    outcome: 'pending',
  }));
  options.save();

  try {
    return await deployInOrder(options);
  } catch (error) {
    // A refused PATCH or an unreachable API mid-rollout: the record says where it stopped.
    release.outcome = 'failed';
    release.finished_at = new Date().toISOString();
    const current = release.apps.find((a) => a.outcome === 'pending');
    if (current) {
      current.outcome = 'failed';
      current.message = (error as Error).message;
    }
    for (const app of release.apps) if (app.outcome === 'pending') app.outcome = 'skipped';
    options.save();
    throw error;
  }
}

async function deployInOrder(options: RolloutOptions): Promise<boolean> {
  const { client, steps, release, out } = options;
  for (const [index, step] of steps.entries()) {
    const record = release.apps[index]!;
    const { name, uuid } = step.target;
    if (step.unchanged && !options.force) {
      record.outcome = 'unchanged';
      out(`= ${name}: already ${step.target.image}:${step.tag}, nothing to deploy`);
      options.save();
      continue;
    }
    out(`→ ${name}: ${step.previousTag ?? '(none)'} → ${step.tag}`);
    let result;
    try {
      // Inside the try: a PATCH that timed out may still have landed.
      await client.updateApplication(uuid, step.update);
      const deploymentUuid = await queueDeployment(client, uuid, name, { ...options.wait, out });
      record.deployment_uuid = deploymentUuid;
      options.save();
      result = await waitForDeployment(client, deploymentUuid, {
        ...options.wait,
        onStatus: (status) => out(`  ${name}: ${status}`),
      });
    } catch (error) {
      await restoreTag(options, step);
      throw error;
    }
    if (result.ok) {
      record.outcome = 'deployed';
      out(`✓ ${name}: running ${step.tag}`);
      options.save();
      continue;
    }

    record.outcome = 'failed';
    record.message = result.reason;
    out(`✗ ${name}: ${result.reason}`);
    out(
      `  Coolify kept the previous container of ${name}${step.previousTag ? ` (${step.previousTag})` : ''}.`,
    );
    await restoreTag(options, step);
    for (const skipped of release.apps.slice(index + 1)) skipped.outcome = 'skipped';
    const deployed = release.apps.filter((a) => a.outcome === 'deployed').map((a) => a.name);
    const notDeployed = release.apps.slice(index + 1).map((a) => a.name);
    if (notDeployed.length > 0) out(`  Not deployed: ${notDeployed.join(', ')}.`);
    if (deployed.length > 0)
      out(`  Already on ${step.tag}: ${deployed.join(', ')} (\`zamio-deploy rollback\` puts them back).`);
    release.outcome = 'failed';
    release.finished_at = new Date().toISOString();
    options.save();
    return false;
  }
  release.outcome = 'succeeded';
  release.finished_at = new Date().toISOString();
  options.save();
  return true;
}

/** Puts the application's configured tag back; a failure here is reported, not thrown over the cause. */
async function restoreTag(options: RolloutOptions, step: RolloutStep): Promise<void> {
  if (!step.previousTag || step.previousTag === step.tag) return;
  const { name, uuid } = step.target;
  try {
    await options.client.updateApplication(uuid, { docker_registry_image_tag: step.previousTag });
    options.out(`  ${name}'s configured tag is back to ${step.previousTag}.`);
  } catch (error) {
    options.out(
      `  ✗ could not put ${name}'s configured tag back to ${step.previousTag} (${(error as Error).message}): set it in Coolify before the next deploy`,
    );
  }
}
