// Bundles a Node service (bff, worker) for its production image:
//   dist/apps/<app>/main.js (+ migrate.js for the bff)  esbuild, ESM, node24;
//     the workspace's @zamio/* TypeScript libs are bundled in, every npm
//     package stays external (many load files relative to themselves: pino's
//     worker transports, pglite's wasm, bullmq's Lua scripts).
//   dist/apps/<app>/package.json + package-lock.json    exactly the npm
//     packages the bundle imports (read from esbuild's metafile), at the
//     versions installed from the root lockfile, with a lockfile pruned from
//     the root one. The image runs `npm ci --omit=dev` on these two files:
//     reproducible (locked, integrity-checked) and nothing the bundle does not
//     import — unlike `npm ci --workspace`, which installs every dependency a
//     workspace declares and leaves dangling links to workspace sources.
//   dist/apps/<app>/migrations/   libs/db's SQL files (defaultMigrationsDir()
//     looks for ./migrations next to the bundle).
//   dist/apps/<app>/healthcheck.sh  bash probe (no Node process per check) for
//     HEALTHCHECK and Coolify's command health check (`bash /app/healthcheck.sh`).
// Usage: node tools/build/build-node-app.mjs <bff|worker>   (via `npx nx build <app>`)
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { externalPackagesPlugin, resolveExternalVersions, staticImportersOf } from './external-packages.mjs';
import { writePrunedLockfile } from './pruned-lockfile.mjs';

// Every CLI answers --help (tools/ci/test/cli-help.test.ts).
if (process.argv.slice(2).some((arg) => arg === '--help' || arg === '-h')) {
  console.log(
    `build-node-app.mjs — bundles a Node service with its pruned package.json, lockfile, migrations and healthcheck into dist/apps/<app>\n\nusage: node tools/build/build-node-app.mjs <bff|worker>   (via npx nx build <app>)`,
  );
  process.exit(0);
}

/**
 * npm packages only the embedded mode (`npm start`) loads: PGlite. Production
 * refuses `pglite:` URLs, so the images leave the package (20 MB) out.
 */
const EMBEDDED_ONLY = ['@electric-sql/pglite'];

const ENTRIES = {
  bff: { main: 'src/main.ts', migrate: 'src/migrate.ts' },
  worker: { main: 'src/main.ts' },
};

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const app = process.argv[2];
if (!app || !ENTRIES[app]) {
  console.error(`usage: build-node-app.mjs <${Object.keys(ENTRIES).join('|')}>`);
  process.exit(64);
}

const appRoot = join(workspaceRoot, 'apps', app);
const outDir = join(workspaceRoot, 'dist', 'apps', app);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const entryPoints = Object.fromEntries(
  Object.entries(ENTRIES[app]).map(([name, file]) => [name, join(appRoot, file)]),
);
const result = await build({
  entryPoints,
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  outExtension: { '.js': '.js' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minifySyntax: true,
  // No source maps in the image: stack traces stay readable (names are kept)
  // and nothing of the source ships.
  sourcemap: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: workspaceRoot,
  plugins: [externalPackagesPlugin()],
  // ESM output has no require(); some bundled code (or a CJS dependency's
  // interop) may still call it.
  banner: {
    js: "import { createRequire as __zamioCreateRequire } from 'node:module'; const require = __zamioCreateRequire(import.meta.url);",
  },
});

const rootPackage = (await import(join(workspaceRoot, 'package.json'), { with: { type: 'json' } })).default;
const entryInputs = Object.values(entryPoints).map((file) => relative(workspaceRoot, file));
const eager = staticImportersOf(result.metafile, entryInputs, EMBEDDED_ONLY);
if (eager.length > 0) {
  console.error(
    `build-node-app: ${eager.join(', ')} import ${EMBEDDED_ONLY.join(', ')} statically; load it with await import() so the image can leave it out`,
  );
  process.exit(1);
}
const dependencies = resolveExternalVersions(result.metafile, workspaceRoot, { omit: EMBEDDED_ONLY });
const manifest = {
  name: `@zamio/${app}-dist`,
  version: rootPackage.version,
  private: true,
  type: 'module',
  main: 'main.js',
  engines: rootPackage.engines,
  dependencies,
};
writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await writePrunedLockfile({ workspaceRoot, manifest, outDir });

cpSync(join(workspaceRoot, 'libs/db/migrations'), join(outDir, 'migrations'), { recursive: true });
cpSync(join(workspaceRoot, 'tools/build/healthcheck.sh'), join(outDir, 'healthcheck.sh'));

console.log(
  `built ${relative(workspaceRoot, outDir)}: ${Object.keys(entryPoints).join(', ')}; ${Object.keys(dependencies).length} npm packages external`,
);
