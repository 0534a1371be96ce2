// The suite's figures: one line per scenario on stdout (pass/fail and
// numbers), and docs/reliability.md written from the run — never typed in.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { workspaceRoot } from '@zamio/testing/docker-cli';
import type { LoadReport } from './load';

export interface ScenarioResult {
  scenario: string;
  load?: LoadReport;
  /** ms from the start of the disruption until requests succeeded again (0: nothing failed). */
  recoveryMs?: number;
  /** ms between the old container leaving the proxy and its exit. */
  drainMarginMs?: number;
  notes: string[];
  problems: string[];
}

const results: ScenarioResult[] = [];
const git = (...args: string[]) =>
  execFileSync('git', ['-C', workspaceRoot, ...args], { encoding: 'utf8' }).trim();
// The commit the run's images are built from: read at the start, not when the doc is written.
const commit = git('rev-parse', '--short', 'HEAD');
// This file is the run's output, not its input: a previous run's copy does not make the tree dirty.
const dirty =
  git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/reliability.md') !== ''
    ? ' (with uncommitted changes)'
    : '';

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

function reasons(load: LoadReport | undefined): string {
  if (!load) return '–';
  const entries = Object.entries(load.byReason);
  return entries.length ? entries.map(([reason, count]) => `${reason} × ${count}`).join(', ') : 'none';
}

/** Records a scenario (passed: no problems), prints its pass/fail line with the figures, returns its problems. */
export function record(result: ScenarioResult): string[] {
  // The machine's load when the scenario ended: on a shared 2-core host the
  // figures mean little without it.
  result.notes.push(`host load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  results.push(result);
  const load = result.load;
  const passed = result.problems.length === 0;
  const figures = load
    ? `sent ${load.sent} (${load.rate}/s), failed ${load.failed} [${reasons(load)}], timeouts ${load.timeouts}, ` +
      `max latency ${load.maxLatencyMs} ms, recovery ${seconds(result.recoveryMs)}, drain margin ${seconds(result.drainMarginMs)}`
    : 'no load';
  console.log(
    `\n${passed ? 'PASS' : 'FAIL'} ${result.scenario}: ${figures}` +
      (result.notes.length ? `\n  ${result.notes.join('\n  ')}` : '') +
      (result.problems.length ? `\n  problems:\n  - ${result.problems.join('\n  - ')}` : ''),
  );
  return result.problems;
}

/** Recovery: from the start of a disruption to the end of its last failed request. */
export function recoveryTime(load: LoadReport, disruptionStart: number): number {
  const last = load.failureTimes.filter((at) => at >= disruptionStart).at(-1);
  return last ? last - disruptionStart : 0;
}

export function writeReliabilityDoc(): void {
  if (results.length === 0) return;
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = results.map((r) =>
    [
      r.scenario,
      r.problems.length === 0 ? 'pass' : '**FAIL**',
      r.load ? String(r.load.sent) : '–',
      r.load ? String(r.load.failed) : '–',
      cell(reasons(r.load)),
      r.load ? String(r.load.timeouts) : '–',
      r.load ? `${r.load.maxLatencyMs} ms` : '–',
      seconds(r.recoveryMs),
      seconds(r.drainMarginMs),
      cell(
        [...r.notes, ...r.problems.map((p) => `problem: ${p.length > 160 ? `${p.slice(0, 160)}…` : p}`)].join(
          '; ',
        ),
      ),
    ].join(' | '),
  );
  const doc = `# Reliability: the production rehearsal

Written by \`e2e/rehearsal\` (\`npm run test:rehearsal\`, part of \`npm test\`) from its last run —
never edited by hand. The suite stages production on one machine: the production images (stand-in
bases), Postgres and Redis containers, and in front a proxy that behaves like Coolify's Traefik
(routes only to running, healthy containers, learns of changes from Docker events with a 2 s
throttle, never retries elsewhere). Deploys replay Coolify's rolling update with the health-check
numbers of \`coolify/resources.yaml\`. The load is open loop (fixed arrival rate, nothing retried):
every answer that is not 2xx/3xx, every socket error and every timeout counts as failed. The
portals' own live-update client runs through the portal and must be connected again at the end of
every scenario. Only the artist portal is rolled out: the container suite proves the four portal
images share one runtime and differ only in their static files.

- **Recovery**: from the start of the disruption to the end of its last failed request (0: none failed).
- **Drain margin**: how long before its exit the old container left the proxy's rotation.

Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit \`${commit}\`${dirty}.

| Scenario | Result | Sent | Failed | Failed by status / error | Timeouts | Max latency | Recovery | Drain margin | Notes |
| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |
${rows.map((row) => `| ${row} |`).join('\n')}
`;
  writeFileSync(join(workspaceRoot, 'docs/reliability.md'), doc);
}
