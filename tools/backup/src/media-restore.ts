// `zamio-restore media`: extracts a `zamio-backup media` archive beside the
// target, checks every file against the SHA256SUMS inside it (and that nothing
// is missing or extra), and only then moves it into place. A damaged archive
// leaves the target untouched; a target with files in it is refused.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { filesUnder, MEDIA_MANIFEST } from './media-backup';
import { sha256File } from './sha256';
import { BackupError, runTool, tail } from './run-tool';

export async function restoreMedia(options: { file: string; dir: string }): Promise<{ files: number }> {
  if (!existsSync(options.file)) throw new BackupError(`${options.file} does not exist`);
  if (existsSync(options.dir) && readdirSync(options.dir).length > 0)
    throw new BackupError(
      `${options.dir} is not empty: restore into an empty or new directory, never over files`,
    );
  const staging = join(
    dirname(options.dir),
    `.${basename(options.dir)}.restoring-${randomBytes(4).toString('hex')}`,
  );
  mkdirSync(staging, { recursive: true });
  try {
    const extract = await runTool('tar', ['--extract', `--file=${options.file}`, `--directory=${staging}`]);
    if (extract.code !== 0)
      throw new BackupError(`${options.file} could not be extracted:\n${tail(extract.stderr)}`);
    const manifestPath = join(staging, MEDIA_MANIFEST);
    if (!existsSync(manifestPath))
      throw new BackupError(`${options.file} has no ${MEDIA_MANIFEST}: not a zamio-backup media archive`);
    const expected = new Map(
      readFileSync(manifestPath, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(66).replace(/^\.\//, ''), line.slice(0, 64)] as const),
    );
    rmSync(manifestPath);
    const problems: string[] = [];
    const found = new Set(filesUnder(staging));
    for (const [file, sha] of expected) {
      if (!found.has(file)) problems.push(`${file}: missing`);
      else if ((await sha256File(join(staging, file))) !== sha) problems.push(`${file}: checksum differs`);
    }
    for (const file of found) if (!expected.has(file)) problems.push(`${file}: not in the manifest`);
    if (problems.length > 0)
      throw new BackupError(`${options.file} is damaged (nothing was restored):\n  ${problems.join('\n  ')}`);
    if (existsSync(options.dir)) rmdirSync(options.dir);
    renameSync(staging, options.dir);
    return { files: expected.size };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
