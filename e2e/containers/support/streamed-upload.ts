// A multipart upload generated on the fly (never held in memory), sent chunked
// or with Content-Length, that reports how much had been sent when the answer
// arrived: how early a server (and the proxies in front of it) refused it.
import { request } from 'node:http';

export interface StreamedUploadOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  fieldName?: string;
  /** The file's first bytes (e.g. a WAV header), then `fillBytes` of filler. */
  head: Buffer;
  fillBytes: number;
  declareLength?: boolean;
}

export interface StreamedUploadResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  bytesSentAtResponse: number;
}

export function streamedUpload(options: StreamedUploadOptions): Promise<StreamedUploadResult> {
  const boundary = `----zamioe2e${Math.random().toString(16).slice(2)}`;
  const preamble = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${options.fieldName ?? 'file'}"; filename="a.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const total = preamble.length + options.head.length + options.fillBytes + epilogue.length;
  const chunk = Buffer.alloc(64 * 1024, 0x11);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      options.url,
      {
        method: options.method ?? 'PUT',
        headers: {
          ...options.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          ...(options.declareLength ? { 'content-length': String(total) } : {}),
        },
      },
      (res) => {
        answered = true;
        const bytesSentAtResponse = sent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers, bytesSentAtResponse });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const write = (buffer: Buffer) => {
      sent += buffer.length;
      return req.write(buffer);
    };
    write(preamble);
    write(options.head);
    let remaining = options.fillBytes;
    const pump = () => {
      while (remaining > 0 && !answered) {
        const piece = remaining >= chunk.length ? chunk : chunk.subarray(0, remaining);
        remaining -= piece.length;
        if (!write(piece)) return void req.once('drain', pump);
      }
      if (!answered) req.end(epilogue);
    };
    pump();
  });
}
