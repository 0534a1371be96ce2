// Storage keys are chosen by the server (`<kind>/<random id>.<ext>`), never
// taken from a client: one checked shape keeps them safe as file paths and as
// S3 keys alike (no `..`, no absolute paths, no hidden or partial files).
const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/i;

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`"${key}" is not a storage key (segments of letters, digits and ._- separated by /)`);
    this.name = 'InvalidStorageKeyError';
  }
}

export function assertStorageKey(key: string): string {
  const segments = key.split('/');
  const valid =
    key.length <= 512 &&
    !key.endsWith('.part') &&
    segments.every((segment) => SEGMENT.test(segment) && !segment.includes('..'));
  if (!valid) throw new InvalidStorageKeyError(key);
  return key;
}

export function isStorageKey(key: string): boolean {
  try {
    assertStorageKey(key);
    return true;
  } catch {
    return false;
  }
}
