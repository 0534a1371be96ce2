// The node flags an app's image starts with: the words between `node` and the script in the
// CMD of the app's stage in its Dockerfile. The Postgres fingerprint bench runs the worker's
// path with them, so it measures what the image runs; the test checks they work on this Node.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerfileOf } from './image-spec.mjs';

const ROOT = join(import.meta.dirname, '../..');

export function imageNodeFlags(app, root = ROOT) {
  const { dockerfile, target } = dockerfileOf(app);
  const lines = readFileSync(join(root, dockerfile), 'utf8').split('\n');
  const from = lines.findIndex((line) => new RegExp(`^FROM \\S+ AS ${target}\\s*$`, 'i').test(line));
  if (from < 0) throw new Error(`${dockerfile} has no stage named ${target}`);
  const end = lines.findIndex((line, i) => i > from && /^FROM /i.test(line));
  const cmd = lines.slice(from + 1, end < 0 ? undefined : end).findLast((line) => /^CMD \[/.test(line));
  if (!cmd) throw new Error(`the ${target} stage of ${dockerfile} has no CMD in exec form`);
  const words = JSON.parse(cmd.slice('CMD '.length));
  if (words[0] !== 'node') throw new Error(`the ${target} stage's CMD does not start node: ${cmd}`);
  return words.slice(1, -1);
}
