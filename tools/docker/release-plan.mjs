// What a release does with each app's image: build and push the affected ones,
// retag the unchanged ones from the previous release, so that every app has an
// image under every release's `<version>` and `sha-<short>` tags (a deploy
// names one tag for all six apps; zamio-deploy skips apps already on it).
import { ALL_APPS, imageRepository, imageTags } from './image-spec.mjs';

/**
 * @param {object} input
 * @param {string[]} input.affected  apps whose images changed since the base commit
 * @param {string | null} input.baseShortSha  the previous release's commit (null: first release, build all)
 * @param {string} input.version
 * @param {string} input.shortSha
 * @param {string} input.registry
 * @param {string} [input.namespace]
 */
export function releasePlan({ affected, baseShortSha, version, shortSha, registry, namespace = 'zamio' }) {
  if (!registry) throw new Error('a release needs a registry (ZAMIO_REGISTRY)');
  return ALL_APPS.map((app) => {
    const tags = imageTags(app, { version, shortSha, registry, namespace });
    if (baseShortSha === null || affected.includes(app)) return { app, action: 'build', tags };
    const from = `${imageRepository(app, { registry, namespace })}:sha-${baseShortSha}`;
    return { app, action: 'retag', from, tags };
  });
}
