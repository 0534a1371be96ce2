import { expect, it } from 'vitest';
import { imageTags } from '../image-spec.mjs';

it('tags a clean build <version> and sha-<short>, never latest', () => {
  expect(imageTags('bff', { version: '1.4.2', shortSha: 'abc1234', namespace: 'zamio' })).toEqual([
    'zamio/bff:1.4.2',
    'zamio/bff:sha-abc1234',
  ]);
  expect(
    imageTags('artist', {
      version: '1.4.2',
      shortSha: 'abc1234',
      namespace: 'zamio',
      registry: 'ghcr.io/acme/',
    }),
  ).toEqual(['ghcr.io/acme/zamio/artist:1.4.2', 'ghcr.io/acme/zamio/artist:sha-abc1234']);
});

it('tags a build from uncommitted changes dev-<sha>-dirty only: release tags are never overwritten', () => {
  expect(
    imageTags('bff', { version: '1.4.2', shortSha: 'abc1234', dirty: true, namespace: 'zamio' }),
  ).toEqual(['zamio/bff:dev-abc1234-dirty']);
});
