// zamio-fp: fingerprint a folder of audio into a catalogue and match
// captures against it, from the command line (operators, benchmarks). It
// runs the worker's own code: the fingerprint service for `index`, the
// capture recognition step of the match job for `match`, on the same schema
// (PGlite in a folder, or PostgreSQL by URL).
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { usersRepository } from '@zamio/accounts';
import { identifyCaptureAudio, UnusableCaptureError } from '@zamio/airplay';
import { createFingerprintIndex, createFingerprintService, createLibraryIndexService } from '@zamio/catalog';
import { createPgliteDatabase, createPostgresDatabase, migrate, type Database } from '@zamio/db';

const HELP = `zamio-fp — fingerprint audio files and match captures, as the worker does

usage:
  zamio-fp index <dir> (--data-dir <folder> | --database-url <url>)
  zamio-fp match <dir-or-file> (--data-dir <folder> | --database-url <url>) [--json]

index   fingerprints every audio file under <dir> (WAV, MP3, FLAC, OGG, Opus,
        AAC/M4A) as a track named by its path relative to <dir>; a file indexed
        before with the same bytes is skipped.
match   prints one line per capture: file, track (the indexed file's name, or
        "-"), offset in the track (s), confidence (0–1). With --json one object
        per line: {"file", "track" (or null), "offset" (or null), "confidence"}.
        Captures must be 5–30 s long, as the worker requires.

--data-dir <folder>     an embedded PostgreSQL (PGlite) in this folder (created)
--database-url <url>    a PostgreSQL server (the platform's DATABASE_URL)

exit status: 0 done, 1 some files failed, 64 usage error, 66 no such input.`;

const AUDIO_EXTENSIONS = new Set(['.wav', '.mp3', '.flac', '.ogg', '.oga', '.opus', '.m4a', '.aac', '.mp4']);
const MIME_BY_EXTENSION: Record<string, string> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.mp4': 'audio/mp4',
  '.aac': 'audio/aac',
};
/** The account the indexed tracks belong to (never signs in: no usable password hash). */
const OPERATOR = {
  email: 'zamio-fp@operators.zamio.invalid',
  displayName: 'zamio-fp',
  role: 'artist' as const,
};

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Progress goes to stderr, only on a terminal. */
  progress?: ((text: string) => void) | undefined;
}

const terminal: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr.isTTY ? (text) => process.stderr.write(`\r\x1b[K${text}`) : undefined,
};

class UsageError extends Error {}

async function audioFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (info.isFile()) return [path];
  const found: string[] = [];
  for (const entry of await readdir(path, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && AUDIO_EXTENSIONS.has(extname(entry.name).toLowerCase()))
      found.push(join(entry.parentPath, entry.name));
  return found.sort();
}

async function openCatalogue(values: { 'data-dir'?: string; 'database-url'?: string }): Promise<Database> {
  if ((values['data-dir'] === undefined) === (values['database-url'] === undefined))
    throw new UsageError('give exactly one of --data-dir <folder> or --database-url <url>');
  const db = values['data-dir']
    ? await createPgliteDatabase(resolve(values['data-dir']))
    : createPostgresDatabase({
        url: values['database-url']!,
        poolMax: 4,
        idleTimeoutMs: 10_000,
        connectTimeoutMs: 10_000,
        acquireTimeoutMs: 30_000,
        statementTimeoutMs: 120_000,
        applicationName: 'zamio-fp',
      });
  await migrate(db);
  return db;
}

async function operatorId(db: Database): Promise<string> {
  await usersRepository.insertApprovedIfAbsent(db, { ...OPERATOR, passwordHash: '!' });
  const account = await usersRepository.findByEmail(db, OPERATOR.email);
  if (!account) throw new Error('the operator account could not be created');
  return account.id;
}

async function runIndex(db: Database, dir: string, io: CliIo): Promise<number> {
  const root = resolve(dir);
  const files = await audioFiles(root);
  const ownerId = await operatorId(db);
  // The worker's fingerprint service; the "storage key" here is the file's path.
  const fingerprints = createFingerprintService({ db, readAudio: (path) => readFile(path) });
  const library = createLibraryIndexService({ db, fingerprints });
  let failed = 0;
  let done = 0;
  for (const file of files) {
    io.progress?.(`[${++done}/${files.length}] ${relative(root, file)}`);
    const bytes = await readFile(file);
    const result = await library.indexFile(ownerId, {
      name: relative(root, file) || file,
      storageKey: file,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      mimeType: MIME_BY_EXTENSION[extname(file).toLowerCase()] ?? 'application/octet-stream',
    });
    if (result.outcome === 'failed') {
      failed++;
      io.err(`${file}: ${result.reason}`);
    }
  }
  io.progress?.('');
  io.err(`indexed ${files.length - failed} of ${files.length} files`);
  return failed > 0 ? 1 : 0;
}

async function runMatch(db: Database, target: string, json: boolean, io: CliIo): Promise<number> {
  const files = await audioFiles(resolve(target));
  const index = createFingerprintIndex({ db });
  const library = createLibraryIndexService({
    db,
    fingerprints: createFingerprintService({ db, readAudio: readFile }),
  });
  let failed = 0;
  let done = 0;
  for (const file of files) {
    io.progress?.(`[${++done}/${files.length}] ${file}`);
    try {
      const { match } = await identifyCaptureAudio(await readFile(file), index);
      const track = match ? ((await library.titleOf(match.trackId)) ?? match.trackId) : null;
      const offset = match ? Math.round(match.offsetSeconds * 1000) / 1000 : null;
      const confidence = match ? Math.round(match.confidence * 1000) / 1000 : 0;
      io.progress?.('');
      io.out(
        json
          ? JSON.stringify({ file, track, offset, confidence })
          : `${file}\t${track ?? '-'}\t${offset ?? '-'}\t${confidence}`,
      );
    } catch (error) {
      if (!(error instanceof UnusableCaptureError)) throw error;
      failed++;
      io.err(`${file}: ${error.message}`);
    }
  }
  io.progress?.('');
  return failed > 0 ? 1 : 0;
}

export async function main(argv: string[], io: CliIo = terminal): Promise<number> {
  let db: Database | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const [command, target, ...extra] = positionals;
    if ((command !== 'index' && command !== 'match') || target === undefined || extra.length > 0)
      throw new UsageError('expected `index <dir>` or `match <dir-or-file>`');
    try {
      await stat(target);
    } catch {
      io.err(`zamio-fp: no such file or folder: ${target}`);
      return 66;
    }
    db = await openCatalogue(values);
    return command === 'index' ? await runIndex(db, target, io) : await runMatch(db, target, values.json, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`zamio-fp: ${(error as Error).message}\n\n${HELP}`);
      return 64;
    }
    throw error;
  } finally {
    await db?.close();
  }
}
