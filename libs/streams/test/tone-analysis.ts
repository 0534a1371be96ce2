// Which tone a recording carries: Goertzel power scanned over a frequency range.
export function dominantFrequency(
  samples: Float32Array,
  sampleRate: number,
  from = 100,
  to = 3_900,
  step = 5,
): number {
  let best = { hz: 0, power: -1 };
  for (let hz = from; hz <= to; hz += step) {
    const coefficient = 2 * Math.cos((2 * Math.PI * hz) / sampleRate);
    let s1 = 0;
    let s2 = 0;
    for (const x of samples) {
      const s0 = x + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    if (power > best.power) best = { hz, power };
  }
  return best.hz;
}

export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return Math.sqrt(sum / Math.max(1, samples.length));
}
