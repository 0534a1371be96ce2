// Checks a chosen file before any byte is sent, so a person learns at once
// that a file is too large or of the wrong kind. The server checks again (by
// content); these only save a wasted upload.
import { formatBytes } from '../format/numbers';

export interface FileRules {
  /** Like the input's accept: ".wav,.mp3,audio/*". */
  accept?: string;
  maxBytes?: number;
}

const matchesAccept = (file: File, accept: string): boolean => {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .some((entry) =>
      entry.startsWith('.')
        ? name.endsWith(entry)
        : entry.endsWith('/*')
          ? type.startsWith(entry.slice(0, -1))
          : type === entry,
    );
};

/** A message naming the problem, or undefined when the file may be sent. */
export function fileProblem(file: File, { accept, maxBytes }: FileRules): string | undefined {
  if (accept && !matchesAccept(file, accept))
    return `${file.name} is not an accepted file type (${accept.split(',').join(', ')})`;
  if (maxBytes !== undefined && file.size > maxBytes)
    return `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}`;
  if (file.size === 0) return `${file.name} is empty`;
  return undefined;
}
