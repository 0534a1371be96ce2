// Replays what Coolify v4 does on a rolling update of a Docker Image
// application with its health check enabled (../shared/coolify.md): start the
// new container (with Coolify's own health check flags, the values of
// coolify/resources.yaml), wait start_period, poll its health up to
// `retries` times every `interval`; healthy → `docker stop --time=<grace>` the
// old one; unhealthy or still starting → remove the new one, keep the old one,
// report the deploy as failed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { docker, dockerBin, runCommand, workspaceRoot } from '@zamio/testing/docker-cli';

export interface HealthCheck {
  type: 'cmd' | 'http';
  command?: string;
  path?: string;
  port?: number;
  interval: number;
  retries: number;
  timeout: number;
  start_period: number;
}

export interface CoolifyApp {
  health_check: HealthCheck;
  stop_grace_period: number;
}

/** The applications of coolify/resources.yaml, as zamio-deploy reads them. */
export function coolifyApps(): Record<string, CoolifyApp> {
  const text = readFileSync(join(workspaceRoot, 'coolify/resources.yaml'), 'utf8');
  return (parse(text, { merge: true }) as { applications: Record<string, CoolifyApp> }).applications;
}

/** docker run flags for Coolify's health check of an application. */
export function healthFlags(check: HealthCheck): string[] {
  // Coolify's HTTP check runs curl inside the container against localhost.
  const command =
    check.type === 'cmd'
      ? check.command!
      : `curl -s -X GET -f http://localhost:${check.port}${check.path} > /dev/null`;
  return [
    '--health-cmd',
    command,
    '--health-interval',
    `${check.interval}s`,
    '--health-retries',
    String(check.retries),
    '--health-timeout',
    `${check.timeout}s`,
    '--health-start-period',
    `${check.start_period}s`,
  ];
}

export interface DeployOutcome {
  ok: boolean;
  newContainer: string;
  /** The container serving after the deploy (the new one, or the old one kept). */
  serving: string;
  reason?: string;
  startedAt: number;
  healthyAt?: number;
  /** When `docker stop` of the old one was issued, and when it returned. */
  stopIssuedAt?: number;
  stoppedAt?: number;
  oldExitCode?: number;
  /** The failed new container's last log lines (a failed deploy's report). */
  newLogs?: string;
}

export interface DeployRequest {
  app: CoolifyApp;
  old: string | undefined;
  name: string;
  /** Everything for `docker run -d` after the name and health flags: labels, env, network, image. */
  runArgs: string[];
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function rollingUpdate(request: DeployRequest): Promise<DeployOutcome> {
  const { app, old, name } = request;
  const check = app.health_check;
  const log = request.log ?? (() => undefined);
  const startedAt = Date.now();
  await docker('run', '-d', '--name', name, ...healthFlags(check), ...request.runArgs);
  log(
    `started ${name}; waiting start_period ${check.start_period}s, then ${check.retries} × ${check.interval}s`,
  );
  let healthy = false;
  let lastStatus = 'starting';
  // Coolify waits out the start period, then looks `retries` times.
  const firstLook = startedAt + check.start_period * 1000;
  while (Date.now() < firstLook) {
    await sleep(500);
    if ((lastStatus = await healthOf(name)) === 'exited') break;
  }
  // A first deploy has nothing to keep serving: the rehearsal then waits for it
  // as long as it takes (a slow shared machine), instead of Coolify's window.
  const looks = old ? check.retries : Math.ceil(180 / check.interval);
  for (let attempt = 0; attempt <= looks; attempt++) {
    const status = (lastStatus = await healthOf(name));
    if (status === 'healthy') {
      healthy = true;
      break;
    }
    if (status === 'exited') break;
    if (attempt < looks) await sleep(check.interval * 1000);
  }
  if (!healthy) {
    const newLogs = (await runCommand(dockerBin, ['logs', '--tail', '60', name])).output;
    const status = lastStatus;
    await runCommand(dockerBin, ['rm', '-f', '-v', name]);
    log(`${name} never became healthy (${status}): deploy failed, ${old ?? 'nothing'} keeps serving`);
    return {
      ok: false,
      newContainer: name,
      serving: old ?? '',
      reason: `new container ${status}`,
      startedAt,
      newLogs,
    };
  }
  const healthyAt = Date.now();
  log(`${name} healthy after ${((healthyAt - startedAt) / 1000).toFixed(1)} s`);
  if (!old) return { ok: true, newContainer: name, serving: name, startedAt, healthyAt };
  const stopIssuedAt = Date.now();
  await docker('stop', `--time=${app.stop_grace_period}`, old);
  const stoppedAt = Date.now();
  const oldExitCode = Number(await docker('inspect', '--format', '{{.State.ExitCode}}', old));
  log(`stopped ${old} (exit ${oldExitCode}) in ${((stoppedAt - stopIssuedAt) / 1000).toFixed(1)} s`);
  return {
    ok: true,
    newContainer: name,
    serving: name,
    startedAt,
    healthyAt,
    stopIssuedAt,
    stoppedAt,
    oldExitCode,
  };
}

/** healthy / unhealthy / starting / none (no health check) / exited. */
export async function healthOf(container: string): Promise<string> {
  const answer = await runCommand(dockerBin, [
    'inspect',
    '--format',
    '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}',
    container,
  ]);
  if (answer.code !== 0) return 'exited';
  const [state, health] = answer.output.trim().split(' ');
  return state === 'running' ? health! : 'exited';
}
