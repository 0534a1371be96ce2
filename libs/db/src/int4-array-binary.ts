// An int4[] column read as `array_send(column)`: Postgres' binary array format, one bytea.
// The text form ('{1,2,…}') is parsed number by number in JS and leaves a JS array per row;
// for the fingerprint store's ~10⁷ values that was most of a worker's index load (about six
// times the client CPU of this, measured on 200 rows of 8,500 values). Layout (big-endian):
// ndim, has-nulls flag, element type oid, then per dimension its length and lower bound,
// then each element as its byte length (4) and value.
const INT4_OID = 23;

/** The values of a one-dimensional int4[] without NULLs, as unsigned 32-bit (the same bits). */
export function int4ArrayFromBinary(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bad = (why: string) => new RangeError(`not a binary int4[] (array_send): ${why}`);
  if (bytes.byteLength < 12) throw bad(`${bytes.byteLength} bytes is shorter than its header`);
  const ndim = view.getInt32(0);
  if (view.getInt32(8) !== INT4_OID) throw bad(`element type oid ${view.getInt32(8)}, not int4`);
  if (ndim === 0) return new Uint32Array(0);
  if (ndim !== 1) throw bad(`${ndim} dimensions, not one`);
  if (view.getInt32(4) !== 0) throw bad('it holds NULLs');
  const n = view.getInt32(12);
  if (bytes.byteLength !== 20 + 8 * n) throw bad(`${bytes.byteLength} bytes for ${n} values`);
  const out = new Uint32Array(n);
  for (let i = 0, at = 20; i < n; i++, at += 8) out[i] = view.getUint32(at + 4);
  return out;
}
