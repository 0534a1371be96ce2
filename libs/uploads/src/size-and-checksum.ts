// Counts bytes and computes SHA-256 as the data streams past, failing with
// 413 the moment the kind's cap is crossed (not after reading everything).
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { UploadRejectedError } from './upload-error';

export class SizeAndChecksum extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes)
      return callback(new UploadRejectedError(413, `file exceeds the limit of ${this.maxBytes} bytes`));
    this.hash.update(chunk);
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
