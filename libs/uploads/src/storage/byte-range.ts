// Checks a requested byte range against an object's size the way HTTP does:
// an end past the last byte is clipped; a start past it cannot be served (416).
import type { ByteRange, ByteRangeRequest } from './object-storage';
import { StorageRangeNotSatisfiableError } from './storage-errors';

export function assertWellFormedRange(key: string, range: ByteRangeRequest | undefined): void {
  if (range === undefined) return;
  const { start, end } = range;
  if (
    !Number.isSafeInteger(start) ||
    start < 0 ||
    (end !== undefined && (!Number.isSafeInteger(end) || end < start))
  )
    throw new StorageRangeNotSatisfiableError(key, Number.NaN);
}

export function resolveByteRange(
  key: string,
  size: number,
  range: ByteRangeRequest | undefined,
): ByteRange | undefined {
  if (range === undefined) return undefined;
  assertWellFormedRange(key, range);
  if (range.start >= size) throw new StorageRangeNotSatisfiableError(key, size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}
