// The decision rule, shared by every store. Each query entry votes, for every posting of its
// hash, for (track, trial speed, offset difference). A capture of a registered track piles
// its votes into one offset bin of one track at about the right speed; chance collisions
// scatter over bins, speeds and tracks. The answer is the best track only if it stands
// clearly above the best *other* track — a relative rule, because the chance level grows
// with the query's length, the catalog and the number of speeds tried, and the runner-up
// measures exactly that level for this query.
import type { QueryFingerprint } from './fingerprint.ts';
import { FINGERPRINT_PARAMS, secondsPerFrame, type FingerprintParams } from './params.ts';
import { distinctHashes, type PostingLists } from './postings.ts';

export interface MatchOptions {
  /** Fewer aligned votes than this is never a match. */
  readonly minScore: number;
  /** The best track must reach at least this multiple of the runner-up (other track) … */
  readonly minRatio: number;
  /** … plus this many votes (keeps tiny scores like 3 vs 1 from passing). */
  readonly margin: number;
  /** Hashes with more postings than this carry no information and are skipped. */
  readonly maxPostingsPerHash: number;
  /** Offset bin width in frames; a score is the sum of three adjacent bins. */
  readonly binFrames: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = Object.freeze({
  minScore: 8,
  minRatio: 2,
  margin: 4,
  maxPostingsPerHash: 150,
  binFrames: 2,
});

export interface MatchDecision {
  /** Track number of the match (as given to the index). */
  readonly track: number;
  /** Where the capture starts inside the track, seconds of the track. */
  readonly offsetSeconds: number;
  /** Estimated playback speed of the capture relative to the track (1.02 = 2 % fast). */
  readonly speed: number;
  /** Aligned votes for the best track, and for the best other track. */
  readonly score: number;
  readonly runnerUp: number;
  /** 0..1: how far the score clears what the decision rule requires. */
  readonly confidence: number;
}

/** Votes and the best window found, before the rule is applied (also for calibration). */
export interface VoteSummary {
  readonly best: { track: number; speedIndex: number; bin: number; score: number; centre: number } | null;
  readonly runnerUp: number;
  readonly votes: number;
}

// Open-addressing vote table (linear probing) in typed arrays, reused across calls: a JS
// Map costs ~10× more per vote, and a query casts 10⁴–10⁵ votes. The arrays keep the largest
// size any query needed; each query probes only the first slots, as many as its own votes
// need, so a typical query after a rare large one (10⁵ votes: 16 MB of table) still works
// in a table that fits the cache.
let capacity = 0;
let mask = 0;
let keyHi = new Int32Array(0);
let keyLo = new Int32Array(0);
let weight = new Float32Array(0);
let used = new Int32Array(0);
/** Each vote's key (hi = track · speeds + speed, lo = offset bin), in casting order. */
let voteHi = new Int32Array(0);
let voteLo = new Int32Array(0);
const EMPTY = -1;

function reserve(votes: number): void {
  let size = 1 << 12;
  while (size < votes * 2) size *= 2;
  mask = size - 1;
  if (votes > voteHi.length) {
    voteHi = new Int32Array(size / 2);
    voteLo = new Int32Array(size / 2);
  }
  if (size <= capacity) return;
  capacity = size;
  keyHi = new Int32Array(size).fill(EMPTY);
  keyLo = new Int32Array(size);
  weight = new Float32Array(size);
  used = new Int32Array(size);
}

const slotOf = (hi: number, lo: number): number =>
  (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b)) >>> 0;

function find(hi: number, lo: number): number {
  let s = slotOf(hi, lo) & mask;
  for (;;) {
    const h = keyHi[s]!;
    if (h === EMPTY) return -1;
    if (h === hi && keyLo[s] === lo) return s;
    s = (s + 1) & mask;
  }
}

export function countVotes(
  query: QueryFingerprint,
  postings: PostingLists,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): VoteSummary {
  const S = params.speeds.length;
  const listOf = listIndexOf(query.hashes, postings.hashes);
  let total = 0;
  for (let e = 0; e < listOf.length; e++) {
    const i = listOf[e]!;
    const count = i < 0 ? 0 : postings.ends[i]! - postings.starts[i]!;
    if (count === 0 || count > options.maxPostingsPerHash) listOf[e] = -1;
    else total += count;
  }
  reserve(total);
  // Gather every vote's key first, then count them: the postings' reads are cache misses
  // that do not depend on one another, and a loop that only gathers lets the CPU overlap
  // them, where the probe of the table after each read held the next one back.
  const bin = options.binFrames;
  let votes = 0;
  for (let e = 0; e < query.hashes.length; e++) {
    const i = listOf[e]!;
    if (i < 0) continue;
    const at = query.offsets[e]!;
    const speed = query.speeds[e]!;
    for (let p = postings.starts[i]!; p < postings.ends[i]!; p++) {
      voteHi[votes] = postings.tracks[p]! * S + speed;
      voteLo[votes++] = Math.floor((postings.offsets[p]! - at) / bin);
    }
  }
  let occupied = 0;
  const slots = mask;
  for (let v = 0; v < votes; v++) {
    const hi = voteHi[v]!;
    const lo = voteLo[v]!;
    let s = slotOf(hi, lo) & slots;
    for (;;) {
      const h = keyHi[s]!;
      if (h === EMPTY) {
        keyHi[s] = hi;
        keyLo[s] = lo;
        weight[s] = 1;
        used[occupied++] = s;
        break;
      }
      if (h === hi && keyLo[s] === lo) {
        weight[s]!++;
        break;
      }
      s = (s + 1) & slots;
    }
  }

  let best: { track: number; speedIndex: number; bin: number; score: number } | null = null;
  let runnerUp = 0;
  for (let u = 0; u < occupied; u++) {
    const s = used[u]!;
    const hi = keyHi[s]!;
    const lo = keyLo[s]!;
    const left = find(hi, lo - 1);
    const right = find(hi, lo + 1);
    const score = weight[s]! + (left < 0 ? 0 : weight[left]!) + (right < 0 ? 0 : weight[right]!);
    const track = Math.floor(hi / S);
    if (best && track === best.track) {
      if (isBetter(score, hi, lo, best.score, best.track * S + best.speedIndex, best.bin))
        best = { track, speedIndex: hi - track * S, bin: lo, score };
    } else if (!best || isBetter(score, hi, lo, best.score, best.track * S + best.speedIndex, best.bin)) {
      if (best) runnerUp = Math.max(runnerUp, best.score);
      best = { track, speedIndex: hi - track * S, bin: lo, score };
    } else runnerUp = Math.max(runnerUp, score);
  }
  let centre = 0;
  if (best) {
    const hi = best.track * S + best.speedIndex;
    let sum = 0;
    for (let d = -1; d <= 1; d++) {
      const s = find(hi, best.bin + d);
      const w = s < 0 ? 0 : weight[s]!;
      centre += w * (best.bin + d);
      sum += w;
    }
    centre /= sum;
  }
  for (let u = 0; u < occupied; u++) keyHi[used[u]!] = EMPTY;
  return { best: best && { ...best, centre }, runnerUp, votes: total };
}

/**
 * For each query entry, the index of its hash in the sorted list `lists` (or −1). The store
 * usually answers for exactly the query's distinct hashes (then the places are known); any
 * other sorted list is merged with them once.
 */
function listIndexOf(entries: Uint32Array, lists: Uint32Array): Int32Array {
  const { unique, uniqueOf } = distinctHashes(entries);
  if (lists === unique || sameValues(lists, unique)) return uniqueOf.slice();
  const listOfUnique = new Int32Array(unique.length).fill(-1);
  let j = 0;
  for (let u = 0; u < unique.length; u++) {
    const hash = unique[u]!;
    while (j < lists.length && lists[j]! < hash) j++;
    if (j < lists.length && lists[j] === hash) listOfUnique[u] = j;
  }
  const out = new Int32Array(entries.length);
  for (let e = 0; e < entries.length; e++) out[e] = listOfUnique[uniqueOf[e]!]!;
  return out;
}

function sameValues(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Higher score wins; ties go to the smaller (track, speed, bin), so the answer is order-free. */
function isBetter(
  score: number,
  hi: number,
  lo: number,
  bestScore: number,
  bestHi: number,
  bestLo: number,
): boolean {
  if (score !== bestScore) return score > bestScore;
  return hi !== bestHi ? hi < bestHi : lo < bestLo;
}

export function decideMatch(
  query: QueryFingerprint,
  postings: PostingLists,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): MatchDecision | null {
  return decideFromVotes(countVotes(query, postings, options, params), options, params);
}

/** The rule alone, on votes already counted (decideMatch = countVotes + this). */
export function decideFromVotes(
  votes: VoteSummary,
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
  params: FingerprintParams = FINGERPRINT_PARAMS,
): MatchDecision | null {
  const { best, runnerUp } = votes;
  if (!best) return null;
  const required = Math.max(options.minScore, options.minRatio * runnerUp + options.margin);
  if (best.score < required) return null;
  // Vote-weighted centre of the three bins (bin centres are half a bin above their edge).
  const frames = (best.centre + 0.5) * options.binFrames;
  return {
    track: best.track,
    offsetSeconds: frames * secondsPerFrame(params),
    speed: params.speeds[best.speedIndex]!,
    score: best.score,
    runnerUp,
    confidence: 0.5 + 0.5 * (1 - required / best.score),
  };
}
