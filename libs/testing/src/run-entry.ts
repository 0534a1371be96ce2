// Runs a TypeScript entry point (an app's main.ts) as a real child process on
// this Node, with exactly the environment given. tsx is loaded as an import
// hook (not its CLI wrapper), so signals sent to the child reach the app.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningEntry {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr interleaved, as a terminal would show them. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `cwd` must be the repository root (where tsx resolves). */
export function runEntry(entry: string, env: Record<string, string>, cwd: string): RunningEntry {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let both = '';
  child.stdout!.on('data', (chunk) => {
    out += chunk;
    both += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    err += chunk;
    both += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, output: () => both, exited };
}
