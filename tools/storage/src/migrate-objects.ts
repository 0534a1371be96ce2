// Copies every object of one storage into another (in practice: UPLOAD_DIR
// into an S3 bucket), keeping keys, so database rows need no change. Each
// object is hashed at the source, skipped when the target already holds it
// with that checksum (so an interrupted run resumes where it stopped), and
// read back after the copy: a mismatch deletes the copy and counts as failed.
import pMap from 'p-map';
import { contentTypeOfKey, type ObjectStorage } from '@zamio/uploads';
import { objectChecksum } from './object-checksum';

export type ObjectOutcome = 'copied' | 'skipped' | 'planned' | 'failed';

export interface ObjectResult {
  key: string;
  size: number;
  outcome: ObjectOutcome;
  /** Why it was skipped or failed. */
  detail?: string;
}

export interface MigrationOptions {
  source: ObjectStorage;
  target: ObjectStorage;
  /** Only report what would be copied. */
  dryRun?: boolean;
  /** Objects copied at once. */
  concurrency?: number;
  /** Re-read objects already in the target instead of trusting their recorded checksum. */
  reverify?: boolean;
  onObject?: (result: ObjectResult) => void;
}

export interface MigrationSummary {
  copied: number;
  skipped: number;
  planned: number;
  failed: number;
  bytesCopied: number;
  failures: ObjectResult[];
}

export async function migrateObjects(options: MigrationOptions): Promise<MigrationSummary> {
  const summary: MigrationSummary = {
    copied: 0,
    skipped: 0,
    planned: 0,
    failed: 0,
    bytesCopied: 0,
    failures: [],
  };
  await pMap(
    options.source.list(),
    async ({ key, size }) => {
      const result = await migrateOne(options, key, size).catch((error: unknown): ObjectResult => ({
        key,
        size,
        outcome: 'failed',
        detail: (error as Error).message,
      }));
      summary[result.outcome] += 1;
      if (result.outcome === 'copied') summary.bytesCopied += size;
      if (result.outcome === 'failed') summary.failures.push(result);
      options.onObject?.(result);
    },
    { concurrency: options.concurrency ?? 4 },
  );
  return summary;
}

async function migrateOne(options: MigrationOptions, key: string, size: number): Promise<ObjectResult> {
  const { source, target } = options;
  const checksum = await objectChecksum(source, key);
  const present = await target.head(key);
  if (present && present.size === size) {
    // A directory target records no checksum: read it (it is local) rather than copy again.
    const recorded =
      options.reverify || present.sha256 === undefined ? await objectChecksum(target, key) : present.sha256;
    if (recorded === checksum)
      return { key, size, outcome: 'skipped', detail: 'already in the target with the same checksum' };
  }
  if (options.dryRun)
    return { key, size, outcome: 'planned', detail: present ? 'differs in the target' : 'not in the target' };
  const read = await source.get(key);
  await target.put(key, read.body, {
    contentType: read.contentType ?? contentTypeOfKey(key) ?? 'application/octet-stream',
    sha256: checksum,
  });
  const copied = await objectChecksum(target, key);
  if (copied !== checksum) {
    await target.delete(key);
    return { key, size, outcome: 'failed', detail: `checksum mismatch after copy (${copied} ≠ ${checksum})` };
  }
  return { key, size, outcome: 'copied' };
}
