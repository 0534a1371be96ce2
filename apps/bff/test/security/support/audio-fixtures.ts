// Test files built in memory: a valid PCM WAV (a sine tone), the same cut
// short, a Windows executable header, CSV text.
import { wavFile } from '@zamio/testing';

export { wavFile };

/** A WAV whose header promises more audio than the file holds. */
export const truncatedWav = (): Buffer => wavFile(2).subarray(0, 3_000);

/** An MZ/PE executable header followed by padding. */
export function windowsExecutable(size = 8_192): Buffer {
  const exe = Buffer.alloc(size);
  exe.write('MZ', 0);
  exe.writeUInt32LE(128, 0x3c);
  exe.write('PE\0\0', 128);
  return exe;
}

export const playlogCsv = (): Buffer =>
  Buffer.from(
    'played_at,title,artist,isrc,duration\n2025-01-01T06:00:00Z,Song A,Artist A,,3:30\n2025-01-01T06:04:00Z,Song B,Artist B,,200\n',
  );

export function form(
  file: Buffer,
  name: string,
  fields: Record<string, string> = {},
  type = 'application/octet-stream',
): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  body.append('file', new Blob([new Uint8Array(file)], { type }), name);
  return body;
}
