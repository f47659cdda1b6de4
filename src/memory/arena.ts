/**
 * Consecutive Float64Array views of one buffer: a projection's many small arrays cost one
 * allocation instead of dozens (a typed array costs ~200 ns to create, a view ~50 ns).
 */
export class Arena {
  private readonly buffer: Float64Array;
  private next = 0;
  constructor(size: number) {
    this.buffer = float64(size);
  }
  /** A zeroed view of `n` numbers. */
  take(n: number): Float64Array {
    const view = this.buffer.subarray(this.next, this.next + n);
    this.next += n;
    return view;
  }
}

/** Numbers per pool slab (64 KiB); requests up to an eighth of it are pooled. */
const POOL_SIZE = 8192;
let pool = new Float64Array(POOL_SIZE);
let poolUsed = 0;

/**
 * A zeroed Float64Array of `n` numbers, carved from a shared 64 KiB slab when small (as Node pools
 * small Buffers): a typed array with a buffer of its own costs ~0.5 µs and, in numbers, makes V8
 * collect garbage often (external memory); a view costs ~50 ns. A view keeps its slab alive;
 * `.slice()` gives an array with a buffer of its own.
 */
export function float64(n: number): Float64Array {
  if (n > POOL_SIZE / 8) return new Float64Array(n);
  if (poolUsed + n > POOL_SIZE) {
    pool = new Float64Array(POOL_SIZE);
    poolUsed = 0;
  }
  const view = pool.subarray(poolUsed, poolUsed + n);
  poolUsed += n;
  return view;
}
