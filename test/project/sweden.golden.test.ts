import { describe, expect, it } from 'vitest';
import { projectCohorts } from '../../src/index.js';
import { sweden1993 as s } from '../fixtures/sweden1993.js';

// Preston, Heuveline & Guillot (2001), Box 6.2: the 1998 female groups and the births are printed
// in whole persons; tolerance is half a person.
const HALF_PERSON = 0.5;

describe('projectCohorts — Sweden females 1993 → 1998 (PHG 2001, Box 6.2)', () => {
  const L = s.Lx;
  const G = L.length;
  // birth → 0–4: 5L0 / 5 l0; x → x+5: 5L(x+5)/5Lx; into 85+: L85+/(L80 + L85+)
  const ratios = L.slice(1).map((v, i) => (i < G - 2 ? v / L[i]! : L[G - 1]! / (L[G - 2]! + L[G - 1]!)));
  const survival = { birth: L[0]! / (5 * s.radix), ratios };
  const zeros = new Array<number>(G).fill(0);
  const out = projectCohorts({ year: 1993, female: s.female1993, male: zeros }, [
    { survival: { female: survival, male: survival }, asfr: s.asfr, srb: s.srb, netMigrants: { female: s.netFemaleMigrants, male: zeros } },
  ]);

  it('reproduces every published 1998 female group', () => {
    const f = out.population[1]!.female;
    s.female1998.forEach((v, i) => expect(Math.abs(f[i]! - v), `group ${i}`).toBeLessThanOrEqual(HALF_PERSON));
  });
  it('reproduces total births 1993–98 = 615,988', () => {
    expect(Math.abs(out.births[0]!.female + out.births[0]!.male - s.births)).toBeLessThanOrEqual(HALF_PERSON);
  });
  it('splits births by the SRB and dates the output', () => {
    expect(out.births[0]!.male / out.births[0]!.female).toBeCloseTo(1.05, 12);
    expect(out.years).toEqual([1993, 1998]);
  });
});
