// int4[] read as array_send() on both databases: the same values as the text form, the same
// bits for negative int4s (read as uint32), an empty array, and a clear error for what the
// reader does not take (two dimensions, NULLs, another element type).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@zamio/testing';
import {
  createPgliteDatabase,
  createPostgresDatabase,
  int4ArrayFromBinary,
  type Database,
} from '../src/index';

const VALUES = [0, 1, 2_147_483_647, -1, -2_147_483_648, 123_456_789];

for (const kind of ['postgres', 'pglite'] as const) {
  describe(`int4ArrayFromBinary (${kind})`, () => {
    let server: TestDatabase | undefined;
    let db: Database;
    beforeAll(async () => {
      if (kind === 'postgres') {
        server = await createTestDatabase();
        db = createPostgresDatabase({
          url: server.url,
          poolMax: 1,
          idleTimeoutMs: 1_000,
          connectTimeoutMs: 5_000,
          acquireTimeoutMs: 5_000,
          statementTimeoutMs: 5_000,
          applicationName: 'int4-array-test',
        });
      } else db = await createPgliteDatabase();
    });
    afterAll(async () => {
      await db?.close();
      await server?.drop();
    });

    const sent = async (literal: string) =>
      (await db.query<{ bytes: Uint8Array }>(`SELECT array_send('${literal}'::int4[]) AS bytes`)).rows[0]!
        .bytes;

    it('reads the values the text form holds, as uint32 with the same bits', async () => {
      const values = int4ArrayFromBinary(await sent(`{${VALUES.join(',')}}`));
      expect([...values]).toEqual(VALUES.map((v) => v >>> 0));
      const long = Array.from({ length: 10_000 }, (_, i) => (i * 2_654_435_761) | 0);
      expect([...int4ArrayFromBinary(await sent(`{${long.join(',')}}`))]).toEqual(long.map((v) => v >>> 0));
    });

    it('reads an empty array', async () => {
      expect(int4ArrayFromBinary(await sent('{}'))).toEqual(new Uint32Array(0));
    });

    it('refuses two dimensions, NULLs and other element types, naming the problem', async () => {
      expect(() => int4ArrayFromBinary(new Uint8Array(3))).toThrow(/shorter than its header/);
      await expect(async () => int4ArrayFromBinary(await sent('{{1,2},{3,4}}'))).rejects.toThrow(
        /2 dimensions/,
      );
      await expect(async () => int4ArrayFromBinary(await sent('{1,NULL}'))).rejects.toThrow(/NULLs/);
      const text = (await db.query<{ bytes: Uint8Array }>(`SELECT array_send('{a}'::text[]) AS bytes`))
        .rows[0]!.bytes;
      expect(() => int4ArrayFromBinary(text)).toThrow(/not int4/);
    });
  });
}
