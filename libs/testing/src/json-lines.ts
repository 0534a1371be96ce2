// Parses one log line strictly: exactly one JSON object, and no key twice in
// any object (JSON.parse keeps the last duplicate silently; log shippers
// disagree about which one wins).
export function parseJsonLine(line: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(line);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`not a JSON object: ${line.slice(0, 200)}`);
  const duplicate = firstDuplicateKey(line);
  if (duplicate !== undefined) throw new Error(`key "${duplicate}" appears twice in: ${line.slice(0, 200)}`);
  return parsed as Record<string, unknown>;
}

/** Scans valid JSON text: one set of keys per open object. */
function firstDuplicateKey(text: string): string | undefined {
  const objects: (Set<string> | undefined)[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = JSON.parse(text.slice(i, end + 1)) as string;
      let next = end + 1;
      while (/\s/.test(text[next] ?? '')) next++;
      const keys = objects.at(-1);
      if (text[next] === ':' && keys) {
        if (keys.has(value)) return value;
        keys.add(value);
      }
      i = end + 1;
      continue;
    }
    if (char === '{') objects.push(new Set());
    else if (char === '[') objects.push(undefined);
    else if (char === '}' || char === ']') objects.pop();
    i++;
  }
  return undefined;
}

/** Every non-empty line of a process's output, each parsed strictly (throws on the first that is not one JSON object). */
export function jsonLogLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseJsonLine);
}

/** The warnings and worse among log lines (pino's level labels). */
export const warningsOf = <L extends Record<string, unknown>>(lines: L[]): L[] =>
  lines.filter((line) => line.level !== 'info' && line.level !== 'debug' && line.level !== 'trace');
