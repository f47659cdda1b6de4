import { describe, expect, it } from 'vitest';
import { projectCohorts } from '../../src/project/projectCohorts.js';
import peer from '../fixtures/ccmppWPP-1x1-step.json';

// One annual step on single years of age against the UN's own implementation: the outputs of
// ccmppWPP's `project_ccmpp_z_by_z` (z = 1), computed in R on the inputs of the fixture (its
// `source` says how). The two codes compute the same algebra in another order of operations, so
// the tolerance is rounding, not a printed precision: 1e-12 relative.

const RELATIVE = 1e-12;
const near = (got: number, want: number, what: string) => expect(Math.abs(got - want), what).toBeLessThanOrEqual(RELATIVE * Math.max(1, Math.abs(want)));
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, x) => s + x, 0);

describe('one annual step equals ccmppWPP project_ccmpp_z_by_z (z = 1)', () => {
  const i = peer.inputs;
  for (const timing of ['even', 'end'] as const) {
    it(`migration timing '${timing}'`, () => {
      const out = projectCohorts({ year: 2015, width: 1, female: i.pf, male: i.pm }, [
        {
          survival: { female: { birth: i.sf[0]!, ratios: i.sf.slice(1) }, male: { birth: i.sm[0]!, ratios: i.sm.slice(1) } },
          asfr: i.asfr,
          srb: peer.srb,
          netMigrants: { female: i.nf, male: i.nm },
          migrationTiming: timing,
        },
      ]);
      const want = peer[timing];
      const end = out.population[1]!;
      want.female.forEach((v, x) => near(end.female[x]!, v, `female ${x}`));
      want.male.forEach((v, x) => near(end.male[x]!, v, `male ${x}`));
      near(out.births[0]!.female + out.births[0]!.male, want.births, 'births');
      near(out.births[0]!.female, want.birthsFemale, 'female births');
      near(out.deaths[0]!.female, sum(want.deathsFemale), 'female deaths');
      near(out.deaths[0]!.male, sum(want.deathsMale), 'male deaths');
      expect(out.years).toEqual([2015, 2016]);
    });
  }
});
