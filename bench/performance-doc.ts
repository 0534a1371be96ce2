// The benches write their own section of docs/performance.md, between
// `<!-- name:start -->` and `<!-- name:end -->`, so figures are never typed in.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(import.meta.dirname, '../docs/performance.md');

/** Replaces what lies between the section's markers (both must exist) with `body`. */
export function writePerformanceSection(name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = readFileSync(FILE, 'utf8');
  if (!doc.includes(start) || !doc.includes(end))
    throw new Error(`${FILE} lacks the ${start} … ${end} markers`);
  writeFileSync(
    FILE,
    `${doc.slice(0, doc.indexOf(start) + start.length)}\n${body}\n${doc.slice(doc.indexOf(end))}`,
  );
  console.log(`wrote ${FILE}`);
}
