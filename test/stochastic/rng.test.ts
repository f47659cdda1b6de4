import { describe, expect, it } from 'vitest';
import { fillNormals, streamFor, streamState } from '../../src/stochastic/rng.js';

describe('per-trajectory streams', () => {
  it('the same (seed, index) gives the same draws; any other index or seed gives others', () => {
    const draw = (seed: number, index: number) => {
      const z = new Float64Array(8);
      fillNormals(streamFor(seed, index), z, 8);
      return Array.from(z);
    };
    expect(draw(1, 5)).toEqual(draw(1, 5));
    expect(draw(1, 5)).not.toEqual(draw(1, 6));
    expect(draw(1, 5)).not.toEqual(draw(2, 5));
    expect(draw(2 ** 40, 5)).not.toEqual(draw(0, 5)); // the high half of the seed counts
  });
  it('distinct seeds give distinct streams: all 53 bits count (issue 11 §5)', () => {
    // 6,957,085,543 = 2^32 + lo with lo ^ hash32(φ + 1) = 1 ^ hash32(φ): the old fold made it seed 1.
    expect(streamState(6_957_085_543, 0, [0, 0, 0, 0])).not.toEqual(streamState(1, 0, [0, 0, 0, 0]));
    // Same low word, every high word from 0 to 4999: second state words all distinct.
    const seen = new Set<number>();
    for (let hi = 0; hi < 5000; hi++) seen.add(streamState(hi * 2 ** 32 + 12345, 3, [0, 0, 0, 0])[1]!);
    expect(seen.size).toBe(5000);
    expect(streamState(2 ** 53 - 1, 0, [0, 0, 0, 0])).not.toEqual(streamState(2 ** 32 - 1, 0, [0, 0, 0, 0]));
  });
  it('seeds below 2^32 keep the streams they always had (pinned state words)', () => {
    expect(streamState(1, 0, [0, 0, 0, 0])).toEqual([-1156232634, 1815312455, -1799147749, -916639288]);
    expect(streamState(2024, 3, [0, 0, 0, 0])).toEqual([2123747793, 1371974687, 336973904, 590342687]);
  });
  it('distinct indices start from distinct states (each state word is a bijection of the index)', () => {
    const seen = new Set<number>();
    const s = [0, 0, 0, 0];
    for (let i = 0; i < 200000; i++) seen.add(streamState(123, i, s)[0]!);
    expect(seen.size).toBe(200000);
  });
});

describe('Box–Muller normals', () => {
  // 2,000,000 draws from 250,000 streams: moments within 5 standard errors of N(0, 1)'s.
  const N = 2_000_000;
  const z = new Float64Array(8);
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let tail = 0;
  let lag = 0;
  let prev = 0;
  let maxAbs = 0;
  for (let i = 0; i < N / 8; i++) {
    fillNormals(streamFor(2024, i), z, 8);
    for (const x of z) {
      s1 += x;
      s2 += x * x;
      s3 += x ** 3;
      s4 += x ** 4;
      if (Math.abs(x) > 3) tail++;
      maxAbs = Math.max(maxAbs, Math.abs(x));
    }
    lag += prev * z[0]!; // first draw of neighbouring streams
    prev = z[0]!;
  }
  it('mean 0, variance 1, skewness 0, kurtosis 3', () => {
    expect(Math.abs(s1 / N)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(s3 / N)).toBeLessThan(5 * Math.sqrt(15 / N));
    expect(Math.abs(s4 / N - 3)).toBeLessThan(5 * Math.sqrt(96 / N));
  });
  it('P(|z| > 3) = 0.0026998 and |z| ≤ √(106 ln 2)', () => {
    const p = 0.002699796063260207;
    expect(Math.abs(tail / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    expect(maxAbs).toBeLessThanOrEqual(Math.sqrt(106 * Math.LN2));
  });
  it('neighbouring streams are uncorrelated', () => {
    expect(Math.abs(lag / (N / 8))).toBeLessThan(5 / Math.sqrt(N / 8));
  });
});
