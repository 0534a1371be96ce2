// zamio-env: check configuration (`check`) and generate its docs (`docs`).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { appsFromArgs, runCheck, UsageError } from './check-command';
import { runDocs } from './docs-command';
import { parseEnvFile } from './parse-env-file';

const USAGE = `usage:
  zamio-env check (--app bff|worker|portal | --all) [--file .env.production] [--env-only]
  zamio-env docs [--check]
  zamio-env --help`;

export async function main(
  argv: string[],
  io = {
    out: (t: string) => console.log(t),
    err: (t: string) => console.error(t),
    tty: Boolean(process.stdout.isTTY),
  },
): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        app: { type: 'string' },
        all: { type: 'boolean' },
        file: { type: 'string' },
        check: { type: 'boolean' },
        root: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const command = positionals[0];
    if (values.help || command === 'help') {
      io.out(`zamio-env — check configuration and generate its docs\n\n${USAGE}`);
      return 0;
    }
    if (command === 'check') {
      const apps = appsFromArgs(values.app, values.all ?? false);
      // With --file, only the file counts (what a deploy would get); else the current environment.
      const env = values.file ? parseEnvFile(values.file) : { ...process.env };
      return runCheck({ apps, env, tty: io.tty, write: io.out });
    }
    if (command === 'docs')
      return runDocs(resolve(values.root ?? process.cwd()), values.check ?? false, io.out);
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n${USAGE}`);
      return 64;
    }
    if ((error as { code?: string }).code === 'ENOENT') {
      io.err(`cannot read ${(error as { path?: string }).path}`);
      return 66;
    }
    throw error;
  }
}
