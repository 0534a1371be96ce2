// The pipeline for one clip: PCM (any rate) → resample → STFT → peaks → triplets → hashes.
// A track yields one hash per triplet (what the index stores); a query yields one per
// triplet and per trial speed, each with its anchor already mapped onto the track's time axis.
import { clampAnchor, clampRatio, DT_MAX, packClamped } from './hash.ts';
import { findTriplets, type Triplets } from './triplets.ts';
import { FINGERPRINT_PARAMS, FINGERPRINT_PARAMS_VERSION, type FingerprintParams } from './params.ts';
import { findPeaks, type Peaks } from './peaks.ts';
import { resampleLinear } from './resample.ts';
import { FrameSpectrum } from './spectrogram.ts';

/** Version recorded on fingerprints made with non-default (experimental) params: never store those. */
export const EXPERIMENTAL_PARAMS_VERSION = 0;

export interface TrackFingerprint {
  /** FINGERPRINT_PARAMS_VERSION of the params that made it. */
  readonly version: number;
  /** One hash per landmark (triplet). */
  readonly hashes: Uint32Array;
  /** Anchor frame of each landmark, from the start of the audio. */
  readonly offsets: Uint32Array;
  readonly durationSeconds: number;
}

export interface QueryFingerprint {
  readonly version: number;
  /** One entry per (landmark, trial speed). */
  readonly hashes: Uint32Array;
  /** Anchor frame mapped to the track's time axis at that speed (frame × speed). */
  readonly offsets: Uint32Array;
  /** Index into params.speeds of each entry. */
  readonly speeds: Uint8Array;
  /** Landmarks in the query, before the speed expansion. */
  readonly landmarkCount: number;
  readonly durationSeconds: number;
}

function versionOf(params: FingerprintParams): number {
  return params === FINGERPRINT_PARAMS ? FINGERPRINT_PARAMS_VERSION : EXPERIMENTAL_PARAMS_VERSION;
}

function analyse(
  samples: Float32Array,
  sampleRate: number,
  params: FingerprintParams,
  perBandWindow: number,
): { peaks: Peaks; durationSeconds: number } {
  if (!(sampleRate > 0)) throw new RangeError(`sample rate must be positive (got ${sampleRate})`);
  const pcm = resampleLinear(samples, sampleRate, params.sampleRate);
  // Two extra bins each side so the peak's neighbours exist for interpolation.
  const first = Math.max(0, params.minBin - 2);
  const last = Math.min(params.frameSize / 2, params.maxBin + 2);
  const spectrum = new FrameSpectrum(pcm, params.frameSize, params.hopSize, first, last);
  return {
    peaks: findPeaks(spectrum, params, perBandWindow),
    durationSeconds: pcm.length / params.sampleRate,
  };
}

/**
 * Hashes of every triplet at one speed (the query ran `speed` times faster than the track).
 * The ratio fields are the same at every speed; the anchor shifts by log2(speed), Δt scale.
 */
function hashTriplets(
  peaks: Peaks,
  triplets: Triplets,
  speed: number,
  params: FingerprintParams,
  out: Uint32Array,
  at: number,
): void {
  const A = params.anchorStepsPerOctave;
  const R = params.ratioStepsPerOctave;
  const origin = Math.log2(params.sampleRate / params.frameSize / params.anchorMinHz) - Math.log2(speed);
  const { log2Bin, time } = peaks;
  for (let k = 0; k < triplets.count; k++) {
    const a = triplets.anchor[k]!;
    const b = triplets.first[k]!;
    const c = triplets.second[k]!;
    const la = log2Bin[a]!;
    const ta = time[a]!;
    out[at + k] = packClamped(
      clampAnchor(Math.floor((la + origin) * A)),
      clampRatio(Math.round((log2Bin[b]! - la) * R)),
      clampRatio(Math.round((log2Bin[c]! - la) * R)),
      Math.min(DT_MAX, Math.round((time[b]! - ta) * speed)),
      Math.min(DT_MAX, Math.round((time[c]! - ta) * speed)),
    );
  }
}

export function fingerprintPcm(
  samples: Float32Array,
  sampleRate: number,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): TrackFingerprint {
  const { peaks, durationSeconds } = analyse(samples, sampleRate, params, params.peaksPerBandWindow);
  const triplets = findTriplets(peaks, params, params.targetsPerAnchor);
  const hashes = new Uint32Array(triplets.count);
  const offsets = new Uint32Array(triplets.count);
  hashTriplets(peaks, triplets, 1, params, hashes, 0);
  for (let k = 0; k < triplets.count; k++) offsets[k] = peaks.frame[triplets.anchor[k]!]!;
  return { version: versionOf(params), hashes, offsets, durationSeconds };
}

export function fingerprintQuery(
  samples: Float32Array,
  sampleRate: number,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): QueryFingerprint {
  const { peaks, durationSeconds } = analyse(samples, sampleRate, params, params.queryPeaksPerBandWindow);
  const triplets = findTriplets(peaks, params, params.queryTargetsPerAnchor);
  const n = triplets.count * params.speeds.length;
  const hashes = new Uint32Array(n);
  const offsets = new Uint32Array(n);
  const speeds = new Uint8Array(n);
  for (let s = 0; s < params.speeds.length; s++) {
    const speed = params.speeds[s]!;
    const at = s * triplets.count;
    hashTriplets(peaks, triplets, speed, params, hashes, at);
    for (let k = 0; k < triplets.count; k++)
      offsets[at + k] = Math.round(peaks.frame[triplets.anchor[k]!]! * speed);
    speeds.fill(s, at, at + triplets.count);
  }
  return {
    version: versionOf(params),
    hashes,
    offsets,
    speeds,
    landmarkCount: triplets.count,
    durationSeconds,
  };
}
