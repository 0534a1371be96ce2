#!/usr/bin/env node
// `npm test`: every check CI needs, in order, failing on the first failure:
//   0. formatting (Prettier); 1. generated config docs in sync; 2. lint, typecheck and unit/integration
//   tests of every project (Nx, cached locally); 3. browser tests of the
//   embedded platform; 4. container tests and 5. the production rehearsal
//   (npm run test:rehearsal, which rewrites docs/reliability.md), both
//   required when CI=true.
// Ends with one line "N passed, N failed" over every Vitest run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Every CLI answers --help (tools/ci/test/cli-help.test.ts).
if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(
    `run-tests.mjs — every CI check in order: formatting, generated docs, lint/typecheck/tests of every project, browser tests, container tests and the production rehearsal (both required when CI=true)\nenv: CI, CHROMIUM_PATH\n\nusage: npm test (node tools/ci/run-tests.mjs)`,
  );
  process.exit(0);
}

const root = resolve(import.meta.dirname, '../..');
const results = join(root, '.test-results');
const ci = process.env.CI === 'true' || process.env.CI === '1';

const run = (label, command, args, env = {}) => {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
};

const dockerReachable = () =>
  spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 15_000 }).status === 0;
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The browser tests drive Debian's Chromium (a downloaded browser is not an
// option here). A fresh machine lacks it: install it when we may (root), as
// .ci/run does; otherwise say plainly that the browser tests were skipped.
function ensureChromium() {
  if (existsSync(chromium)) return true;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(`\n=== installing Debian's chromium for the browser tests`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const wait = ['-o', 'DPkg::Lock::Timeout=600'];
    spawnSync('apt-get', [...wait, 'update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', [...wait, 'install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  }
  return existsSync(chromium);
}

function summarize() {
  let passed = 0;
  let failed = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.json')) {
        const report = JSON.parse(readFileSync(path, 'utf8'));
        passed += report.numPassedTests ?? 0;
        failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTests ?? 0);
        if (report.success === false && (report.numFailedTests ?? 0) === 0) failed += 1;
      }
    }
  };
  walk(results);
  return { passed, failed };
}

const steps = [
  () => run('formatting (Prettier)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']),
  () => run('configuration docs', 'npx', ['zamio-env', 'docs', '--check']),
  () =>
    run('lint, typecheck, unit and integration tests', 'npx', [
      'nx',
      'run-many',
      '-t',
      'lint',
      'typecheck',
      'test',
      '--outputStyle=static',
      ...(ci ? ['--skip-nx-cache'] : []),
    ]),
  () => {
    if (!ensureChromium()) {
      if (ci) {
        console.log(`\n=== browser tests: ${chromium} is missing (apt-get install chromium)`);
        return false;
      }
      console.log(`\n=== browser tests: SKIPPED — no ${chromium}; install Debian's chromium to run them`);
      return true;
    }
    return run('browser tests (embedded platform)', 'npx', [
      'vitest',
      'run',
      '--config',
      'e2e/vitest.config.ts',
    ]);
  },
  () => {
    if (!existsSync(join(root, 'e2e/containers/vitest.config.ts'))) {
      console.log('\n=== container tests: no suite present');
      return true;
    }
    if (!ci && !dockerReachable()) {
      console.log(
        '\n=== container tests: SKIPPED — no Docker engine reachable (they are required when CI=true; see docs/development.md)',
      );
      return true;
    }
    return run('container tests', 'npm', ['run', 'test:containers']);
  },
  () => {
    // Under CI=true the suite itself fails loudly when Docker is missing.
    if (!ci && !dockerReachable()) {
      console.log(
        '\n=== production rehearsal: SKIPPED — no Docker engine reachable (required when CI=true; see docs/development.md)',
      );
      return true;
    }
    return run('production rehearsal', 'npm', ['run', 'test:rehearsal']);
  },
];

rmSync(results, { recursive: true, force: true });
let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
const { passed, failed } = summarize();
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
