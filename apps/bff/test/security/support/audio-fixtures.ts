// Test files built in memory: a valid PCM WAV (a sine tone), the same cut
// short, a Windows executable header, CSV text.
export function wavFile(seconds: number, sampleRate = 8_000): Buffer {
  const data = Buffer.alloc(Math.round(seconds * sampleRate) * 2);
  for (let i = 0; i < data.length / 2; i++)
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 8_000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

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
