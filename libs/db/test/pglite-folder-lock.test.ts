// Embedded PGlite refuses a folder another live process holds, and works on
// the same folder again once the holder closed it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDatabase } from '../src/create-pglite-database';

describe('embedded database folder lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zamio-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a folder held by another live process', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(dir, 'zamio.pid'), String(holder.pid));
      await expect(createPgliteDatabase(dir)).rejects.toThrow(/in use by process/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a stale lock and releases it on close', async () => {
    writeFileSync(join(dir, 'zamio.pid'), '999999');
    const db = await createPgliteDatabase(dir);
    expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one).toBe(1);
    await db.close();
    const again = await createPgliteDatabase(dir);
    await again.close();
  });
});
