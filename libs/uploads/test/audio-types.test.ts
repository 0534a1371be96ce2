// Every audio type the platform decodes is accepted as upload: real files
// encoded by ffmpeg (Ogg Opus above all: file-type names it
// "audio/ogg; codecs=opus", which the allowlist used to refuse with 415),
// stored under their plain type and extension.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, storeUploadIn, uploadRules, type ObjectStorage } from '../src';
import { bodyOf, MiB } from './support/streams';

const run = promisify(execFile);
const rules = uploadRules({
  'track-audio': 8 * MiB,
  'capture-audio': 1 * MiB,
  'playlog-csv': 1 * MiB,
  document: 1 * MiB,
});

let dir: string;
let storage: ObjectStorage;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zamio-audio-types-'));
  storage = createStorage({
    kind: 'filesystem',
    directory: join(dir, 'store'),
    timeouts: { probeMs: 1_000 },
  });
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Two seconds of a sine tone in the given codec and container. */
async function encoded(file: string, codecArgs: string[]): Promise<Buffer> {
  const path = join(dir, file);
  await run('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=2',
    ...codecArgs,
    path,
  ]);
  return readFile(path);
}

describe('accepted audio types', () => {
  const cases = [
    ['Ogg Opus', 'tone.opus', ['-c:a', 'libopus'], 'audio/opus', 'opus'],
    ['Ogg Opus named .ogg', 'tone-opus.ogg', ['-c:a', 'libopus'], 'audio/opus', 'opus'],
    ['Ogg Vorbis', 'tone.ogg', ['-c:a', 'libvorbis'], 'audio/ogg', 'ogg'],
    ['MP3', 'tone.mp3', ['-c:a', 'libmp3lame'], 'audio/mpeg', 'mp3'],
    ['FLAC', 'tone.flac', ['-c:a', 'flac'], 'audio/flac', 'flac'],
  ] as const;
  for (const [name, file, args, mimeType, extension] of cases) {
    it(`stores ${name} as ${mimeType}, probed, for both tracks and captures`, async () => {
      const bytes = await encoded(file, [...args]);
      for (const kind of ['track-audio', 'capture-audio'] as const) {
        const stored = await storeUploadIn(storage, bodyOf(bytes, { chunk: 4_096 }).stream, rules[kind]);
        expect(stored).toMatchObject({ kind, mimeType, sizeBytes: bytes.length });
        expect(stored.storageName).toMatch(new RegExp(`^${kind}/[0-9a-f]{32}\\.${extension}$`));
        expect(stored.audio?.durationMs).toBeGreaterThan(1_900);
        expect((await storage.head(stored.storageName))?.contentType).toBe(mimeType);
      }
    });
  }
});
