// The fingerprints of params version FINGERPRINT_PARAMS_VERSION, pinned: a change in any code
// the pipeline runs (resampler, STFT, peaks, triplets, hashes) that alters a single hash or
// offset fails here. Such a change needs a new params version (a re-index, docs/airplay.md);
// a speed-up must leave these digests as they are (bit-identical output).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_PARAMS_VERSION, fingerprintPcm, fingerprintQuery } from '../src/index.ts';
import { addNoiseAtSnr, makeTrack, renderTrack } from './synthetic-audio.ts';

const digest = (...arrays: ArrayBufferView[]): string => {
  const hash = createHash('sha256');
  for (const a of arrays) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest('hex').slice(0, 16);
};

const track = makeTrack(20261203, 20);
const at = (rate: number) => addNoiseAtSnr(renderTrack(track, rate), 15, 7);

describe(`pinned fingerprints (params version ${FINGERPRINT_PARAMS_VERSION})`, () => {
  it.each([44_100, 48_000, 16_000, 22_050])('a track at %i Hz', (rate) => {
    const fp = fingerprintPcm(at(rate), rate);
    expect({ version: fp.version, entries: fp.hashes.length, digest: digest(fp.hashes, fp.offsets) }).toEqual(
      PINNED.track[rate],
    );
  });

  it.each([44_100, 48_000, 8000])('a query at %i Hz', (rate) => {
    const fp = fingerprintQuery(at(rate).subarray(rate * 4, rate * 14), rate);
    expect({
      version: fp.version,
      entries: fp.hashes.length,
      digest: digest(fp.hashes, fp.offsets, fp.speeds),
    }).toEqual(PINNED.query[rate]);
  });
});

// Computed by this code at params version 4 (and by the code before the decimator's and the
// dB conversion's speed-ups of 2026-12-03, which left them unchanged).
const PINNED: Record<
  'track' | 'query',
  Record<number, { version: number; entries: number; digest: string }>
> = {
  track: {
    16000: { version: 4, entries: 2677, digest: '99f965a293609491' },
    22050: { version: 4, entries: 2717, digest: 'a0450e38845cd36d' },
    44100: { version: 4, entries: 2661, digest: '0d9c884d63ee7047' },
    48000: { version: 4, entries: 2669, digest: 'da0ca786f5e68522' },
  },
  query: {
    8000: { version: 4, entries: 24010, digest: '1595fde0f8e8614c' },
    44100: { version: 4, entries: 23515, digest: '52e81d11b8eaa243' },
    48000: { version: 4, entries: 24520, digest: 'e032ba3b3558e0ea' },
  },
};
