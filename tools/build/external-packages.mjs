// Which npm packages a bundle imports, and at which installed version.
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** Workspace packages are bundled (they export TypeScript sources). */
const WORKSPACE_SCOPE = '@zamio/';

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** A package specifier, not a relative path, absolute path or URL (data:, file:). */
const isBare = (path) => !path.startsWith('.') && !path.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(path);

/** esbuild plugin: every bare import except @zamio/* and node built-ins stays external. */
export function externalPackagesPlugin() {
  return {
    name: 'zamio-external-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith(WORKSPACE_SCOPE)) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        if (!isBare(args.path)) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** Walks up from `fromDir` like Node does to find the installed package. */
function installedManifest(name, fromDir, workspaceRoot) {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8'));
    if (dir === workspaceRoot || dirname(dir) === dir) return undefined;
    dir = dirname(dir);
  }
}

/**
 * Maps every external npm import in the metafile to the exact version that the
 * importing file resolves to. Two files resolving different versions of one
 * package cannot share one flat node_modules: that is an error to fix in the
 * workspace manifests, not something to paper over here.
 */
export function resolveExternalVersions(metafile, workspaceRoot, { omit = [] } = {}) {
  const versions = new Map();
  for (const [input, info] of Object.entries(metafile.inputs)) {
    for (const imported of info.imports) {
      if (!imported.external || isBuiltin(imported.path) || !isBare(imported.path)) continue;
      const name = packageNameOf(imported.path);
      if (omit.includes(name)) continue;
      const manifest = installedManifest(name, dirname(resolve(workspaceRoot, input)), workspaceRoot);
      if (!manifest) throw new Error(`${input} imports ${name}, which is not installed; run npm install`);
      const seen = versions.get(name);
      if (seen && seen.version !== manifest.version) {
        throw new Error(
          `${name} resolves to ${seen.version} (from ${seen.input}) and ${manifest.version} (from ${input}); align the versions in the workspace package.json files`,
        );
      }
      versions.set(name, { version: manifest.version, input });
    }
  }
  return Object.fromEntries(
    [...versions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, { version }]) => [name, version]),
  );
}

/**
 * Packages that production never loads, left out of the image: each must be
 * reached only through a dynamic import(), or the bundle would fail at start
 * without it. Returns the inputs that import one statically from an entry.
 */
export function staticImportersOf(metafile, entryInputs, packages) {
  const seen = new Set();
  const offenders = [];
  const visit = (input) => {
    if (seen.has(input)) return;
    seen.add(input);
    for (const imported of metafile.inputs[input]?.imports ?? []) {
      if (imported.kind === 'dynamic-import') continue;
      if (imported.external) {
        if (isBare(imported.path) && packages.includes(packageNameOf(imported.path))) offenders.push(input);
      } else visit(imported.path);
    }
  };
  for (const entry of entryInputs) visit(entry);
  return offenders;
}
