// Gets one real deployment of an application queued, whatever Coolify is busy with.
//
// Two answers of POST /deploy are not what they seem (DeployController::by_uuids
// and queue_application_deployment() in Coolify v4):
//  - When a deployment of the application is already queued or running, Coolify
//    skips the request but still answers 200 with a freshly minted deployment uuid
//    ("Deployment already queued for this commit."): that uuid never exists and
//    polling it is a 404. The running one may have started before our PATCH, so it
//    can deploy the old image: wait until it ends, then ask again.
//  - A full deployment queue on the server is 429 with `Retry-After: 60`.
// Both are retried until the deploy timeout; anything else is an error.
import { CoolifyError, type CoolifyClient, type CoolifyDeployment } from './coolify-client';
import { waitForDeployment, type WaitOptions } from './wait-for-deployment';

export interface QueueOptions extends Omit<WaitOptions, 'onStatus'> {
  /** Longest pause between two attempts (a 429's Retry-After is honoured up to this). */
  maxRetryDelayMs: number;
  out: (line: string) => void;
}

/** Coolify's message when it skipped the request because one is queued or running. */
const ALREADY_QUEUED = /already queued/i;

export async function queueDeployment(
  client: CoolifyClient,
  appUuid: string,
  name: string,
  options: QueueOptions,
): Promise<string> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + options.timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    const backoffMs = Math.min(options.maxRetryDelayMs, options.intervalMs * 2 ** (attempt - 1));
    let queued;
    try {
      queued = await client.deploy(appUuid);
    } catch (error) {
      if (!(error instanceof CoolifyError) || error.status !== 429) throw error;
      const delayMs = Math.min(
        options.maxRetryDelayMs,
        error.retryAfterS !== undefined ? error.retryAfterS * 1000 : backoffMs,
      );
      if (Date.now() + delayMs > deadline)
        throw new CoolifyError(
          `Coolify's deployment queue stayed full for ${options.timeoutMs / 1000} s (429); ${name} was not deployed`,
          429,
        );
      options.out(`  ${name}: Coolify's deployment queue is full (429), retrying in ${delayMs / 1000} s`);
      await sleep(delayMs);
      continue;
    }

    const skipped = ALREADY_QUEUED.test(queued.message) || !(await exists(client, queued.deploymentUuid));
    if (!skipped) return queued.deploymentUuid;

    const running = (await client.listActiveDeployments()).filter((d) => belongsTo(d, appUuid));
    options.out(
      `  ${name}: Coolify skipped the request (${queued.message || 'its deployment uuid does not exist'}); ` +
        (running.length > 0
          ? `waiting for ${running.map((d) => d.deployment_uuid).join(', ')} to end, then deploying again`
          : 'retrying'),
    );
    for (const deployment of running) {
      const result = await waitForDeployment(client, deployment.deployment_uuid, {
        intervalMs: options.intervalMs,
        timeoutMs: Math.max(0, deadline - Date.now()),
        sleep,
      });
      if (!result.ok && result.status !== 'failed' && !result.status.startsWith('cancelled'))
        throw new CoolifyError(`${name}: ${result.reason}`, 0);
    }
    if (Date.now() + backoffMs > deadline)
      throw new CoolifyError(
        `Coolify kept skipping the deployment of ${name} for ${options.timeoutMs / 1000} s (another one is queued or running)`,
        409,
      );
    if (running.length === 0) await sleep(backoffMs);
  }
}

async function exists(client: CoolifyClient, deploymentUuid: string): Promise<boolean> {
  try {
    await client.getDeployment(deploymentUuid);
    return true;
  } catch (error) {
    if (error instanceof CoolifyError && error.status === 404) return false;
    throw error;
  }
}

/** GET /deployments carries no application uuid field, but its deployment_url does. */
const belongsTo = (deployment: CoolifyDeployment, appUuid: string) =>
  (deployment.deployment_url ?? '').includes(`/application/${appUuid}/`);
