// Sends a multipart upload generated on the fly (never held in memory here
// either), so tests can push files far larger than any buffer and see how
// early the server answers.
import { request } from 'node:http';

export interface StreamedUpload {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  fields?: Record<string, string>;
  /** First bytes of the file (e.g. a WAV header). */
  head: Buffer;
  /** Bytes generated after the head. */
  bodyBytes: number;
  filename: string;
}

export interface StreamedResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  bytesSent: number;
}

export function streamUpload(upload: StreamedUpload): Promise<StreamedResult> {
  const boundary = `----zamio${Math.random().toString(16).slice(2)}`;
  const preamble = Buffer.from(
    Object.entries(upload.fields ?? {})
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${upload.filename}"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x11);
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let done = false;
    const req = request(
      upload.url,
      {
        method: upload.method ?? 'POST',
        headers: { ...upload.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          done = true;
          resolve({ status: res.statusCode ?? 0, body, headers: res.headers, bytesSent });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => (done ? undefined : reject(error)));
    const write = (buffer: Buffer) => {
      bytesSent += buffer.length;
      return req.write(buffer);
    };
    write(preamble);
    write(upload.head);
    let remaining = upload.bodyBytes;
    const pump = () => {
      while (remaining > 0 && !done) {
        const piece = remaining >= chunk.length ? chunk : chunk.subarray(0, remaining);
        remaining -= piece.length;
        if (!write(piece)) return void req.once('drain', pump);
      }
      if (!done) req.end(epilogue);
    };
    pump();
  });
}
