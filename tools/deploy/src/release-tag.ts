// Only immutable tags are deployed: a version or sha-<short>, never `latest`
// (a moving tag makes "what is running" and rollbacks unknowable).
const VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const SHA = /^sha-[0-9a-f]{7,40}$/;

export function releaseTagProblem(tag: string | undefined): string | undefined {
  if (!tag)
    return '--tag is required (the image tag to deploy: a version such as 1.4.2, or sha-<short git sha>)';
  if (tag === 'latest') return '--tag latest is refused: deploy an immutable tag (a version or sha-<short>)';
  if (!VERSION.test(tag) && !SHA.test(tag))
    return `--tag "${tag}" is neither a version (1.4.2, 1.5.0-rc.1) nor sha-<short git sha>`;
  return undefined;
}
