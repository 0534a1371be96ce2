// In-memory inverted index: landmark hash → postings {track, offset}. Tracks are stored as
// small integers internally (postings are numerous; ids are not repeated in each one).
import type { Fingerprint } from './fingerprint.ts';

export interface Posting {
  /** Index into FingerprintIndex.trackIds. */
  readonly track: number;
  /** Anchor frame within the track. */
  readonly offset: number;
}

export class FingerprintIndex {
  readonly trackIds: string[] = [];
  private readonly postings = new Map<number, Posting[]>();
  private readonly known = new Set<string>();

  add(trackId: string, fingerprint: Fingerprint): void {
    if (this.known.has(trackId)) throw new Error(`track "${trackId}" is already indexed`);
    this.known.add(trackId);
    const track = this.trackIds.push(trackId) - 1;
    for (const { hash, offset } of fingerprint.landmarks) {
      const list = this.postings.get(hash);
      if (list) list.push({ track, offset });
      else this.postings.set(hash, [{ track, offset }]);
    }
  }

  lookup(hash: number): readonly Posting[] {
    return this.postings.get(hash) ?? [];
  }

  get size(): { tracks: number; hashes: number } {
    return { tracks: this.trackIds.length, hashes: this.postings.size };
  }
}
