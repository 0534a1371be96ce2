import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_COMPRESS_BYTES, precompressDirectory } from '../vite/portal-vite-config';

describe('precompressDirectory', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .gz and .br for text assets of at least 1 KiB, and nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'zamio-precompress-'));
    mkdirSync(join(dir, 'assets'));
    const bigJs = 'console.log("zamio");\n'.repeat(100);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), bigJs);
    writeFileSync(join(dir, 'index.html'), '<p>hi</p>'.repeat(200));
    writeFileSync(join(dir, 'assets', 'tiny.css'), 'a{}');
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(MIN_COMPRESS_BYTES * 2));

    const compressed = precompressDirectory(dir);

    expect(compressed.map((path) => path.slice(dir.length)).sort()).toEqual([
      '/assets/index-abc123.js',
      '/index.html',
    ]);
    const js = join(dir, 'assets', 'index-abc123.js');
    expect(gunzipSync(readFileSync(`${js}.gz`)).toString()).toBe(bigJs);
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).toString()).toBe(bigJs);
    expect(existsSync(join(dir, 'assets', 'tiny.css.gz'))).toBe(false);
    expect(existsSync(join(dir, 'assets', 'logo.png.gz'))).toBe(false);
  });
});
