// Polls GET /deployments/{uuid} until Coolify reports a final status. Coolify
// itself decides health: it keeps the old container when the new one does not
// become healthy and marks the deployment failed.
import type { CoolifyClient, CoolifyDeployment } from './coolify-client';

const SUCCEEDED = new Set(['finished']);
const FAILED = new Set(['failed', 'cancelled-by-user', 'cancelled-by-system', 'cancelled']);

export type DeploymentResult =
  { ok: true; deployment: CoolifyDeployment } | { ok: false; status: string; reason: string };

export interface WaitOptions {
  intervalMs: number;
  timeoutMs: number;
  onStatus?: (status: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export async function waitForDeployment(
  client: CoolifyClient,
  deploymentUuid: string,
  options: WaitOptions,
): Promise<DeploymentResult> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + options.timeoutMs;
  let last = '';
  for (;;) {
    const deployment = await client.getDeployment(deploymentUuid);
    if (deployment.status !== last) {
      last = deployment.status;
      options.onStatus?.(last);
    }
    if (SUCCEEDED.has(deployment.status)) return { ok: true, deployment };
    if (FAILED.has(deployment.status)) {
      return {
        ok: false,
        status: deployment.status,
        reason: `deployment ${deploymentUuid} ended "${deployment.status}"${lastLogLine(deployment.logs)}`,
      };
    }
    if (Date.now() >= deadline) {
      return {
        ok: false,
        status: deployment.status,
        reason: `deployment ${deploymentUuid} still "${deployment.status}" after ${options.timeoutMs / 1000} s (left running in Coolify; check its logs)`,
      };
    }
    await sleep(options.intervalMs);
  }
}

/** Coolify's deployment logs are a JSON array of entries; show the last output line. */
function lastLogLine(logs: string | undefined): string {
  if (!logs) return '';
  try {
    const entries = JSON.parse(logs) as { output?: string }[];
    const output = entries
      .filter((e) => !('hidden' in e && (e as { hidden?: boolean }).hidden))
      .at(-1)
      ?.output?.trim();
    return output ? `: ${output.slice(0, 300)}` : '';
  } catch {
    return '';
  }
}
