// Synthetic "music" for tests and the benchmark: seeded sequences of tones and chords with
// a little noise. Tracks are described analytically (notes with start/duration/frequencies)
// so the same track can be rendered at any sample rate — the query path can then start at
// 44.1 kHz while the index was built at 8 kHz, like a real radio capture.

/** mulberry32: tiny seeded PRNG, deterministic across platforms. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal via Box–Muller. */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

interface Note {
  readonly start: number;
  readonly duration: number;
  readonly tones: readonly { frequency: number; amplitude: number }[];
}

export interface SyntheticTrack {
  readonly durationSeconds: number;
  readonly notes: readonly Note[];
}

export function makeTrack(seed: number, durationSeconds: number): SyntheticTrack {
  const random = seededRandom(seed);
  const notes: Note[] = [];
  for (let t = 0; t < durationSeconds;) {
    const duration = 0.15 + random() * 0.45;
    const count = 1 + Math.floor(random() * 3);
    const tones = Array.from({ length: count }, () => ({
      frequency: 150 + random() * 3300,
      amplitude: 0.1 + random() * 0.2,
    }));
    notes.push({ start: t, duration, tones });
    t += duration;
  }
  return { durationSeconds, notes };
}

/** Render [from, from + seconds) of a track at `sampleRate`, with noise at `noiseDb` below full scale. */
export function renderTrack(
  track: SyntheticTrack,
  sampleRate: number,
  from = 0,
  seconds = track.durationSeconds,
  noiseSeed = 1,
  noiseRms = 0.003,
): Float32Array {
  const n = Math.floor(seconds * sampleRate);
  const out = new Float32Array(n);
  const end = from + seconds;
  for (const note of track.notes) {
    if (note.start + note.duration <= from || note.start >= end) continue;
    const i0 = Math.max(0, Math.ceil((note.start - from) * sampleRate));
    const i1 = Math.min(n, Math.ceil((note.start + note.duration - from) * sampleRate));
    for (let i = i0; i < i1; i++) {
      const t = from + i / sampleRate;
      const local = t - note.start;
      // Plucked/struck-note envelope, as in most music: 5 ms attack, exponential decay, 10 ms
      // release (no clicks). Onsets then give landmarks a well-defined time.
      const env = Math.min(1, local / 0.005, (note.duration - local) / 0.01) * Math.exp(-local / 0.12);
      let v = 0;
      for (const tone of note.tones) v += tone.amplitude * Math.sin(2 * Math.PI * tone.frequency * t);
      out[i] = (out[i] ?? 0) + v * env;
    }
  }
  addNoise(out, noiseRms, noiseSeed);
  return out;
}

export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

export function addNoise(samples: Float32Array, noiseRms: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] ?? 0) + noiseRms * gaussian(random);
  return samples;
}

/** Add white noise so that signal-to-noise ratio is `snrDb`. */
export function addNoiseAtSnr(samples: Float32Array, snrDb: number, seed: number): Float32Array {
  return addNoise(samples, rms(samples) / 10 ** (snrDb / 20), seed);
}

/** Render `seconds` of a capture played `speed` times faster than the track (pitch and tempo). */
export function renderAtSpeed(
  track: SyntheticTrack,
  sampleRate: number,
  from: number,
  seconds: number,
  speed: number,
  seed: number,
): Float32Array {
  // Sample i is the track at from + i·speed/rate: time compressed, pitch raised by `speed`.
  const raw = renderTrack(track, sampleRate / speed, from, seconds * speed, seed);
  return raw.subarray(0, Math.floor(seconds * sampleRate));
}
