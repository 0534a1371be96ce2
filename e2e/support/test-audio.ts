// Music-like test audio made here (no recorded music in the repository): a
// seeded melody of notes with harmonics over a bass line and noise-burst
// percussion, as 16-bit mono WAV. The same seed gives the same samples;
// different seeds give unrelated pieces.

export const TEST_SAMPLE_RATE = 22_050;

function mulberry32(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PENTATONIC = [0, 2, 4, 7, 9];

/** `seconds` of a seeded piece, as float samples in [-1, 1]. */
export function synthesisePiece(seed: number, seconds: number, sampleRate = TEST_SAMPLE_RATE): Float32Array {
  const random = mulberry32(seed);
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  const root = 180 + random() * 80;
  const noteFrequency = (step: number) =>
    root * 2 ** ((Math.floor(step / 5) * 12 + PENTATONIC[step % 5]!) / 12);
  const addTone = (start: number, length: number, frequency: number, level: number) => {
    const first = Math.floor(start * sampleRate);
    const count = Math.min(samples.length - first, Math.floor(length * sampleRate));
    for (let i = 0; i < count; i++) {
      const t = i / sampleRate;
      const envelope = Math.min(1, t / 0.01) * Math.exp((-3 * t) / length);
      const phase = 2 * Math.PI * frequency * t;
      samples[first + i]! +=
        level * envelope * (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase));
    }
  };
  // Melody: notes of 0.15–0.5 s, sometimes two at once.
  for (let time = 0; time < seconds;) {
    const length = 0.15 + random() * 0.35;
    addTone(time, length * 1.3, noteFrequency(5 + Math.floor(random() * 10)), 0.22);
    if (random() < 0.35) addTone(time, length * 1.3, noteFrequency(Math.floor(random() * 15)), 0.12);
    time += length;
  }
  // Bass: one note per beat (0.5 s).
  for (let beat = 0; beat * 0.5 < seconds; beat++)
    addTone(beat * 0.5, 0.45, noteFrequency(Math.floor(random() * 5)) / 2, 0.18);
  // Percussion: short noise bursts on some off-beats.
  for (let beat = 0; beat * 0.25 < seconds; beat++) {
    if (random() < 0.5) continue;
    const first = Math.floor(beat * 0.25 * sampleRate);
    const count = Math.min(samples.length - first, Math.floor(0.04 * sampleRate));
    for (let i = 0; i < count; i++) samples[first + i]! += 0.08 * (random() * 2 - 1) * (1 - i / count);
  }
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  for (let i = 0; i < samples.length; i++) samples[i]! *= 0.9 / peak;
  return samples;
}

/**
 * A radio-like copy of a stretch: gain change, added noise (about 25 dB
 * below the signal) and hard clipping of the loudest peaks.
 */
export function degrade(samples: Float32Array, seed: number): Float32Array {
  const random = mulberry32(seed);
  return samples.map((value) => Math.max(-0.8, Math.min(0.8, value * 1.2 + 0.05 * (random() * 2 - 1))));
}

export function sliceSeconds(
  samples: Float32Array,
  fromSeconds: number,
  toSeconds: number,
  sampleRate = TEST_SAMPLE_RATE,
): Float32Array {
  return samples.slice(Math.round(fromSeconds * sampleRate), Math.round(toSeconds * sampleRate));
}

/** 16-bit PCM mono WAV. */
export function encodeWav(samples: Float32Array, sampleRate = TEST_SAMPLE_RATE): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((value, index) =>
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, value)) * 32_767), index * 2),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
