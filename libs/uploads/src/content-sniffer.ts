// Decides the content type from the first bytes of the stream (file-type's
// magic numbers) before anything past them is written, and rejects types not
// on the kind's allowlist with 415. Only the head is held in memory.
// `decision` settles as soon as the type is known (or the stream failed), so
// the storage key, which ends in the type's extension, can be chosen then.
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { TEXT_CSV } from './upload-kinds';
import { UploadRejectedError } from './upload-error';

/** Enough for file-type's deepest signature checks. */
export const SNIFF_BYTES = 4_100;

// file-type names Ogg Opus "audio/ogg; codecs=opus": a parameter no allowlist,
// storage key or response header should carry. Stored as the plain type.
const CANONICAL_TYPES: Record<string, string> = { 'audio/ogg; codecs=opus': 'audio/opus' };

export async function detectContentType(head: Buffer): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) return CANONICAL_TYPES[detected.mime] ?? detected.mime;
  return looksLikeText(head) ? TEXT_CSV : undefined;
}

/** UTF-8 text without NUL or other control bytes (tabs and newlines allowed). */
function looksLikeText(head: Buffer): boolean {
  if (head.length === 0) return false;
  // A multi-byte character may be cut at the end of the head: drop up to 3 bytes.
  for (let cut = 0; cut <= Math.min(3, head.length - 1); cut++) {
    const slice = head.subarray(0, head.length - cut);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(slice);
      return ![...text].some(isControlCharacter);
    } catch {
      continue;
    }
  }
  return false;
}

/** C0 controls other than tab, LF and CR, and DEL: never in a CSV. */
function isControlCharacter(char: string): boolean {
  const code = char.codePointAt(0)!;
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
}

export class ContentSniffer extends Transform {
  private head: Buffer[] = [];
  private headLength = 0;
  private decided = false;
  detectedType: string | undefined;
  readonly decision: Promise<string>;
  private settle!: { resolve: (type: string) => void; reject: (error: Error) => void };

  constructor(private readonly allowedTypes: readonly string[]) {
    super();
    this.decision = new Promise<string>((resolve, reject) => (this.settle = { resolve, reject }));
    this.decision.catch(() => {}); // observed by whoever awaits it; never an unhandled rejection
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.settle.reject(error ?? new Error('the upload ended before its type was known'));
    callback(error);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.decided) return callback(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return callback();
    this.decide(callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.decided) return callback();
    this.decide(callback);
  }

  private decide(callback: TransformCallback): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.decided = true;
    detectContentType(head.subarray(0, SNIFF_BYTES)).then(
      (type) => {
        if (!type || !this.allowedTypes.includes(type)) {
          const refusal = new UploadRejectedError(
            415,
            `content type ${type ?? 'unknown'} is not accepted here (allowed: ${this.allowedTypes.join(', ')})`,
          );
          this.settle.reject(refusal);
          return callback(refusal);
        }
        this.detectedType = type;
        this.settle.resolve(type);
        callback(null, head);
      },
      (error: unknown) => {
        this.settle.reject(error as Error);
        callback(error as Error);
      },
    );
  }
}
