// zamio-storage migrate against a real S3-protocol server: copies a directory
// of uploads key for key, resumes (skips what is already there with the same
// checksum), verifies each copy, dry-runs, and refuses bad set-ups clearly.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStorage, type ObjectStorage } from '@zamio/uploads';
import { startS3TestServer, type S3TestServer } from '@zamio/uploads/testing';
import { main } from '../src/cli';
import { migrateObjects } from '../src/migrate-objects';

let server: S3TestServer;
let dir: string;
let bucket: ObjectStorage;
let prefix: string;
let run = 0;

const files: Record<string, Buffer> = {
  'track-audio/0123456789abcdef0123456789abcdef.wav': Buffer.alloc(9 * 1024 * 1024 + 17, 3), // two parts
  'capture-audio/fedcba9876543210fedcba9876543210.mp3': Buffer.from('ID3 capture'),
  'playlog-csv/00112233445566778899aabbccddeeff.csv': Buffer.from('played_at,title\n'),
  'document/aabbccddeeff00112233445566778899.pdf': Buffer.from('%PDF-1.4 doc'),
};
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  server = await startS3TestServer(['zamio-migrate']);
  dir = await mkdtemp(join(tmpdir(), 'zamio-migrate-'));
  for (const [key, bytes] of Object.entries(files)) {
    await mkdir(join(dir, key.split('/')[0]!), { recursive: true });
    await writeFile(join(dir, key), bytes);
  }
  // Left alone: an upload still being written, and a readiness probe file.
  await writeFile(join(dir, 'track-audio', 'ffffffffffffffffffffffffffffffff.wav.1a2b3c.part'), 'half');
  await writeFile(join(dir, '.probe-1-abcd'), 'ok');
});
afterAll(async () => {
  await bucket?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await bucket?.close();
  prefix = `run${run++}/`; // every test starts with an empty place in the bucket
  bucket = createStorage(server.config({ prefix }));
});

const env = () => ({
  ZAMIO_ENV: 'production',
  UPLOAD_DIR: dir,
  STORAGE_KIND: 'filesystem',
  STORAGE_S3_ENDPOINT: server.endpoint,
  STORAGE_S3_ALLOW_PLAIN_HTTP: 'true',
  STORAGE_S3_REGION: 'us-east-1',
  STORAGE_S3_BUCKET: 'zamio-migrate',
  STORAGE_S3_FORCE_PATH_STYLE: 'true',
  STORAGE_S3_ACCESS_KEY_ID: 'zamio-test',
  STORAGE_S3_SECRET_ACCESS_KEY: 'zamio-test-secret',
  STORAGE_S3_PREFIX: prefix,
});

async function cli(args: string[], overrides: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    args,
    { out: (t) => out.push(t), err: (t) => err.push(t), tty: true },
    {
      ...env(),
      ...overrides,
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function bucketKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const entry of bucket.list()) keys.push(entry.key);
  return keys.sort();
}

describe('zamio-storage migrate', () => {
  it('copies every stored upload key for key, verified, leaving parts and probe files behind', async () => {
    const result = await cli(['migrate']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      `copying directory ${dir} → s3 127.0.0.1:${server.port}/zamio-migrate/${prefix}`,
    );
    expect(result.out).toMatch(/done: copied 4 \(9\.0 MiB\), already present 0, failed 0/);
    expect(await bucketKeys()).toEqual(Object.keys(files).sort());
    for (const [key, bytes] of Object.entries(files)) {
      expect(await bucket.head(key)).toMatchObject({ size: bytes.length, sha256: sha(bytes) });
    }
    expect((await bucket.head('document/aabbccddeeff00112233445566778899.pdf'))?.contentType).toBe(
      'application/pdf',
    );
  });

  it('resumes: objects already copied with the same checksum are skipped, changed ones copied again', async () => {
    const [first, second] = Object.keys(files);
    await bucket.put(first!, Readable.from([files[first!]!]), {
      contentType: 'audio/wav',
      sha256: sha(files[first!]!),
    });
    await bucket.put(second!, Readable.from([Buffer.from('ID3 stale!!')]), {
      contentType: 'audio/mpeg',
      sha256: sha(Buffer.from('ID3 stale!!')),
    });
    const result = await cli(['migrate', '--concurrency', '2']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/copied 3 .*already present 1, failed 0/);
    expect(await bucket.head(second!)).toMatchObject({ sha256: sha(files[second!]!) });
    const again = await cli(['migrate']);
    expect(again.out).toMatch(/copied 0 .*already present 4, failed 0/);
    const reverified = await cli(['migrate', '--reverify']);
    expect(reverified.out).toMatch(/copied 0 .*already present 4, failed 0/);
  });

  it('dry-runs without writing anything', async () => {
    const result = await cli(['migrate', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'would copy document/aabbccddeeff00112233445566778899.pdf (12 bytes, not in the target)',
    );
    expect(result.out).toMatch(/dry run done: would copy 4, already present 0, failed 0/);
    expect(await bucketKeys()).toEqual([]);
  });

  it('deletes and reports a copy whose checksum does not match', async () => {
    const key = 'document/aabbccddeeff00112233445566778899.pdf';
    const source = createStorage({ kind: 'filesystem', directory: dir, timeouts: { probeMs: 1_000 } });
    // A store that damages what it is given (a flipped byte on the way in).
    const damaging: ObjectStorage = {
      ...bucket,
      put: (k, body, options) => bucket.put(k, k === key ? body.pipe(flipFirstByte()) : body, options),
    };
    const summary = await migrateObjects({ source, target: damaging });
    expect(summary).toMatchObject({ copied: 3, failed: 1 });
    expect(summary.failures[0]).toMatchObject({ key, detail: expect.stringMatching(/checksum mismatch/) });
    expect(await bucket.head(key)).toBeUndefined();
  });

  it('answers --help, and refuses usage mistakes (64), bad configuration (78), a missing directory (66) and an unusable bucket (69)', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('zamio-storage migrate [--from <dir>] [--dry-run]');
    expect((await cli(['copy'])).code).toBe(64);
    expect((await cli(['migrate', '--concurrency', '0'])).code).toBe(64);
    const config = await cli(['migrate'], { STORAGE_S3_BUCKET: '', STORAGE_S3_SECRET_ACCESS_KEY: '' });
    expect(config.code).toBe(78);
    expect(config.err).toContain('STORAGE_S3_BUCKET is required when STORAGE_KIND=s3');
    expect(config.err).toContain('STORAGE_S3_SECRET_ACCESS_KEY is required when STORAGE_KIND=s3');
    expect((await cli(['migrate', '--from', join(dir, 'nope')])).code).toBe(66);
    const missing = await cli(['migrate'], { STORAGE_S3_BUCKET: 'zamio-absent' });
    expect(missing.code).toBe(69);
    expect(missing.err).toMatch(/bucket "zamio-absent" does not exist/);
    expect(await bucketKeys()).toEqual([]);
  });
});

function flipFirstByte(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (first) {
        first = false;
        const copy = Buffer.from(chunk);
        copy[0] = copy[0]! ^ 0xff;
        return callback(null, copy);
      }
      callback(null, chunk);
    },
  });
}
