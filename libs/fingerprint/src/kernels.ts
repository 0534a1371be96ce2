// The WASM SIMD kernels of assembly/kernels.ts, instantiated once when the module loads (a
// few KB: synchronous compilation is fine), and the scratch memory they work in. Each user
// claims its buffers by name once; a claim only moves when a larger one is needed, so the
// memory grows to the largest clip's needs and no further. Views are taken per use: growing
// the memory replaces its buffer.
import { KERNELS_WASM_BASE64 } from './kernels-wasm.generated.ts';

// The workspace compiles without the DOM library, and @types/node declares WebAssembly's
// namespace without its members: the part used here, as the JS API specifies it.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { readonly exports: object };
};

interface KernelExports {
  readonly memory: WasmMemory;
  decimate13(
    input: number,
    inputBase: number,
    out: number,
    i0: number,
    i1: number,
    pairs: number,
    first: number,
    p: number,
    q: number,
  ): void;
  pairWeights(weights: number, q: number, pairs: number): void;
  applyWindow(src: number, window: number, dst: number, n: number): void;
  binPower(fft: number, from: number, to: number, row: number, norm2: number): void;
  smoothToDb(
    ring: number,
    rows: number,
    bins: number,
    a: number,
    b: number,
    inv: number,
    minPower: number,
    dst: number,
  ): void;
  slidingMax(
    row: number,
    length: number,
    half: number,
    out: number,
    lo: number,
    hi: number,
    floor: number,
    marks: number,
    scratch: number,
  ): number;
}

const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
export const kernels = new WebAssembly.Instance(new WebAssembly.Module(bytes))
  .exports as unknown as KernelExports;

const PAGE = 65536;
/** Vectors read up to 16 bytes past a buffer's end: every claim keeps that much slack. */
const SLACK = 64;
const claims = new Map<string, { at: number; bytes: number }>();
let top = 0;

/** A byte address of at least `bytes` bytes (16-aligned) reserved for `name`. */
export function claim(name: string, bytes: number): number {
  const held = claims.get(name);
  if (held && held.bytes >= bytes) return held.at;
  const at = top;
  top = at + Math.ceil((bytes + SLACK) / 16) * 16;
  const needed = Math.ceil(top / PAGE) - kernels.memory.buffer.byteLength / PAGE;
  if (needed > 0) kernels.memory.grow(needed);
  claims.set(name, { at, bytes });
  return at;
}

// Views of the kernels' memory (index = byte address / element size), made again only when
// the memory has grown: the per-frame callers would otherwise make three objects a frame.
let views = {
  buffer: new ArrayBuffer(0),
  f32: new Float32Array(0),
  f64: new Float64Array(0),
  i32: new Int32Array(0),
};

function heap(): typeof views {
  const { buffer } = kernels.memory;
  if (views.buffer !== buffer)
    views = {
      buffer,
      f32: new Float32Array(buffer),
      f64: new Float64Array(buffer),
      i32: new Int32Array(buffer),
    };
  return views;
}

export const heapF32 = (): Float32Array => heap().f32;
export const heapF64 = (): Float64Array => heap().f64;
export const heapI32 = (): Int32Array => heap().i32;
