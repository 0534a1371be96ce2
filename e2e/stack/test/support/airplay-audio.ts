// Audio for the airplay chain tests, made here (never copyrighted): a
// synthetic track rendered to WAV, and captures of it degraded as a station
// would send them — noise, band-pass and gain by ffmpeg, then a lossy MP3.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { encodeWavPcm16 } from '@zamio/fingerprint';
import { makeTrack, renderTrack, type SyntheticTrack } from '@zamio/fingerprint/testing';

const run = promisify(execFile);
const RATE = 22_050;

export interface AirplayAudio {
  /** The artist's master: the whole track, WAV. */
  trackWav: Uint8Array<ArrayBuffer>;
  /** 10 s from `fromSeconds`, degraded, as MP3 bytes. */
  capture(fromSeconds: number): Promise<Uint8Array<ArrayBuffer>>;
  /** 10 s of music that is not in the catalogue, degraded the same way. */
  unrelated(): Promise<Uint8Array<ArrayBuffer>>;
  remove(): Promise<void>;
}

export async function createAirplayAudio(seconds = 75): Promise<AirplayAudio> {
  const dir = await mkdtemp(join(tmpdir(), 'zamio-airplay-audio-'));
  const song: SyntheticTrack = makeTrack(2026, seconds);
  const stranger: SyntheticTrack = makeTrack(777, 12);
  // A fresh ArrayBuffer-backed view: what a DOM-typed Blob accepts.
  const trackWav = new Uint8Array(encodeWavPcm16([renderTrack(song, RATE)], RATE));
  let n = 0;
  const degrade = async (source: Float32Array) => {
    const name = `c${n++}`;
    await writeFile(join(dir, `${name}.wav`), encodeWavPcm16([source], RATE));
    // Radio-ish chain: band-limited, quieter, pink noise underneath, 48 kbit/s mono MP3.
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-i',
      join(dir, `${name}.wav`),
      '-f',
      'lavfi',
      '-i',
      'anoisesrc=color=pink:amplitude=0.03:seed=7:duration=10',
      '-filter_complex',
      '[0:a]highpass=f=120,lowpass=f=5000,volume=0.7[m];[m][1:a]amix=inputs=2:duration=first:normalize=0',
      '-ac',
      '1',
      '-ar',
      '22050',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '48k',
      join(dir, `${name}.mp3`),
    ]);
    return new Uint8Array(await readFile(join(dir, `${name}.mp3`)));
  };
  return {
    trackWav,
    capture: (from) => degrade(renderTrack(song, RATE, from, 10, 31 + from)),
    unrelated: () => degrade(renderTrack(stranger, RATE, 1, 10, 5)),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
