import fc from 'fast-check';
import { describe, it } from 'vitest';
import { compareScenarios } from '../../src/targets/compare.js';
import type { Scenario } from '../../src/scenario/schema.js';
import { variants } from '../../src/scenario/variants.js';
import { city2015 } from '../stochastic/fixtures.js';

/** Random TFR anchor sets (≥ 0.5, so the low variant exists) with random e0 and migration. */
const scenarios = fc
  .record({
    years: fc.uniqueArray(fc.integer({ min: 2010, max: 2040 }), { minLength: 1, maxLength: 4 }),
    tfr: fc.array(fc.double({ min: 0.5, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
    e0: fc.double({ min: 70, max: 84, noNaN: true }),
    net: fc.integer({ min: 0, max: 30000 }),
  })
  .map(({ years, tfr, e0, net }): Scenario => {
    const sorted = [...years].sort((a, b) => a - b);
    return {
      fertility: { tfr: Object.fromEntries(sorted.map((y, i) => [y, tfr[i]!])), pattern: 'china-2015' },
      mortality: { e0 },
      migration: { netPerYear: net },
      srb: 107,
    };
  });

describe('variants: properties', () => {
  it('high ≥ medium ≥ low and medium ≥ zero migration (net in-migration ≥ 0) in every later year', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const rows = compareScenarios(city2015, variants(s), { until: 2035 }).rows;
        const total = (name: string, y: number) => rows.find((r) => r.name === name)!.years[y]!.total;
        for (let y = 1; y < 5; y++) {
          if (!(total('high', y) > total('medium', y) && total('medium', y) > total('low', y))) return false;
          if (!(total('medium', y) >= total('zero-migration', y))) return false;
        }
        return true;
      }),
    );
  });
});
