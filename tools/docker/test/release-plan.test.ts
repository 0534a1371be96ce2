import { expect, it } from 'vitest';
import { releasePlan } from '../release-plan.mjs';

const input = { version: '1.5.0', shortSha: 'bbbbbbb', registry: 'ghcr.io/acme', baseShortSha: 'aaaaaaa' };

it('builds the affected apps and retags the others from the previous release, so all six get both tags', () => {
  const plan = releasePlan({ ...input, affected: ['bff', 'artist'] });
  expect(plan.map((s) => [s.app, s.action])).toEqual([
    ['bff', 'build'],
    ['worker', 'retag'],
    ['artist', 'build'],
    ['station', 'retag'],
    ['publisher', 'retag'],
    ['admin', 'retag'],
  ]);
  expect(plan.find((s) => s.app === 'worker')).toEqual({
    app: 'worker',
    action: 'retag',
    from: 'ghcr.io/acme/zamio/worker:sha-aaaaaaa',
    tags: ['ghcr.io/acme/zamio/worker:1.5.0', 'ghcr.io/acme/zamio/worker:sha-bbbbbbb'],
  });
  for (const step of plan) expect(step.tags.some((t) => t.endsWith(':latest'))).toBe(false);
});

it('builds everything on a first release (no previous commit to retag from) and needs a registry', () => {
  expect(releasePlan({ ...input, baseShortSha: null, affected: [] }).every((s) => s.action === 'build')).toBe(
    true,
  );
  expect(() => releasePlan({ ...input, registry: '', affected: [] })).toThrow(/registry/);
});
