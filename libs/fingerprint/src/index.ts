export {
  FINGERPRINT_PARAMS,
  FINGERPRINT_PARAMS_VERSION,
  secondsPerFrame,
  type FingerprintParams,
} from './params.ts';
export { decodeWavPcm, encodeWavPcm16, WavFormatError, type DecodedWav } from './wav.ts';
export { resampleLinear } from './resample.ts';
export { spectrogram, hannWindow, FrameSpectrum, type Spectrogram } from './spectrogram.ts';
export { findPeaks, type Peaks } from './peaks.ts';
export { findTriplets, type Triplets } from './triplets.ts';
export { packHash, unpackHash, type HashParts } from './hash.ts';
export {
  fingerprintPcm,
  fingerprintQuery,
  EXPERIMENTAL_PARAMS_VERSION,
  type TrackFingerprint,
  type QueryFingerprint,
} from './fingerprint.ts';
export { groupPostings, queryHashes, type PostingLists, type PostingSource } from './postings.ts';
export { PackedIndex, PackedIndexBuilder } from './packed-index.ts';
export {
  countVotes,
  decideFromVotes,
  decideMatch,
  DEFAULT_MATCH_OPTIONS,
  type MatchDecision,
  type MatchOptions,
  type VoteSummary,
} from './decide.ts';
export { matchQuery } from './match.ts';
