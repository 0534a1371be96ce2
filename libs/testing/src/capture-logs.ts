// Collects pino's JSON lines in memory so tests can assert on log content
// (request ids, redaction) without touching stdout.
import { Writable } from 'node:stream';

export interface LogCapture {
  stream: Writable;
  lines(): Record<string, unknown>[];
  text(): string;
}

export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
