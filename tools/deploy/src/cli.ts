// zamio-deploy: plan, apply, roll back and inspect a ZamIO release on Coolify.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { ConfigError, formatReportText, type RawEnv } from '@zamio/env';
import { createCoolifyClient, CoolifyError } from './coolify-client';
import { apiBaseUrl, loadDeployConfig } from './deploy-config';
import { EXIT, type DeployContext } from './deploy-context';
import { loadResources, ResourcesError } from './load-resources';
import { releaseTagProblem } from './release-tag';
import { runApply } from './apply-command';
import { runPlan } from './plan-command';
import { runRollback } from './rollback-command';
import { runStatus } from './status-command';

const USAGE = `usage:
  zamio-deploy plan     --env <environment> --tag <version|sha-short> [--config coolify/resources.yaml]
  zamio-deploy apply    --env <environment> --tag <version|sha-short> [--force] [--config …] [--state …]
  zamio-deploy rollback --env <environment> [--to <tag>] [--config …] [--state …]
  zamio-deploy status   --env <environment> [--config …] [--state …]
  zamio-deploy --help
environment: COOLIFY_URL, COOLIFY_TOKEN, ZAMIO_REGISTRY (DEPLOY_POLL_INTERVAL, DEPLOY_TIMEOUT, DEPLOY_RETRY_MAX_DELAY optional)
--state defaults to .zamio-deploy/<environment>.json: keep it between runs (it is what rollback reads).`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: RawEnv;
  fetch?: typeof globalThis.fetch;
}

const defaultIo: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t), env: process.env };

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  // Belt and braces: whatever a message contains, the token never reaches the output.
  const token = io.env.COOLIFY_TOKEN?.trim();
  const scrub = (text: string) => (token && token.length >= 4 ? text.split(token).join('[redacted]') : text);
  const out = (text: string) => io.out(scrub(text));
  const err = (text: string) => io.err(scrub(text));

  let values: Record<string, string | boolean | undefined>;
  let command: string | undefined;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        env: { type: 'string' },
        tag: { type: 'string' },
        to: { type: 'string' },
        state: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    values = parsed.values;
    command = parsed.positionals[0];
    if (values.help || command === 'help') {
      out(`zamio-deploy — plan, apply, roll back and inspect a release on Coolify\n\n${USAGE}`);
      return 0;
    }
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  const usage = (message: string) => {
    err(`${message}\n${USAGE}`);
    return EXIT.usage;
  };
  if (!command || !['plan', 'apply', 'rollback', 'status'].includes(command))
    return usage(command ? `unknown command "${command}"` : 'missing command');
  const environment = values.env as string | undefined;
  if (!environment) return usage('--env is required (e.g. --env production)');
  const tag = values.tag as string | undefined;
  if (command === 'plan' || command === 'apply') {
    const problem = releaseTagProblem(tag);
    if (problem) return usage(problem);
  }
  const to = values.to as string | undefined;
  if (to !== undefined) {
    const problem = releaseTagProblem(to);
    if (problem) return usage(problem.replace('--tag', '--to'));
  }

  try {
    const config = loadDeployConfig(io.env);
    const resources = loadResources(
      resolve((values.config as string | undefined) ?? 'coolify/resources.yaml'),
      environment,
      { ZAMIO_REGISTRY: config.ZAMIO_REGISTRY },
    );
    const context: DeployContext = {
      client: createCoolifyClient({
        apiUrl: apiBaseUrl(config),
        token: config.COOLIFY_TOKEN,
        ...(io.fetch ? { fetch: io.fetch } : {}),
      }),
      resources,
      statePath: resolve((values.state as string | undefined) ?? `.zamio-deploy/${environment}.json`),
      wait: {
        intervalMs: config.DEPLOY_POLL_INTERVAL,
        timeoutMs: config.DEPLOY_TIMEOUT,
        maxRetryDelayMs: config.DEPLOY_RETRY_MAX_DELAY,
      },
      out,
    };
    if (command === 'plan') return await runPlan(context, tag!);
    if (command === 'apply') return await runApply(context, tag!, values.force === true);
    if (command === 'rollback') return await runRollback(context, to);
    return await runStatus(context);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(formatReportText(error));
      return EXIT.config;
    }
    if (error instanceof ResourcesError) {
      err(error.message);
      return EXIT.config;
    }
    if (error instanceof CoolifyError) {
      err(`error: ${error.message}`);
      if (error.status === 401 || error.status === 403) return EXIT.noPermission;
      return error.status === 0 ? EXIT.unavailable : EXIT.rolloutFailed;
    }
    throw error;
  }
}
