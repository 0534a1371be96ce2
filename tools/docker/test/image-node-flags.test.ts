// The worker image starts node with a V8 flag against full collections set off by short-lived
// ArrayBuffers (docker/node.Dockerfile). A flag this Node does not know would stop the image
// from starting, and one V8 ignores would silently bring the collections back: both fail here.
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { imageNodeFlags } from '../image-node-flags.mjs';

// ~100 MB kept (the index), then 4 MB typed arrays made and dropped, one per turn of the
// event loop, as a worker does per capture; prints the mark-compacts V8 ran meanwhile.
const CHURN = `
import { constants, PerformanceObserver } from 'node:perf_hooks';
let majors = 0;
const count = (entries) => {
  for (const e of entries) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
};
const observer = new PerformanceObserver((list) => count(list.getEntries()));
observer.observe({ entryTypes: ['gc'] });
const kept = Array.from({ length: 25 }, () => new Float32Array(1 << 20));
let sum = 0;
for (let i = 0; i < 500; i++) {
  const capture = new Float32Array(1 << 20);
  capture[i] = i;
  sum += capture[i] + kept[i % 25][0];
  await new Promise((resolve) => setImmediate(resolve));
}
count(observer.takeRecords());
console.log(JSON.stringify({ majors, sum, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`;

const churn = (flags: string[]) =>
  JSON.parse(
    execFileSync(process.execPath, [...flags, '--input-type=module', '-e', CHURN], { encoding: 'utf8' }),
  ) as { majors: number; sum: number; maxRssMb: number };

it('starts the worker with the GC flag, and the bff with none', () => {
  expect(imageNodeFlags('worker')).toEqual(['--external-memory-accounted-in-global-limit']);
  expect(imageNodeFlags('bff')).toEqual([]);
});

it("the worker's flags cut the full collections that short-lived buffers set off, without more memory", () => {
  const plain = churn([]);
  const worker = churn(imageNodeFlags('worker'));
  expect(worker.sum).toBe(plain.sum);
  expect(plain.majors).toBeGreaterThanOrEqual(4);
  expect(worker.majors * 4).toBeLessThanOrEqual(plain.majors);
  expect(worker.maxRssMb).toBeLessThan(plain.maxRssMb * 1.5);
});
