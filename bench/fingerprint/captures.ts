// Captures as a radio station would send them: a random stretch of a catalog track, cut and
// degraded (noise, gain, clipping, band limits, a low-bit-rate codec, speed changes), plus
// negatives that must never match (speech, noise, silence, music outside the catalog).
// sox does the filtering, resampling and MP3 round trip; noise and gain are added here so the
// SNR is exact. Everything is seeded and cached under CACHE/captures, keyed by seed.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeWavPcm, encodeWavPcm16 } from '@zamio/fingerprint';
import { gaussian, seededRandom as prng } from '../../libs/fingerprint/test/synthetic-audio.ts';
import { cacheDir, catalogTracks, foreignTracks, SEED, seededHash, sh, type CorpusTrack } from './corpus.ts';

export const LENGTHS = [5, 10] as const;
export const CONDITIONS = [
  'clean',
  'white noise 10 dB',
  'white noise 5 dB',
  'white noise 0 dB',
  'pink noise 10 dB',
  'pink noise 5 dB',
  'pink noise 0 dB',
  'gain −20 dB',
  'gain +10 dB, clipped',
  'low-pass 3 kHz',
  'telephone 300–3400 Hz, 8 kHz',
  'MP3 32 kbit/s',
  'speed −3 %',
  'speed −2 %',
  'speed −1 %',
  'speed +1 %',
  'speed +2 %',
  'speed +3 %',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface Capture {
  readonly path: string;
  readonly seconds: number;
  /** Catalog track id, or null for a negative. */
  readonly trackId: string | null;
  /** Where the capture starts in the track, seconds (positives). */
  readonly from: number;
  readonly condition: string;
}

/** Bump when the way captures are made changes: cached captures are then rebuilt. */
const CAPTURE_RECIPE = 3;

export function rms(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return Math.sqrt(s / Math.max(1, x.length));
}

/** Unit-RMS white or pink (Paul Kellet's filter) noise. */
export function noise(n: number, kind: 'white' | 'pink' | 'brown', random: () => number): Float32Array {
  const out = new Float32Array(n);
  let b0 = 0,
    b1 = 0,
    b2 = 0,
    b3 = 0,
    b4 = 0,
    b5 = 0,
    b6 = 0,
    brown = 0;
  for (let i = 0; i < n; i++) {
    const w = gaussian(random);
    if (kind === 'white') out[i] = w;
    else if (kind === 'brown') {
      brown = 0.995 * brown + 0.1 * w;
      out[i] = brown;
    } else {
      b0 = 0.99886 * b0 + w * 0.0555179;
      b1 = 0.99332 * b1 + w * 0.0750759;
      b2 = 0.969 * b2 + w * 0.153852;
      b3 = 0.8665 * b3 + w * 0.3104856;
      b4 = 0.55 * b4 + w * 0.5329522;
      b5 = -0.7616 * b5 - w * 0.016898;
      out[i] = b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362;
      b6 = w * 0.115926;
    }
  }
  const r = rms(out) || 1;
  for (let i = 0; i < n; i++) out[i] = out[i]! / r;
  return out;
}

function readMono(path: string): { samples: Float32Array; sampleRate: number } {
  const wav = decodeWavPcm(readFileSync(path));
  return { samples: wav.samples, sampleRate: wav.sampleRate };
}

const trackSeconds = new Map<string, number>();
function durationOf(track: CorpusTrack): number {
  let d = trackSeconds.get(track.wavPath);
  if (d === undefined) {
    const out = sh('soxi', ['-D', track.wavPath]).trim();
    d = Number(out);
    trackSeconds.set(track.wavPath, d);
  }
  return d;
}

function speedOf(condition: string): number {
  const m = /^speed ([−+])(\d) %$/.exec(condition);
  if (!m) return 1;
  return 1 + (m[1] === '−' ? -1 : 1) * Number(m[2]) * 0.01;
}

/** Cut [from, from + seconds) of `wav` with sox, mixed to mono, with `effects`; returns the file. */
function soxCut(wav: string, from: number, seconds: number, out: string, effects: string[]): void {
  sh('sox', [wav, '-b', '16', out, 'trim', from.toFixed(4), seconds.toFixed(4), 'remix', '-', ...effects]);
}

function degrade(track: CorpusTrack, condition: Condition, seconds: number, from: number, out: string): void {
  const speed = speedOf(condition);
  const tmp = `${out}.tmp.wav`;
  if (speed !== 1) {
    // Played `speed` times faster: take speed × seconds of the track, then `speed` (pitch and
    // tempo, like a faster turntable or tape), back to 44.1 kHz.
    soxCut(track.wavPath, from, seconds * speed + 0.05, tmp, [
      'speed',
      String(speed),
      'rate',
      '44100',
      'trim',
      '0',
      String(seconds),
    ]);
  } else if (condition === 'low-pass 3 kHz') soxCut(track.wavPath, from, seconds, tmp, ['sinc', '-3000']);
  else if (condition === 'telephone 300–3400 Hz, 8 kHz')
    soxCut(track.wavPath, from, seconds, tmp, ['sinc', '300-3400', 'rate', '8000']);
  else if (condition === 'MP3 32 kbit/s') {
    const mp3 = `${out}.tmp.mp3`;
    sh('sox', [track.wavPath, '-C', '32', mp3, 'trim', from.toFixed(4), seconds.toFixed(4), 'remix', '-']);
    sh('sox', [mp3, '-b', '16', tmp]);
    rmSync(mp3);
  } else soxCut(track.wavPath, from, seconds, tmp, []);
  const { samples, sampleRate } = readMono(tmp);
  rmSync(tmp);
  const random = prng(seededHash(`${out}:noise`));
  const m = /^(white|pink) noise (\d+) dB$/.exec(condition);
  if (m) {
    const n = noise(samples.length, m[1] as 'white' | 'pink', random);
    const level = rms(samples) / 10 ** (Number(m[2]) / 20);
    for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! + level * n[i]!;
  } else if (condition === 'gain −20 dB')
    for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! * 0.1;
  else if (condition === 'gain +10 dB, clipped')
    for (let i = 0; i < samples.length; i++) samples[i] = Math.max(-1, Math.min(1, samples[i]! * 10 ** 0.5));
  writeFileSync(out, encodeWavPcm16([samples], sampleRate));
}

function randomFrom(track: CorpusTrack, key: string, seconds: number): number {
  const random = prng(seededHash(key));
  const room = durationOf(track) - seconds * 1.04 - 1;
  return Math.max(0, Math.round(random() * room * 1000) / 1000);
}

export function positiveCaptures(half: 'tune' | 'test', log = console.log): Capture[] {
  const dir = cacheDir('captures', `seed-${SEED}-r${CAPTURE_RECIPE}`, half);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as Capture[];
  const tracks = catalogTracks().filter((t) => t.half === half);
  const captures: Capture[] = [];
  for (const [t, track] of tracks.entries()) {
    for (const seconds of LENGTHS) {
      for (const [c, condition] of CONDITIONS.entries()) {
        const key = `${track.id}:${condition}:${seconds}`;
        const from = randomFrom(track, key, seconds);
        const path = join(dir, `${t}-${c}-${seconds}.wav`);
        degrade(track, condition, seconds, from, path);
        captures.push({ path, seconds, trackId: track.id, from, condition });
      }
    }
    if (t % 10 === 9) log(`  captures: ${t + 1}/${tracks.length} tracks`);
  }
  writeFileSync(manifest, JSON.stringify(captures));
  return captures;
}

const WORDS = (
  'the radio station plays music every morning and evening news weather traffic report from accra ' +
  'kumasi tamale market prices today football results president minister announcement church choir ' +
  'listeners call the studio to request a song for their family friends birthday wedding ceremony ' +
  'advertisement buy now best price mobile money transfer network coverage cocoa farmers harvest rain'
).split(' ');
const VOICES = ['en-gb', 'en-us', 'en-gb-x-rp', 'en-029', 'fr-fr', 'de', 'es', 'pt', 'sw', 'tn', 'ht', 'nl'];

export function negativeCaptures(half: 'tune' | 'test', log = console.log): Capture[] {
  const dir = cacheDir('captures', `seed-${SEED}-r${CAPTURE_RECIPE}`, `${half}-negatives`);
  const manifest = join(dir, 'manifest.json');
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as Capture[];
  const out: Capture[] = [];
  const salt = half === 'tune' ? 1 : 2;
  const add = (condition: string, write: (path: string, seconds: number, random: () => number) => void) => {
    const seconds = LENGTHS[out.length % LENGTHS.length]!;
    const path = join(dir, `${out.length}.wav`);
    write(path, seconds, prng(seededHash(`${half}:${out.length}:${condition}`, SEED + salt)));
    out.push({ path, seconds, trackId: null, from: 0, condition });
  };
  const rate = 44_100;
  const speech = (path: string, seconds: number, random: () => number, noisy: boolean) => {
    const voice = VOICES[Math.floor(random() * VOICES.length)]!;
    const text = Array.from({ length: 60 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
    const raw = `${path}.speech.wav`;
    sh('espeak-ng', [
      '-v',
      voice,
      '-s',
      String(130 + Math.floor(random() * 60)),
      '-p',
      String(20 + Math.floor(random() * 60)),
      '-w',
      raw,
      text,
    ]);
    sh('sox', [raw, '-b', '16', `${path}.tmp.wav`, 'rate', String(rate), 'trim', '0', String(seconds)]);
    rmSync(raw);
    const { samples } = readMono(`${path}.tmp.wav`);
    rmSync(`${path}.tmp.wav`);
    if (noisy) {
      const n = noise(samples.length, 'pink', random);
      const level = rms(samples) / 10 ** (10 / 20);
      for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! + level * n[i]!;
    }
    writeFileSync(path, encodeWavPcm16([samples], rate));
  };
  for (let i = 0; i < 30; i++) add('speech (espeak-ng)', (p, s, r) => speech(p, s, r, false));
  for (let i = 0; i < 10; i++) add('speech + pink noise 10 dB', (p, s, r) => speech(p, s, r, true));
  for (const kind of ['white', 'pink', 'brown'] as const)
    for (let i = 0; i < 5; i++)
      add(`${kind} noise`, (p, s, r) => {
        const n = noise(s * rate, kind, r);
        const level = 10 ** (-(6 + 40 * r()) / 20);
        writeFileSync(p, encodeWavPcm16([n.map((v) => v * level)], rate));
      });
  for (let i = 0; i < 10; i++)
    add(i < 3 ? 'digital silence' : i < 6 ? 'near silence (−80 dB noise)' : 'mains hum 50 Hz', (p, s, r) => {
      const n = s * rate;
      const x = new Float32Array(n);
      const dither = noise(n, 'white', r);
      for (let k = 0; k < n; k++) {
        if (i >= 3) x[k] = 1e-4 * dither[k]!;
        if (i >= 6)
          for (let h = 1; h <= 5; h++)
            x[k] = x[k]! + (0.05 / h) * Math.sin((2 * Math.PI * 50 * h * k) / rate);
      }
      writeFileSync(p, encodeWavPcm16([x], rate));
    });
  const foreign = foreignTracks().filter((t) => t.half === half);
  for (let i = 0; out.length < 110 || i < foreign.length; i++) {
    const track = foreign[i % foreign.length]!;
    const condition = CONDITIONS[seededHash(`${half}:${i}`) % CONDITIONS.length]!;
    add(`music not in the catalog (${condition})`, (p, s) =>
      degrade(track, condition, s, randomFrom(track, `${p}`, s), p),
    );
  }
  log(`  negatives: ${out.length}`);
  writeFileSync(manifest, JSON.stringify(out));
  return out;
}
