// SHOUTcast/Icecast in-band metadata ("ICY"): a client that sends `Icy-MetaData: 1` gets
// `icy-metaint: N` back, and then after every N audio bytes one length byte L followed by
// L × 16 bytes of text such as `StreamTitle='Artist - Title';StreamUrl='';` (NUL-padded).
// The demuxer takes the body in chunks of any size and splits audio from metadata.
// (icecast-metadata-js does this too, but ships no types and wraps it in playback-timing
// machinery we do not need; the protocol is these few rules.)

export interface IcyChunk {
  /** Audio bytes, in order (views into the input chunk). */
  readonly audio: Uint8Array[];
  /** Metadata blocks completed in this chunk (non-empty ones only), decoded. */
  readonly metadata: string[];
}

export class IcyMetadataDemuxer {
  /** Audio bytes left before the next length byte. */
  private audioLeft: number;
  /** Metadata bytes still to collect; -1 while waiting for the length byte. */
  private metaLeft = -1;
  private meta: number[] = [];

  constructor(private readonly metaInt: number) {
    if (!Number.isInteger(metaInt) || metaInt <= 0)
      throw new RangeError(`icy-metaint must be a positive integer (got ${metaInt})`);
    this.audioLeft = metaInt;
  }

  push(chunk: Uint8Array): IcyChunk {
    const audio: Uint8Array[] = [];
    const metadata: string[] = [];
    let at = 0;
    while (at < chunk.length) {
      if (this.audioLeft > 0) {
        const n = Math.min(this.audioLeft, chunk.length - at);
        audio.push(chunk.subarray(at, at + n));
        this.audioLeft -= n;
        at += n;
      } else if (this.metaLeft < 0) {
        this.metaLeft = chunk[at]! * 16;
        at += 1;
        if (this.metaLeft === 0) this.endBlock(metadata);
      } else {
        const n = Math.min(this.metaLeft, chunk.length - at);
        for (let i = 0; i < n; i++) this.meta.push(chunk[at + i]!);
        this.metaLeft -= n;
        at += n;
        if (this.metaLeft === 0) this.endBlock(metadata);
      }
    }
    return { audio, metadata };
  }

  private endBlock(metadata: string[]): void {
    if (this.meta.length > 0) {
      // Stations send UTF-8 or Latin-1; UTF-8 with replacement characters is the usual compromise.
      const text = new TextDecoder('utf-8').decode(Uint8Array.from(this.meta)).replace(/\0+$/, '');
      if (text) metadata.push(text);
    }
    this.meta = [];
    this.metaLeft = -1;
    this.audioLeft = this.metaInt;
  }
}

/** `StreamTitle='A - B';StreamUrl='x';` → { StreamTitle: 'A - B', StreamUrl: 'x' }. */
export function parseIcyMetadata(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  // Values are quoted with ' and may themselves contain ' (e.g. "Don't"): a value ends at "';".
  const pattern = /(\w+)='(.*?)';/gs;
  for (const [, key, value] of (text.endsWith(';') ? text : `${text};`).matchAll(pattern))
    fields[key!] = value!;
  return fields;
}
