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
  /** Name of the file part (default "file"). */
  fieldName?: string;
  /** Send Content-Length (the whole size, known in advance) instead of a chunked body. */
  declareLength?: boolean;
}

export interface StreamedResult {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  bytesSent: number;
  /** Bytes written when the answer's headers arrived: how early the server answered. */
  bytesSentAtResponse: number;
  /** The server said `Connection: close` and then closed it (within 10 s). */
  connectionClosed: boolean;
}

export function streamUpload(upload: StreamedUpload): Promise<StreamedResult> {
  const boundary = `----zamio${Math.random().toString(16).slice(2)}`;
  const preamble = Buffer.from(
    Object.entries(upload.fields ?? {})
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${upload.fieldName ?? 'file'}"; filename="${upload.filename}"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x11);
  const total = preamble.length + upload.head.length + upload.bodyBytes + epilogue.length;
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let done = false;
    const req = request(
      upload.url,
      {
        method: upload.method ?? 'POST',
        headers: {
          ...upload.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          ...(upload.declareLength ? { 'content-length': String(total) } : {}),
        },
      },
      (res) => {
        const bytesSentAtResponse = bytesSent;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          done = true;
          const socket = req.socket;
          const closed = new Promise<boolean>((settle) => {
            if (res.headers.connection !== 'close') return settle(false);
            if (!socket || socket.destroyed || socket.readableEnded) return settle(true);
            const timer = setTimeout(() => settle(false), 10_000);
            const ended = () => {
              clearTimeout(timer);
              settle(true);
            };
            socket.once('end', ended);
            socket.once('close', ended);
          });
          void closed.then((connectionClosed) => {
            resolve({
              status: res.statusCode ?? 0,
              body,
              headers: res.headers,
              bytesSent,
              bytesSentAtResponse,
              connectionClosed,
            });
            req.destroy();
          });
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
