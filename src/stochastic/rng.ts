import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Random streams for Monte Carlo: every trajectory draws from its own stream, keyed by (seed,
 * trajectory index), so a trajectory's draws do not depend on which other trajectories run, in
 * which order, or on how many threads — the basis of split-independent results.
 *
 * A stream is pure-rand's xoroshiro128+ (Blackman & Vigna 2018; 128-bit state, period 2^128 − 1)
 * started from a state derived from (seed, index) by an integer hash. As Vigna recommends for
 * xoroshiro, the state is scrambled from the key rather than taken from it, so neighbouring indices
 * start far apart. Each of the four 32-bit state words is a bijection of the index for a given seed,
 * so distinct indices start from distinct states; with at most a few hundred draws per trajectory,
 * the chance that two streams overlap is of the order N² · draws / 2^128 — nil.
 *
 * All 53 bits of the seed count: its low 32 bits key the state as they always have (so a seed below
 * 2^32 keeps its stream), and its high 21 bits, when not 0, are mixed into every state word but the
 * first by `mix(j, hi)`, a bijection of `hi` that is 0 at `hi = 0`. For one index, seeds with
 * different low words give different first words, and seeds with the same low word but different
 * high words different second words: distinct seeds give distinct streams (before, the high word
 * was folded into the low one, and seeds 1 and 6,957,085,543 gave the same simulation).
 */

/** Largest trajectory index + 1 (indices are 32-bit). */
export const MAX_STREAMS = 2 ** 32;

const GOLDEN = 0x9e3779b9;

/**
 * A bijective 32-bit integer hash ("lowbias32", C. Wellons, *Prospecting for hash functions*, 2018):
 * xor-shift / multiply rounds with low bias; as signed 32-bit.
 */
function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}

/** The four 32-bit state words of the stream of trajectory `index` (0 ≤ index < 2^32) for `seed` (a safe integer ≥ 0). */
export function streamState(seed: number, index: number, out: number[]): number[] {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  const key = hash32(lo ^ hash32(GOLDEN));
  const h = hash32(index >>> 0);
  let zero = true;
  for (let j = 0; j < 4; j++) {
    const w = hash32(h ^ hash32(key + Math.imul(j + 1, GOLDEN))) ^ (j === 0 || hi === 0 ? 0 : mix(j, hi));
    out[j] = w;
    if (w !== 0) zero = false;
  }
  // xoroshiro's all-zero state is a fixed point; the hash makes it a 2^-128 event, handled anyway.
  if (zero) out[0] = 1;
  return out;
}

/**
 * The high word's contribution to state word j: hash32(hash32(hi) + j·φ) ⊕ hash32(j·φ), a bijection
 * of `hi` (a composition of bijections, then a constant xor) that is 0 for hi = 0.
 */
function mix(j: number, hi: number): number {
  const c = Math.imul(j, GOLDEN);
  return hash32(hash32(hi) + c) ^ hash32(c);
}

const scratchState = [0, 0, 0, 0];

/** The generator of trajectory `index` (one small object; the state array is reused). */
export function streamFor(seed: number, index: number): RandomGenerator {
  return xoroshiro128plusFromState(streamState(seed, index, scratchState));
}

/**
 * Fills `out[0 .. n)` with standard normal variates from `rng` by the Box–Muller transform
 * (Box & Muller 1958): with u1 ∈ (0, 1] and u2 ∈ [0, 1) uniform (53-bit, pure-rand's
 * `uniformFloat64`), z = √(−2 ln u1) · (cos 2πu2, sin 2πu2). Exact up to floating point; the
 * smallest u1 is 2^-53, so |z| ≤ √(106 ln 2) ≈ 8.57: the tails beyond 8.57 σ (probability 1e-17)
 * are cut. Pairs are used in order (cos first); an odd n discards the last sine.
 */
export function fillNormals(rng: RandomGenerator, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i += 2) {
    const u1 = 1 - uniformFloat64(rng);
    const u2 = uniformFloat64(rng);
    const r = Math.sqrt(-2 * Math.log(u1));
    const a = 2 * Math.PI * u2;
    out[i] = r * Math.cos(a);
    if (i + 1 < n) out[i + 1] = r * Math.sin(a);
  }
}
