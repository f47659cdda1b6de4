import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// What the fertility layer computes or loads at import, against independent values. The modules are
// imported inside the tests on purpose: a module that throws while loading then fails a test
// (Stryker's vitest runner does not see a file that fails to load).

describe('module-level values of the fertility layer', () => {
  it('GAUSS_LEGENDRE_8 has the nodes and weights of Abramowitz & Stegun (1964), table 25.4', async () => {
    const { GAUSS_LEGENDRE_8 } = await import('../../src/fertility/quadrature.js');
    // Printed to 15 decimals: half a unit plus an ulp.
    const HALF_UNIT = 5e-16 + 2 ** -52;
    const x = [0.18343464249565, 0.525532409916329, 0.796666477413627, 0.960289856497536];
    const w = [0.362683783378362, 0.313706645877887, 0.222381034453374, 0.101228536290376];
    const order = Array.from(GAUSS_LEGENDRE_8.nodes.keys()).sort((a, b) => GAUSS_LEGENDRE_8.nodes[a]! - GAUSS_LEGENDRE_8.nodes[b]!);
    expect(order).toHaveLength(8);
    order.forEach((i, k) => {
      const j = k < 4 ? 3 - k : k - 4;
      expect(Math.abs(Math.abs(GAUSS_LEGENDRE_8.nodes[i]!) - x[j]!), `node ${k}`).toBeLessThanOrEqual(HALF_UNIT);
      expect(Math.abs(GAUSS_LEGENDRE_8.weights[i]! - w[j]!), `weight ${k}`).toBeLessThanOrEqual(HALF_UNIT);
    });
  });

  it("the 'china-2015' pattern is WPP 2019's percentASFR divided by its sum", async () => {
    const { fertilityPattern } = await import('../../src/fertility/pattern.js');
    const data = JSON.parse(readFileSync(new URL('../../data/fertility/china-2015-pattern.json', import.meta.url), 'utf8'));
    const percent = [2.25888, 34.52367, 34.68462, 18.6571, 6.85473, 2.71302, 0.30799];
    const sum = percent.reduce((a, b) => a + b, 0);
    const shares = fertilityPattern('china-2015');
    expect(Array.from(shares)).toEqual(data.shares);
    shares.forEach((s, i) => expect(Math.abs(s - percent[i]! / sum)).toBeLessThan(1e-15));
    // A copy each call: changing it does not change the next.
    shares[0] = 9;
    expect(fertilityPattern('china-2015')[0]).toBe(data.shares[0]);
  });

  it('the layout constants: 7 fertile groups from 15–19 (grid index 3), grids from open age 50', async () => {
    const { FERTILE_GROUPS, FIRST_FERTILE_GROUP, MIN_GRID_OPEN_AGE } = await import('../../src/fertility/layout.js');
    expect([FERTILE_GROUPS, FIRST_FERTILE_GROUP, MIN_GRID_OPEN_AGE]).toEqual([7, 3, 50]);
  });
});
