// Probes audio while it streams past: music-metadata reads a copy of the
// bytes (with backpressure, never buffering the file), and the end of the
// stream is held back until the verdict. Storage commits an object only when
// its body ends cleanly, so audio that fails the probe is never committed,
// whichever adapter is behind.
import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import { parseStream, type IAudioMetadata } from 'music-metadata';
import { judgeAudio, PROBE_OPTIONS, undecodable, type AudioInfo } from './audio-probe';

export class AudioProbeGate extends Transform {
  // Room for a few chunks, so the parser rarely holds the upload up (bounded: 1 MiB).
  private readonly tap = new PassThrough({ highWaterMark: 1024 * 1024 });
  private readonly parsed: Promise<IAudioMetadata>;
  private parserDone = false;
  private waiting: (() => void) | undefined;
  private bytes = 0;
  result: AudioInfo | undefined;

  constructor() {
    super();
    // The parser may stop reading early or close its input: writes must never fail or block then.
    this.tap.on('error', () => {});
    this.parsed = parseStream(this.tap, undefined, PROBE_OPTIONS);
    this.parsed.then(
      () => this.parserFinished(),
      (error: unknown) => {
        this.parserFinished();
        this.destroy(undecodable(error)); // fail at once, not at the end of a long upload
      },
    );
  }

  private parserFinished(): void {
    this.parserDone = true;
    this.tap.resume(); // drain whatever was written but not read
    this.release();
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.parserDone || this.tap.destroyed || this.tap.write(chunk)) return callback(null, chunk);
    // The parser is behind: pass this chunk on once it has caught up (or finished).
    this.waiting = () => {
      this.tap.off('drain', onDrain);
      callback(null, chunk);
    };
    const onDrain = () => this.release();
    this.tap.once('drain', onDrain);
  }

  override _flush(callback: TransformCallback): void {
    this.tap.end();
    this.parsed.then(
      (metadata) => {
        try {
          this.result = judgeAudio(metadata, this.bytes);
          callback();
        } catch (error) {
          callback(error as Error);
        }
      },
      (error: unknown) => callback(undecodable(error)),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.tap.destroy();
    this.release();
    callback(error);
  }
}
