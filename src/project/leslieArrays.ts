import type { Sex } from '../types.js';
import type { KernelPeriod } from './kernel.js';

// The Leslie matrix of a compiled period as plain arrays, without mathjs: the core uses its fertility
// row (dominantRoot), and `leslieMatrix` (./leslie.ts, entry point `ccmpp/leslie`) wraps the arrays
// in a mathjs matrix, so that mathjs is loaded only where that view is used.

/**
 * Fertility row of the female-dominant Leslie matrix (Preston, Heuveline & Guillot 2001, §6.3),
 * births counted from women at the start and the end of the period:
 * F(x) = (n/2) · b · (asfr(x) + asfr(x+1) s(x)) for periods of width n, with the open group feeding itself.
 * `share` is the sex's share of births and `b` its birth survival.
 */
export function fertilityRow(k: KernelPeriod, share: number, b: number): Float64Array {
  const { asfr, sf } = k;
  const G = asfr.length;
  const row = new Float64Array(G);
  const c = 0.5 * k.width * share * b;
  for (let x = 0; x < G - 1; x++) {
    const into = x < G - 2 ? x + 1 : G - 1;
    row[x] = c * (asfr[x]! + asfr[into]! * sf[x]!);
  }
  row[G - 1] = c * asfr[G - 1]! * (1 + sf[G - 2]!);
  return row;
}

/** Survival part of a one-sex Leslie matrix: subdiagonal s(x), and s(G−2) twice in the last row. */
function survivalBlock(s: Float64Array, G: number, put: (r: number, c: number, v: number) => void): void {
  for (let x = 0; x < G - 2; x++) put(x + 1, x, s[x]!);
  put(G - 1, G - 2, s[G - 2]!);
  put(G - 1, G - 1, s[G - 2]!);
}

/** Dense Leslie matrix (as nested arrays) of a compiled period: one sex (G×G) or two sexes (2G×2G, female first). */
export function leslieArrays(k: KernelPeriod, sex?: Sex): number[][] {
  const G = k.asfr.length;
  const n = sex ? G : 2 * G;
  const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const fShare = k.femaleShare;
  if (sex !== 'male') {
    a[0]!.splice(0, G, ...fertilityRow(k, fShare, k.bf));
    survivalBlock(k.sf, G, (r, c, v) => (a[r]![c] = v));
  }
  if (sex === 'male') survivalBlock(k.sm, G, (r, c, v) => (a[r]![c] = v));
  if (!sex) {
    a[G]!.splice(0, G, ...fertilityRow(k, 1 - fShare, k.bm));
    survivalBlock(k.sm, G, (r, c, v) => (a[G + r]![G + c] = v));
  }
  return a;
}
