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

/** The speed-invariant fields of each triplet: its two ratio cells, and the raw Δt. */
interface TripletShape {
  readonly ratio1: Int8Array;
  readonly ratio2: Int8Array;
  readonly dt1: Float32Array;
  readonly dt2: Float32Array;
}

function shapeOf(peaks: Peaks, triplets: Triplets, params: FingerprintParams): TripletShape {
  const R = params.ratioStepsPerOctave;
  const { log2Bin, time } = peaks;
  const n = triplets.count;
  const shape = {
    ratio1: new Int8Array(n),
    ratio2: new Int8Array(n),
    dt1: new Float32Array(n),
    dt2: new Float32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const a = triplets.anchor[k]!;
    const b = triplets.first[k]!;
    const c = triplets.second[k]!;
    shape.ratio1[k] = clampRatio(Math.round((log2Bin[b]! - log2Bin[a]!) * R));
    shape.ratio2[k] = clampRatio(Math.round((log2Bin[c]! - log2Bin[a]!) * R));
    shape.dt1[k] = time[b]! - time[a]!;
    shape.dt2[k] = time[c]! - time[a]!;
  }
  return shape;
}

/**
 * Hashes of every triplet at one speed (the query ran `speed` times faster than the track):
 * the anchor cell shifts by log2(speed) and Δt scale; the ratios do not change.
 */
function hashTriplets(
  peaks: Peaks,
  triplets: Triplets,
  shape: TripletShape,
  speed: number,
  params: FingerprintParams,
  out: Uint32Array,
  at: number,
): void {
  const A = params.anchorStepsPerOctave;
  const origin = Math.log2(params.sampleRate / params.frameSize / params.anchorMinHz) - Math.log2(speed);
  const { log2Bin } = peaks;
  for (let k = 0; k < triplets.count; k++) {
    out[at + k] = packClamped(
      clampAnchor(Math.floor((log2Bin[triplets.anchor[k]!]! + origin) * A)),
      shape.ratio1[k]!,
      shape.ratio2[k]!,
      Math.min(DT_MAX, Math.round(shape.dt1[k]! * speed)),
      Math.min(DT_MAX, Math.round(shape.dt2[k]! * speed)),
    );
  }
}

/** Peaks and triplets of a clip, with the density of a track (index) or of a query. */
function landmarks(
  samples: Float32Array,
  sampleRate: number,
  params: FingerprintParams,
  role: 'track' | 'query',
) {
  const isQuery = role === 'query';
  const budget = isQuery ? params.queryPeaksPerBandWindow : params.peaksPerBandWindow;
  const { peaks, durationSeconds } = analyse(samples, sampleRate, params, budget);
  const triplets = findTriplets(
    peaks,
    params,
    isQuery ? params.queryTargetsPerAnchor : params.targetsPerAnchor,
  );
  return { peaks, triplets, shape: shapeOf(peaks, triplets, params), durationSeconds };
}

export function fingerprintPcm(
  samples: Float32Array,
  sampleRate: number,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): TrackFingerprint {
  const { peaks, triplets, shape, durationSeconds } = landmarks(samples, sampleRate, params, 'track');
  const hashes = new Uint32Array(triplets.count);
  const offsets = new Uint32Array(triplets.count);
  hashTriplets(peaks, triplets, shape, 1, params, hashes, 0);
  for (let k = 0; k < triplets.count; k++) offsets[k] = peaks.frame[triplets.anchor[k]!]!;
  return { version: versionOf(params), hashes, offsets, durationSeconds };
}

export function fingerprintQuery(
  samples: Float32Array,
  sampleRate: number,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): QueryFingerprint {
  const { peaks, triplets, shape, durationSeconds } = landmarks(samples, sampleRate, params, 'query');
  const n = triplets.count * params.speeds.length;
  const hashes = new Uint32Array(n);
  const offsets = new Uint32Array(n);
  const speeds = new Uint8Array(n);
  for (let s = 0; s < params.speeds.length; s++) {
    const speed = params.speeds[s]!;
    const at = s * triplets.count;
    hashTriplets(peaks, triplets, shape, speed, params, hashes, at);
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
