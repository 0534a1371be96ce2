// Runs one of the PostgreSQL client tools or tar, collecting its output. The
// database password travels in PGPASSWORD, never on the command line (where
// `ps` would show it), and never in what is printed.
import { spawn } from 'node:child_process';

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) =>
      reject(
        new BackupError(
          `cannot run ${command} (${error.message}): install it (Debian: postgresql-client, tar)`,
        ),
      ),
    );
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** libpq connection arguments for a postgres:// URL: the password moves to PGPASSWORD. */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv; display: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BackupError('the database URL is not a URL (expected postgres://user:password@host:5432/db)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new BackupError(`the database URL must be postgres:// (got ${parsed.protocol})`);
  if (parsed.pathname.length <= 1)
    throw new BackupError('the database URL names no database (…:5432/<name>)');
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: password ? { PGPASSWORD: password } : {},
    display: parsed.toString(),
  };
}

/** The last lines of a tool's stderr, for an error message. */
export const tail = (text: string) => text.trim().split('\n').slice(-5).join('\n');
