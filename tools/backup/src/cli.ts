// zamio-backup / zamio-restore: PostgreSQL (pg_dump custom format) and the
// uploads volume (tar + SHA256SUMS), each restore proven against its manifest.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { backupMedia } from './media-backup';
import { restoreMedia } from './media-restore';
import { backupPostgres } from './postgres-backup';
import { restorePostgres } from './postgres-restore';
import { BackupError } from './run-tool';

const USAGE = {
  backup: `usage:
  zamio-backup postgres --url <postgres://…> --out <file.dump>   (URL also from DATABASE_URL)
  zamio-backup media    --dir <uploads dir>  --out <file.tar>
  zamio-backup --help`,
  restore: `usage:
  zamio-restore postgres --file <file.dump> --url <postgres://…/new_db> [--create]
  zamio-restore media    --file <file.tar>  --dir <empty or new dir>
  zamio-restore --help`,
};

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = { out: (t) => console.log(t), err: (t) => console.error(t), env: process.env };

/** sysexits: 64 usage, 65 bad data (damaged backup, restore differs), 70 failure. */
export async function main(
  tool: 'backup' | 'restore',
  argv: string[],
  io: CliIo = defaultIo,
): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let what: string | undefined;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        out: { type: 'string' },
        file: { type: 'string' },
        dir: { type: 'string' },
        create: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    values = parsed.values;
    what = parsed.positionals[0];
    if (values.help || what === 'help') {
      io.out(
        `zamio-${tool} — ${tool === 'backup' ? 'back up' : 'restore and verify'} PostgreSQL and the uploads volume\n\n${USAGE[tool]}`,
      );
      return 0;
    }
  } catch (error) {
    io.err(`${(error as Error).message}\n${USAGE[tool]}`);
    return 64;
  }
  const need = (name: string, fallback?: string): string => {
    const value = (values[name] as string | undefined) ?? fallback;
    if (!value) throw new UsageError(`--${name} is required`);
    return value;
  };
  try {
    if (tool === 'backup' && what === 'postgres') {
      const manifest = await backupPostgres({
        url: need('url', io.env.DATABASE_URL),
        out: resolve(need('out')),
      });
      const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
      io.out(
        `backed up ${manifest.database} → ${manifest.dump} (${manifest.toc_entries} archive entries, ${Object.keys(manifest.tables).length} tables, ${rows} rows; sha256 ${manifest.sha256})`,
      );
      return 0;
    }
    if (tool === 'backup' && what === 'media') {
      const manifest = await backupMedia({ dir: resolve(need('dir')), out: resolve(need('out')) });
      io.out(
        `backed up ${manifest.directory} → ${manifest.archive} (${manifest.files} files, ${manifest.bytes} bytes)`,
      );
      return 0;
    }
    if (tool === 'restore' && what === 'postgres') {
      const result = await restorePostgres({
        file: resolve(need('file')),
        url: need('url'),
        create: values.create === true,
      });
      io.out(
        `restored into ${result.database}: ${result.tables} tables, ${result.rows} rows, every table's checksum matches the backup`,
      );
      return 0;
    }
    if (tool === 'restore' && what === 'media') {
      const result = await restoreMedia({ file: resolve(need('file')), dir: resolve(need('dir')) });
      io.out(`restored ${result.files} files into ${resolve(need('dir'))}, every checksum verified`);
      return 0;
    }
    throw new UsageError(
      what ? `unknown target "${what}" (postgres or media)` : 'name what to work on: postgres or media',
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE[tool]}`);
      return 64;
    }
    if (error instanceof BackupError) {
      io.err(`zamio-${tool}: ${error.message}`);
      return 65;
    }
    io.err(`zamio-${tool}: ${(error as Error).message}`);
    return 70;
  }
}

class UsageError extends Error {}
