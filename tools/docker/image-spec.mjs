// What each app's image is built from, and how images are named and tagged:
//   [<ZAMIO_REGISTRY>/]<namespace>/<app>:<version>   and   :sha-<short git sha>
// namespace defaults to `zamio` (ZAMIO_IMAGE_NAMESPACE overrides it, e.g. for
// throwaway test builds). `latest` is never produced: deploys pin a version.
// A build from a working tree with uncommitted changes is tagged only
// `dev-<short sha>-dirty`: it must never overwrite the release tags of the
// commit it is not (docker-push and zamio-deploy refuse dev- tags).
export const NODE_APPS = ['bff', 'worker'];
export const PORTAL_APPS = ['artist', 'station', 'publisher', 'admin'];
export const ALL_APPS = [...NODE_APPS, ...PORTAL_APPS];

export function dockerfileOf(app) {
  if (NODE_APPS.includes(app)) return { dockerfile: 'docker/node.Dockerfile', target: app };
  if (PORTAL_APPS.includes(app)) return { dockerfile: 'docker/portal.Dockerfile', target: 'portal' };
  throw new Error(`unknown app "${app}"; expected one of ${ALL_APPS.join(', ')}`);
}

export function imageRepository(app, { registry = '', namespace = 'zamio' } = {}) {
  const prefix = registry ? `${registry.replace(/\/+$/, '')}/` : '';
  return `${prefix}${namespace}/${app}`;
}

export function imageTags(app, { version, shortSha, dirty = false, registry = '', namespace = 'zamio' }) {
  const repository = imageRepository(app, { registry, namespace });
  if (dirty) return [`${repository}:dev-${shortSha}-dirty`];
  return [`${repository}:${version}`, `${repository}:sha-${shortSha}`];
}
