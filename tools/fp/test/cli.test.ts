// zamio-fp against a real embedded database (PGlite folder) and the
// machine's PostgreSQL: index a folder of synthetic tracks, match captures of
// them and of unrelated audio, one JSON line each; re-indexing skips files
// whose bytes are unchanged.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWavPcm16 } from '@zamio/fingerprint';
import { addNoiseAtSnr, makeTrack, renderTrack } from '@zamio/fingerprint/testing';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
import { main, type CliIo } from '../src/cli';

const RATE = 16_000;
let dir: string;
let pg: TestDatabase;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zamio-fp-'));
  await mkdir(join(dir, 'library', 'album'), { recursive: true });
  await mkdir(join(dir, 'captures'), { recursive: true });
  for (const [name, seed] of [
    ['one.wav', 101],
    ['album/two.wav', 202],
  ] as const) {
    const track = makeTrack(seed, 40);
    await writeFile(join(dir, 'library', name), encodeWavPcm16([renderTrack(track, RATE)], RATE));
    await writeFile(
      join(dir, 'captures', `${seed}.wav`),
      encodeWavPcm16([addNoiseAtSnr(renderTrack(track, RATE, 15, 10, seed), 10, seed)], RATE),
    );
  }
  await writeFile(
    join(dir, 'captures', 'stranger.wav'),
    encodeWavPcm16([renderTrack(makeTrack(999, 10), RATE)], RATE),
  );
  pg = await createTestDatabase();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await pg?.drop();
});

function recorder(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => void lines.push(l), err: (l) => void errors.push(l) };
}

describe.each([
  ['PGlite folder', () => ['--data-dir', join(dir, 'catalogue')]],
  ['PostgreSQL', () => ['--database-url', pg.url]],
])('zamio-fp on %s', (_name, store) => {
  it('indexes a folder and matches captures with the worker’s rule', async () => {
    const indexing = recorder();
    expect(await main(['index', join(dir, 'library'), ...store()], indexing)).toBe(0);
    expect(indexing.errors.at(-1)).toBe('indexed 2 of 2 files');

    const matching = recorder();
    expect(await main(['match', join(dir, 'captures'), ...store(), '--json'], matching)).toBe(0);
    const answers = matching.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const byFile = new Map(answers.map((a) => [String(a.file).split('/').at(-1), a]));
    expect(byFile.get('101.wav')).toMatchObject({ track: 'one.wav', confidence: expect.any(Number) });
    expect(byFile.get('202.wav')).toMatchObject({ track: 'album/two.wav' });
    for (const file of ['101.wav', '202.wav'])
      expect(Math.abs((byFile.get(file)!.offset as number) - 15)).toBeLessThan(0.5);
    expect(byFile.get('stranger.wav')).toEqual({
      file: join(dir, 'captures', 'stranger.wav'),
      track: null,
      offset: null,
      confidence: 0,
    });

    // Unchanged files are not fingerprinted again; plain output is one tab-separated line per capture.
    expect(await main(['index', join(dir, 'library'), ...store()], recorder())).toBe(0);
    const plain = recorder();
    await main(['match', join(dir, 'captures', '101.wav'), ...store()], plain);
    expect(plain.lines).toHaveLength(1);
    expect(plain.lines[0]!.split('\t').slice(1, 2)).toEqual(['one.wav']);
  }, 120_000);
});

it('refuses bad usage with 64 and a missing folder with 66', async () => {
  expect(await main(['index', dir], recorder())).toBe(64);
  expect(await main(['frobnicate', dir, '--data-dir', dir], recorder())).toBe(64);
  expect(await main(['index', join(dir, 'nope'), '--data-dir', dir], recorder())).toBe(66);
});
