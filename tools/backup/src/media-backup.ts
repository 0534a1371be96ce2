// `zamio-backup media`: the uploads volume as a plain tar (audio is already
// compressed) with a SHA256SUMS manifest inside it, verified against the
// source with `tar --diff` before it is given its final name. Coolify's own
// volume backups have no restore path; this pair has one, and it is checked.
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BackupError, runTool, tail } from './run-tool';
import { sha256File } from './sha256';

/** The manifest's name inside the archive (sha256sum format: `<hex>  <path>`). */
export const MEDIA_MANIFEST = '.zamio-media-SHA256SUMS';

/**
 * Files the storage writes only while an upload is in flight (libs/uploads:
 * `<key>.part` until it is complete, `.probe-*` for the readiness probe):
 * never part of the data, and they change while they are read.
 */
const TRANSIENT = [/\.part$/, /(^|\/)\.probe-[^/]*$/];
const TRANSIENT_TAR_PATTERNS = ['*.part', '.probe-*'];
const isTransient = (file: string) => TRANSIENT.some((pattern) => pattern.test(file));

export interface MediaManifest {
  kind: 'zamio-media-backup';
  created_at: string;
  directory: string;
  archive: string;
  files: number;
  bytes: number;
}

export function* filesUnder(root: string, dir = root): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(root, path);
    else if (entry.isFile()) yield relative(root, path);
  }
}

export async function backupMedia(options: { dir: string; out: string }): Promise<MediaManifest> {
  let stats;
  try {
    stats = statSync(options.dir);
  } catch {
    throw new BackupError(`${options.dir} does not exist`);
  }
  if (!stats.isDirectory()) throw new BackupError(`${options.dir} is not a directory`);

  const lines: string[] = [];
  let bytes = 0;
  for (const file of [...filesUnder(options.dir)].sort()) {
    if (file === MEDIA_MANIFEST || isTransient(file)) continue;
    if (/\n/.test(file))
      throw new BackupError(`file name with a newline cannot be listed: ${JSON.stringify(file)}`);
    lines.push(`${await sha256File(join(options.dir, file))}  ./${file}`);
    bytes += statSync(join(options.dir, file)).size;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'zamio-media-'));
  const partial = `${options.out}.partial`;
  try {
    writeFileSync(join(scratch, MEDIA_MANIFEST), lines.length > 0 ? `${lines.join('\n')}\n` : '');
    const create = await runTool('tar', [
      '--create',
      `--file=${partial}`,
      `--directory=${options.dir}`,
      `--exclude=./${MEDIA_MANIFEST}`,
      ...TRANSIENT_TAR_PATTERNS.map((pattern) => `--exclude=${pattern}`),
      '.',
    ]);
    if (create.code !== 0) throw new BackupError(`tar of ${options.dir} failed:\n${tail(create.stderr)}`);
    // Compare the archive with the source: a file changed while it was read fails here.
    const diff = await runTool('tar', ['--diff', `--file=${partial}`, `--directory=${options.dir}`]);
    if (diff.code !== 0)
      throw new BackupError(
        `${options.dir} changed while it was archived; run the backup again:\n${tail(diff.stdout + diff.stderr)}`,
      );
    const append = await runTool('tar', [
      '--append',
      `--file=${partial}`,
      `--directory=${scratch}`,
      MEDIA_MANIFEST,
    ]);
    if (append.code !== 0) throw new BackupError(`could not add the manifest:\n${tail(append.stderr)}`);
    renameSync(partial, options.out);
  } finally {
    rmSync(partial, { force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
  const manifest: MediaManifest = {
    kind: 'zamio-media-backup',
    created_at: new Date().toISOString(),
    directory: options.dir,
    archive: options.out,
    files: lines.length,
    bytes,
  };
  writeFileSync(`${options.out}.manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
