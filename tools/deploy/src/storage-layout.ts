// The upload storage must outlive a container: with STORAGE_KIND=filesystem
// (the single-server layout) the bff and the worker each need the shared host
// directory mounted at UPLOAD_DIR, or uploads land in a container's throw-away
// filesystem, invisible to the other app and lost on the next deploy. With
// STORAGE_KIND=s3 (several servers) no volume is needed.
import type { DeployTarget } from './load-resources';

const DEFAULT_UPLOAD_DIR = '/var/lib/zamio/uploads';

export function storageLayoutProblems(target: DeployTarget, config: Record<string, unknown>): string[] {
  const schema = target.resource.env_schema;
  if (schema !== 'bff' && schema !== 'worker') return [];
  if ((config.STORAGE_KIND ?? 'filesystem') !== 'filesystem') return [];
  const uploadDir = String(config.UPLOAD_DIR ?? DEFAULT_UPLOAD_DIR).replace(/\/+$/, '');
  const volume = target.resource.volumes?.find((v) => v.mount.replace(/\/+$/, '') === uploadDir);
  if (volume?.host_path) return [];
  const found = volume
    ? `the volume "${volume.name}" at ${uploadDir} is a Docker volume of this application alone`
    : `no volume is mounted at UPLOAD_DIR (${uploadDir})`;
  return [
    `STORAGE_KIND=filesystem but ${found}: the bff and the worker must mount the same host directory there (coolify/resources.yaml volumes with host_path, Coolify → Persistent Storage → directory mount), or use STORAGE_KIND=s3 (docs/deployment.md, "Upload storage")`,
  ];
}
