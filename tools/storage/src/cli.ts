// zamio-storage: moves stored uploads between storages. `migrate` copies every
// file under UPLOAD_DIR into the S3 bucket the STORAGE_S3_* variables name,
// resumable and verified by checksum, so STORAGE_KIND can then switch to s3.
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  ConfigError,
  EXIT_CONFIG,
  formatReport,
  loadConfig,
  storageSchema,
  toStorageConfig,
  type RawEnv,
} from '@zamio/env';
import { createStorage, StorageUnavailableError } from '@zamio/uploads';
import { migrateObjects, type MigrationSummary, type ObjectResult } from './migrate-objects';

const HELP = `zamio-storage — move stored uploads between storages

usage:
  zamio-storage migrate [--from <dir>] [--dry-run] [--concurrency <n>] [--reverify]
  zamio-storage --help

migrate copies every stored upload from a directory (default: UPLOAD_DIR) to
the S3 bucket named by STORAGE_S3_ENDPOINT, STORAGE_S3_REGION,
STORAGE_S3_BUCKET, STORAGE_S3_ACCESS_KEY_ID, STORAGE_S3_SECRET_ACCESS_KEY
(and STORAGE_S3_PREFIX, STORAGE_S3_FORCE_PATH_STYLE, ...), whatever
STORAGE_KIND says. Keys stay the same, so the database needs no change: switch
STORAGE_KIND=s3 once a run reports no failures.

Each file is hashed (SHA-256), skipped when the bucket already holds it with
that checksum — so an interrupted run just starts again — and read back after
the copy; a copy that does not match is deleted and reported as failed.
Part files of uploads in progress and hidden files are left alone.

options:
  --from <dir>        directory to copy from (default: UPLOAD_DIR)
  --dry-run           list what would be copied; write nothing
  --concurrency <n>   files copied at once (default 4)
  --reverify          re-read objects already in the bucket instead of
                      trusting the checksum recorded with them
  --help              this text

exit status: 0 all copied or present, 1 some files failed (run again),
64 usage error, 66 the directory cannot be read, 69 the bucket cannot be
reached or refuses the credentials, 78 invalid storage configuration.`;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  tty: boolean;
}

const defaultIo: CliIo = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  tty: Boolean(process.stdout.isTTY),
};

class UsageError extends Error {}

export async function main(
  argv: string[],
  io: CliIo = defaultIo,
  env: RawEnv = process.env,
): Promise<number> {
  let values;
  let command;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        'dry-run': { type: 'boolean' },
        concurrency: { type: 'string' },
        reverify: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    values = parsed.values;
    command = parsed.positionals[0];
    if (values.help || command === 'help') {
      io.out(HELP);
      return 0;
    }
    if (command !== 'migrate')
      throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\n${HELP.split('\n\n')[1]}`);
      return 64;
    }
    throw error;
  }

  const concurrency = Number(values.concurrency ?? 4);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    io.err('--concurrency must be a whole number from 1 to 64');
    return 64;
  }

  let settings;
  try {
    // The target is S3 whatever STORAGE_KIND says: migrating comes before switching.
    settings = loadConfig(storageSchema, { ...env, STORAGE_KIND: 's3' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(formatReport(error, io.tty));
    return EXIT_CONFIG;
  }
  const directory = values.from ?? settings.UPLOAD_DIR;
  if (
    !(await stat(directory).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    io.err(`cannot read the directory ${directory}`);
    return 66;
  }

  const source = createStorage({ kind: 'filesystem', directory, timeouts: { probeMs: 5_000 } });
  const target = createStorage(toStorageConfig(settings));
  try {
    try {
      await target.probe();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      io.err(`the target ${target.location} is not usable: ${error.message}`);
      return 69;
    }
    const dryRun = values['dry-run'] ?? false;
    io.out(`${dryRun ? 'dry run: ' : ''}copying ${source.location} → ${target.location}`);
    const summary = await migrateObjects({
      source,
      target,
      dryRun,
      concurrency,
      reverify: values.reverify ?? false,
      onObject: progressPrinter(io),
    });
    io.out(summaryLine(summary, dryRun));
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}

/** One line per failure at once, and a running count every 100 objects. */
function progressPrinter(io: CliIo) {
  let seen = 0;
  const counts = { copied: 0, skipped: 0, planned: 0, failed: 0 };
  return (result: ObjectResult) => {
    seen += 1;
    counts[result.outcome] += 1;
    if (result.outcome === 'failed') io.err(`failed ${result.key}: ${result.detail}`);
    if (result.outcome === 'planned')
      io.out(`would copy ${result.key} (${result.size} bytes, ${result.detail})`);
    if (seen % 100 === 0)
      io.out(
        `progress: ${seen} files — copied ${counts.copied}, skipped ${counts.skipped}, failed ${counts.failed}`,
      );
  };
}

function summaryLine(summary: MigrationSummary, dryRun: boolean): string {
  if (dryRun)
    return `dry run done: would copy ${summary.planned}, already present ${summary.skipped}, failed ${summary.failed}`;
  const mib = (summary.bytesCopied / 1_048_576).toFixed(1);
  return `done: copied ${summary.copied} (${mib} MiB), already present ${summary.skipped}, failed ${summary.failed}`;
}
