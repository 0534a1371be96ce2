// Writes .gz and .br next to each text asset so nginx can serve them with
// gzip_static / brotli_static instead of compressing on every request.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export const COMPRESSIBLE_EXTENSIONS = new Set(['.js', '.mjs', '.css', '.html', '.svg']);
/** Below this size compression saves nothing worth a second file. */
export const MIN_COMPRESS_BYTES = 1024;

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every eligible file under `dir`; returns the files that got compressed copies. */
export function precompressDirectory(dir: string, exclude: ReadonlySet<string> = new Set()): string[] {
  const compressed: string[] = [];
  for (const path of filesUnder(dir)) {
    if (!COMPRESSIBLE_EXTENSIONS.has(extname(path)) || exclude.has(path)) continue;
    if (statSync(path).size < MIN_COMPRESS_BYTES) continue;
    const content = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(content, {
        params: {
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    );
    compressed.push(path);
  }
  return compressed;
}

export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'zamio:precompress',
    apply: 'build',
    enforce: 'post',
    configResolved: (resolved) => {
      outDir = resolved.build.outDir;
    },
    // closeBundle runs after every file (including index.html and public/) is on disk.
    closeBundle: () => {
      if (!existsSync(outDir)) return; // the build failed before writing anything
      precompressDirectory(outDir, new Set([join(outDir, 'config.js')]));
    },
  };
}
