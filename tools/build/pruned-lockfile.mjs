// Writes package-lock.json for a bundle's manifest, pruned from the root
// lockfile by Nx (the same pruning its own generatePackageJson uses), so the
// image installs exactly the locked versions and their integrity hashes.
import { createProjectGraphAsync } from '@nx/devkit';
import { generatePrunedDeployOutput } from '@nx/js';

export async function writePrunedLockfile({ workspaceRoot, manifest, outDir }) {
  const graph = await createProjectGraphAsync({ exitOnError: false });
  generatePrunedDeployOutput(manifest, graph, outDir, {
    outputDirectory: outDir,
    packageManager: 'npm',
    workspaceRoot,
  });
}
