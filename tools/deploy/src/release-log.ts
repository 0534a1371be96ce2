// The record of releases per environment: which tag each application ran
// before a release, so `rollback` can put it back. A JSON file the pipeline
// keeps between runs (artifact/cache, or committed); Coolify keeps the images.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type AppOutcome = 'pending' | 'deployed' | 'failed' | 'unchanged' | 'skipped';

export interface ReleaseApp {
  name: string;
  uuid: string;
  previous_tag: string | null;
  tag: string;
  outcome: AppOutcome;
  deployment_uuid?: string;
  message?: string;
}

export interface Release {
  kind: 'apply' | 'rollback';
  tag: string;
  started_at: string;
  finished_at?: string;
  outcome: 'in-progress' | 'succeeded' | 'failed';
  apps: ReleaseApp[];
}

export interface ReleaseLog {
  environment: string;
  releases: Release[];
}

export function readReleaseLog(path: string, environment: string): ReleaseLog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { environment, releases: [] };
    throw error;
  }
  const log = JSON.parse(text) as ReleaseLog;
  if (log.environment !== environment)
    throw new Error(`${path} records environment "${log.environment}", not "${environment}"`);
  return log;
}

/** Written atomically (temp file + rename) after every step, so a crash leaves a usable record. */
export function writeReleaseLog(path: string, log: ReleaseLog): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(log, null, 2)}\n`);
  renameSync(temporary, path);
}

export const latestRelease = (log: ReleaseLog): Release | undefined => log.releases.at(-1);
