import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { total } from '../../src/ages/broad.js';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { step, TOTALS_SIZE, WORST_SHARE } from '../../src/project/kernel.js';
import { compilePeriod } from '../../src/project/periodInputs.js';
import { projectCohorts } from '../../src/project/projectCohorts.js';
import { arbitraries, invariants } from '../../src/testing/index.js';
import { parseScenario } from '../../src/scenario/schema.js';
import { InputError } from '../../src/validate/errors.js';
import { asfrValue, srbValue, tfrValue } from '../../src/validate/schemas.js';
import { survivalRatios } from '../../src/lifetable/survival.js';

const { assertHolds } = invariants;
const A = arbitraries;

/** Relative rounding allowed where a generated value is rebuilt by a sum or a product (a few 1e-16). */
const REBUILD_REL_TOL = 1e-12;

describe('arbitraries — every value is valid by construction', () => {
  it('mx: abridged ages 0, 1, 5, …, open; every rate finite and > 0; e0 within ~31–91', () => {
    fc.assert(
      fc.property(A.mx({ openAge: { min: 5, max: 130 } }), (mx) => {
        const openAge = 5 * (mx.length - 2);
        expect(openAge % 5 === 0 && openAge >= 5 && openAge <= 130).toBe(true);
        expect(mx.every((m) => Number.isFinite(m) && m > 0)).toBe(true);
        if (openAge >= 100) {
          const e0 = lifeTable(mx, { sex: 'female' }).ex[0]!;
          expect(e0).toBeGreaterThan(25);
          expect(e0).toBeLessThan(95);
        }
      }),
    );
  });

  it('mx: a level range moves e0 (level 0–0.1 is low mortality, 0.9–1 high)', () => {
    const e0 = (mx: number[]) => lifeTable(mx, { sex: 'female' }).ex[0]!;
    fc.assert(fc.property(A.mx({ level: { max: 0.1 } }), (mx) => e0(mx) > 80));
    fc.assert(fc.property(A.mx({ level: { min: 0.9 } }), (mx) => e0(mx) < 55));
  });

  it('lifeTable: rules and radix as asked', () => {
    fc.assert(
      fc.property(A.lifeTable({ openAge: 85, radix: 1, sex: 'male', axRule: 'midpoint' }), (lt) => {
        expect(lt.lx.length).toBe(19);
        expect(lt.lx[0]).toBe(1);
        expect(lt.ax[5]).toBe(2.5);
        return assertHolds(invariants.lifeTableIdentities(lt));
      }),
    );
  });

  it('population: the grid asked for, counts ≥ 0, the total in range, integer years', () => {
    const options = { openAge: { min: 5, max: 130 }, year: { min: 2000, max: 2010 }, total: { min: 1e4, max: 1e6 } };
    fc.assert(
      fc.property(A.population(options), (p) => {
        expect(p.male.length).toBe(p.female.length);
        expect((p.female.length - 1) * 5).toBeGreaterThanOrEqual(5);
        expect(Number.isInteger(p.year) && p.year >= 2000 && p.year <= 2010).toBe(true);
        expect([...p.female, ...p.male].every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        const t = total(p.female) + total(p.male);
        expect(t).toBeGreaterThanOrEqual(1e4 * (1 - REBUILD_REL_TOL));
        expect(t).toBeLessThanOrEqual(1e6 * (1 + REBUILD_REL_TOL));
      }),
    );
  });

  it('population: whole persons and empty groups on request', () => {
    let empties = 0;
    fc.assert(
      fc.property(A.population({ openAge: 50, integers: true, emptyGroups: true }), (p) => {
        expect([...p.female, ...p.male].every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
        empties += [...p.female, ...p.male].filter((v) => v === 0).length;
      }),
    );
    expect(empties).toBeGreaterThan(0);
  });

  it('fertilityPattern: 7 shares ≥ 0 summing to 1 within 1e-12', () => {
    fc.assert(
      fc.property(A.fertilityPattern(), (s) => {
        expect(s).toHaveLength(7);
        expect(s.every((v) => v >= 0)).toBe(true);
        expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('tfr, e0, srb: within their ranges', () => {
    fc.assert(fc.property(A.tfr({ min: 1, max: 2 }), A.e0(), A.srb(), (t, e, s) => t >= 1 && t <= 2 && e >= 30 && e <= 90 && s >= 100 && s <= 115));
  });

  it("periodInputs: valid for projectCohorts; ASFR from the TFR; 'any' migrants cannot empty a group", () => {
    fc.assert(
      fc.property(
        A.population({ openAge: { min: 5, max: 130 }, emptyGroups: true }).chain((p) =>
          fc.tuple(fc.constant(p), A.periodInputs({ population: p, migration: 'any', maxOutShare: 0.9, tfr: { min: 1, max: 3 } })),
        ),
        ([p, period]) => {
          const groups = p.female.length;
          expect(period.asfr).toHaveLength(groups);
          expect(period.asfr[0]).toBe(0);
          expect(period.asfr[groups - 1]).toBe(0);
          const tfr = 5 * total(period.asfr);
          if (groups >= 11) expect(tfr >= 1 - REBUILD_REL_TOL && tfr <= 3 + REBUILD_REL_TOL).toBe(true);
          expect(period.srb >= 100 && period.srb <= 115).toBe(true);
          expect(period.netMigrants?.female).toHaveLength(groups);
          for (const sex of ['female', 'male'] as const)
            Array.from(period.netMigrants![sex]).forEach((m, x) => expect(m >= -0.9 * p[sex][x]! && m <= 0.2 * p[sex][x]!).toBe(true));
          // Throws (and fails the property) if any group would go negative.
          return assertHolds(invariants.nonNegative(projectCohorts(p, [period])));
        },
      ),
    );
  });

  it("periodInputs: 'in' migrants are ≥ 0, 'none' has no netMigrants", () => {
    fc.assert(
      fc.property(A.periodInputs({ migration: 'in', openAge: 60 }), A.periodInputs(), (inOnly, none) => {
        expect([...Array.from(inOnly.netMigrants!.female), ...Array.from(inOnly.netMigrants!.male)].every((v) => v >= 0)).toBe(true);
        expect(inOnly.asfr).toHaveLength(13);
        expect('netMigrants' in none).toBe(false);
      }),
    );
  });

  it('projectionCase: one grid, the asked number of periods, projectable with any migration', () => {
    fc.assert(
      fc.property(A.projectionCase({ openAge: { min: 50, max: 90 }, periods: { min: 2, max: 3 }, period: { migration: 'any', maxOutShare: 0.9 } }), ({ base, periods }) => {
        expect(periods.length >= 2 && periods.length <= 3).toBe(true);
        periods.forEach((p) => expect(p.asfr).toHaveLength(base.female.length));
        return assertHolds(invariants.nonNegative(projectCohorts(base, periods)));
      }),
    );
  });

  it('periodInputs with outMigration: inMigrants ≥ 0, an out-flow that takes at most maxShare of any group, projectable', () => {
    fc.assert(
      fc.property(
        A.population({ openAge: { min: 5, max: 130 }, emptyGroups: true }).chain((p) =>
          fc.tuple(fc.constant(p), A.periodInputs({ population: p, migration: 'in', outMigration: { maxShare: 0.6 } })),
        ),
        ([p, period]) => {
          const groups = p.female.length;
          expect('netMigrants' in period).toBe(false);
          expect([...Array.from(period.inMigrants!.female), ...Array.from(period.inMigrants!.male)].every((v) => v >= 0)).toBe(true);
          const o = period.outMigration!;
          expect(o.schedule.female).toHaveLength(groups);
          expect(Math.max(...Array.from(o.schedule.female), ...Array.from(o.schedule.male))).toBe(1);
          expect(o.persons! >= 0 && o.rate! >= 0 && o.rate! < 1).toBe(true);
          // No group loses more than 60 % of its people in either half (the kernel's largest share taken).
          const totals = new Float64Array(TOTALS_SIZE);
          step(Float64Array.from(p.female), Float64Array.from(p.male), compilePeriod(period), new Float64Array(groups), new Float64Array(groups), totals);
          expect(totals[WORST_SHARE]).toBeLessThanOrEqual(0.6 * (1 + 1e-12));
          return assertHolds(invariants.nonNegative(projectCohorts(p, [period])));
        },
      ),
    );
  });

  it('periodInputs with outMigration: persons only on request, a Rogers–Castro or random schedule', () => {
    fc.assert(
      fc.property(A.population({ openAge: 85 }).chain((p) => A.periodInputs({ population: p, outMigration: { rate: false, schedule: 'rogers-castro' } })), (period) => {
        expect(period.outMigration!.rate).toBe(0);
        expect(period.outMigration!.schedule.female[4]).toBe(1);
        expect(period.outMigration!.schedule.male).toEqual(period.outMigration!.schedule.female);
      }),
    );
  });

  it('projectionCase with gross flows: every period has an out-flow bounded by the population at its start', () => {
    fc.assert(
      fc.property(A.projectionCase({ openAge: { min: 20, max: 100 }, periods: { min: 2, max: 4 }, period: { migration: 'in', outMigration: { maxShare: 0.9 } } }), ({ base, periods }) => {
        periods.forEach((p) => expect(p.outMigration).toBeDefined());
        const out = projectCohorts(base, periods);
        assertHolds(invariants.balancingIdentity(out));
        return assertHolds(invariants.nonNegative(out));
      }),
    );
  });

  it("scenario: 'gross' draws inPerYear and outRate in range, 'any' with flowDifference draws modest FDM parameters", () => {
    const values = (p: unknown) => (typeof p === 'number' ? [p] : Object.values(p as Record<string, number>));
    fc.assert(
      fc.property(A.scenario({ migration: 'gross', maxInPerYear: 500, maxOutRate: 0.02 }), A.scenario({ migration: 'any', flowDifference: true }), (g, n) => {
        expect(parseScenario(g)).toBeDefined();
        expect(parseScenario(n)).toBeDefined();
        const m = g.migration!;
        expect(m.netPerYear).toBeUndefined();
        expect(values(m.inPerYear).every((v) => v >= 0 && v <= 500)).toBe(true);
        expect(values(m.outRate).every((v) => v >= 0 && v <= 0.02)).toBe(true);
        const f = n.migration!.flowDifference;
        if (f !== undefined && typeof f === 'object') expect(f.beta0 <= 0.02 && f.beta1 >= 0 && f.beta1 <= 1 && f.m <= 0.01).toBe(true);
      }),
    );
  });

  it('path: a constant or anchors at increasing integer years, values in range', () => {
    fc.assert(
      fc.property(A.path({ min: 0.5, max: 2, years: { min: 2015, max: 2050 }, anchors: { min: 2, max: 4 } }), (path) => {
        const values = typeof path === 'number' ? [path] : Object.values(path);
        expect(values.every((v) => v >= 0.5 && v <= 2)).toBe(true);
        if (typeof path !== 'number') {
          const years = Object.keys(path).map(Number);
          expect(years.length >= 2 && years.length <= 4).toBe(true);
          years.forEach((y, i) => expect(Number.isInteger(y) && y >= 2015 && y <= 2050 && (i === 0 || y > years[i - 1]!)).toBe(true));
        }
      }),
    );
    fc.assert(fc.property(A.netMigrationPath({ form: 'constant' }), (v) => typeof v === 'number' && v >= -20000 && v <= 20000));
    fc.assert(fc.property(A.tfrPath({ form: 'anchors' }), A.e0Path(), (t, e) => typeof t === 'object' && (typeof e === 'number' || Object.keys(e).length >= 1)));
  });
});

describe('arbitraries at width 1 (single years of age, one-year periods) — valid by construction', () => {
  it('mx: single ages 0, 1, …, open, every rate > 0; the complete life table keeps its identities', () => {
    fc.assert(
      fc.property(A.mx({ openAge: { min: 5, max: 130 }, width: 1 }), (mx) => {
        const openAge = mx.length - 1;
        expect(openAge % 5 === 0 && openAge >= 5 && openAge <= 130).toBe(true);
        expect(mx.every((m) => Number.isFinite(m) && m > 0)).toBe(true);
        return assertHolds(invariants.lifeTableIdentities(lifeTable(mx, { sex: 'female', width: 1 })));
      }),
    );
  });

  it('mx: the single-age and the abridged schedules of one law give about the same e0', () => {
    fc.assert(
      fc.property(A.mortalityLaw(), (law) => {
        const abridged = lifeTable(A.lawMx(law, 100), { sex: 'female' }).ex[0]!;
        const complete = lifeTable(A.lawMx(law, 100, 1), { sex: 'female', width: 1 }).ex[0]!;
        // Both integrate the same hazard; they differ by the tables' ax conventions (a few tenths of a year at most).
        expect(Math.abs(abridged - complete)).toBeLessThan(0.5);
      }),
    );
  });

  it('lifeTable: a complete table with the rules asked for', () => {
    fc.assert(
      fc.property(A.lifeTable({ width: 1, openAge: 85, radix: 1, sex: 'male' }), (lt) => {
        expect(lt.lx.length).toBe(86);
        expect(Array.from(lt.ages.slice(0, 3))).toEqual([0, 1, 2]);
        expect(lt.ax[5]).toBe(0.5);
        return assertHolds(invariants.lifeTableIdentities(lt));
      }),
    );
  });

  it('population: single years 0 … openAge − 1 and openAge+, width 1, counts ≥ 0, the total in range', () => {
    fc.assert(
      fc.property(A.population({ width: 1, openAge: { min: 5, max: 130 }, total: { min: 1e4, max: 1e6 }, emptyGroups: true }), (p) => {
        expect(p.width).toBe(1);
        expect(p.male.length).toBe(p.female.length);
        expect((p.female.length - 1) % 5).toBe(0);
        expect([...p.female, ...p.male].every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
        const t = total(p.female) + total(p.male);
        expect(t).toBeLessThanOrEqual(1e6 * (1 + REBUILD_REL_TOL));
      }),
    );
  });

  it('fertilityPattern: 35 single-age shares ≥ 0 summing to 1 within 1e-12', () => {
    fc.assert(
      fc.property(A.fertilityPattern({ width: 1 }), (s) => {
        expect(s).toHaveLength(35);
        expect(s.every((v) => v >= 0)).toBe(true);
        expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it("periodInputs: survival by age at arrival from a complete table, ASFR per single age 15–49 summing to the TFR, 'any' migrants bounded; projectable", () => {
    fc.assert(
      fc.property(
        A.population({ width: 1, openAge: { min: 5, max: 130 }, emptyGroups: true }).chain((p) =>
          fc.tuple(fc.constant(p), A.periodInputs({ population: p, migration: 'any', maxOutShare: 0.9, tfr: { min: 1, max: 3 } })),
        ),
        ([p, period]) => {
          const groups = p.female.length;
          expect(period.asfr).toHaveLength(groups);
          expect(period.survival.female.ratios).toHaveLength(groups - 1);
          expect(period.survival.female.birth > 0 && period.survival.female.birth < 1).toBe(true);
          Array.from(period.asfr).forEach((a, x) => {
            if (x < 15 || x > 49 || x === groups - 1) expect(a).toBe(0);
            expect(a >= 0 && a <= A.MAX_ASFR).toBe(true);
          });
          const tfr = total(period.asfr);
          if (groups >= 51) expect(tfr >= 1 - REBUILD_REL_TOL && tfr <= 3 + REBUILD_REL_TOL).toBe(true);
          for (const sex of ['female', 'male'] as const)
            Array.from(period.netMigrants![sex]).forEach((m, x) => expect(m >= -0.9 * p[sex][x]! && m <= 0.2 * p[sex][x]!).toBe(true));
          const out = projectCohorts(p, [period]);
          expect(out.years).toEqual([p.year, p.year + 1]);
          return assertHolds(invariants.nonNegative(out));
        },
      ),
    );
  });

  it('periodInputs: the survival ratios are the library’s complete-table ratios (L0/l0, Lx/Lx−1, T(ω)/T(ω−1))', () => {
    fc.assert(
      fc.property(A.mortalityLaw(), (law) => {
        const lt = lifeTable(A.lawMx(law, 100, 1), { sex: 'female', width: 1 });
        const { birth, ratios } = survivalRatios(lt, { openAge: 100, width: 1 });
        expect(birth).toBeCloseTo(lt.Lx[0]! / lt.lx[0]!, 14);
        expect(ratios[17]).toBeCloseTo(lt.Lx[18]! / lt.Lx[17]!, 14);
        expect(ratios[99]).toBeCloseTo(lt.Tx[100]! / lt.Tx[99]!, 14);
      }),
    );
  });

  it('periodInputs: on a grid with few fertile ages, a high TFR is capped so that no ASFR passes the rule (3)', () => {
    let capped = 0;
    fc.assert(
      fc.property(A.periodInputs({ width: 1, openAge: 20, tfr: { min: 14, max: 15 } }), (period) => {
        const top = Math.max(...Array.from(period.asfr));
        expect(top).toBeLessThanOrEqual(A.MAX_ASFR);
        // Either the TFR drawn (14–15, on ages 15–19) is kept, or the rates are scaled down to a largest of exactly 3.
        if (top === A.MAX_ASFR) capped++;
        else expect(total(period.asfr)).toBeGreaterThanOrEqual(14 * (1 - REBUILD_REL_TOL));
        expect(projectCohorts({ year: 2015, width: 1, female: new Array(21).fill(100), male: new Array(21).fill(100) }, [period]).width).toBe(1);
      }),
    );
    expect(capped).toBeGreaterThan(0);
  });

  it('periodInputs with outMigration at width 1: the out-flow takes at most maxShare of any single year in either half', () => {
    fc.assert(
      fc.property(
        A.population({ width: 1, openAge: { min: 5, max: 130 }, emptyGroups: true }).chain((p) =>
          fc.tuple(fc.constant(p), A.periodInputs({ population: p, migration: 'in', outMigration: { maxShare: 0.6 } })),
        ),
        ([p, period]) => {
          const groups = p.female.length;
          const o = period.outMigration!;
          expect(o.schedule.female).toHaveLength(groups);
          expect(Math.max(...Array.from(o.schedule.female), ...Array.from(o.schedule.male))).toBe(1);
          const totals = new Float64Array(TOTALS_SIZE);
          step(Float64Array.from(p.female), Float64Array.from(p.male), compilePeriod(period, 1), new Float64Array(groups), new Float64Array(groups), totals);
          expect(totals[WORST_SHARE]).toBeLessThanOrEqual(0.6 * (1 + 1e-12));
          return assertHolds(invariants.nonNegative(projectCohorts(p, [period])));
        },
      ),
    );
  });

  it('projectionCase: a base of width 1 and one-year periods on its grid, projectable with any migration or gross flows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom({ migration: 'any' as const, maxOutShare: 0.9 }, { migration: 'in' as const, outMigration: { maxShare: 0.9 } }).chain((period) =>
          A.projectionCase({ width: 1, openAge: { min: 20, max: 100 }, periods: { min: 2, max: 8 }, period }),
        ),
        ({ base, periods }) => {
          expect(base.width).toBe(1);
          expect(periods.length >= 2 && periods.length <= 8).toBe(true);
          periods.forEach((p) => expect(p.asfr).toHaveLength(base.female.length));
          const out = projectCohorts(base, periods);
          expect(out.years.at(-1)).toBe(base.year + periods.length);
          assertHolds(invariants.balancingIdentity(out));
          return assertHolds(invariants.nonNegative(out));
        },
      ),
    );
  });
});

describe('arbitraries — values inside the library rules', () => {
  it("TFR_LIMITS, SRB_LIMITS and MAX_ASFR are ccmpp's rules (tfrValue, srbValue, asfrValue)", () => {
    const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, v: number) => schema.safeParse(v).success;
    expect([ok(tfrValue(), A.TFR_LIMITS.min), ok(tfrValue(), A.TFR_LIMITS.max), ok(tfrValue(), A.TFR_LIMITS.max + 1e-9), ok(tfrValue(), -1e-9)]).toEqual([true, true, false, false]);
    expect([ok(srbValue(), A.SRB_LIMITS.min), ok(srbValue(), A.SRB_LIMITS.max), ok(srbValue(), A.SRB_LIMITS.max + 1e-9), ok(srbValue(), A.SRB_LIMITS.min - 1e-9)]).toEqual([true, true, false, false]);
    expect([ok(asfrValue(), A.MAX_ASFR), ok(asfrValue(), A.MAX_ASFR + 1e-9)]).toEqual([true, false]);
  });

  it('a TFR or SRB range beyond the rules is an InputError (it would draw values the library rejects)', () => {
    expect(() => A.tfr({ max: 20 })).toThrow('options.max: expected a finite number <= 15, got 20');
    expect(() => A.srb({ max: 1000 })).toThrow('options.max: expected a finite number <= 150, got 1000');
    expect(() => A.srb({ min: 50 })).toThrow('options.min: expected a finite number >= 80, got 50');
    expect(() => A.periodInputs({ tfr: { max: 16 } })).toThrow('options.tfr.max: expected a finite number <= 15, got 16');
    expect(() => A.periodInputs({ srb: { min: 1 } })).toThrow('options.srb.min: expected a finite number >= 80, got 1');
    expect(() => A.lifeTable({ radix: 0.5 })).toThrow(/^options\.radix: expected a finite number from 1 to 1e\+10/);
  });

  it('draws at the ends of the widest ranges are accepted by projectCohorts (TFR 15, SRB 80 and 150)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1 as const, 5 as const).chain((width) =>
          A.projectionCase({ width, openAge: 60, periods: { min: 1, max: 2 }, period: { tfr: { min: 14.9, max: 15 }, srb: { min: 80, max: 150 }, migration: 'in' } }),
        ),
        ({ base, periods }) => {
          periods.forEach((p) => expect(p.srb >= 80 && p.srb <= 150).toBe(true));
          return projectCohorts(base, periods).years.length === periods.length + 1;
        },
      ),
    );
  });
});

describe('arbitraries — shrinking stays valid', () => {
  // The predicate checks every value it sees and fails on its first DEPTH calls, so fast-check
  // shrinks DEPTH levels deep (trying the shrinks of each level) before the property passes.
  const DEPTH = 10;
  // A short grid and at most two periods keep the few thousand shrink candidates cheap to build.
  it.each([
    ['net migration by age', A.projectionCase({ openAge: { min: 5, max: 40 }, periods: { min: 1, max: 2 }, population: { emptyGroups: true }, period: { migration: 'any', maxOutShare: 0.9 } })],
    ['gross flows', A.projectionCase({ openAge: { min: 10, max: 40 }, periods: { min: 1, max: 2 }, population: { emptyGroups: true }, period: { migration: 'in', outMigration: { maxShare: 0.9 } } })],
    ['net migration by single year (width 1)', A.projectionCase({ width: 1, openAge: { min: 5, max: 20 }, periods: { min: 1, max: 3 }, population: { emptyGroups: true }, period: { migration: 'any', maxOutShare: 0.9 } })],
    ['gross flows at width 1', A.projectionCase({ width: 1, openAge: { min: 10, max: 20 }, periods: { min: 1, max: 3 }, population: { emptyGroups: true }, period: { migration: 'in', outMigration: { maxShare: 0.9 } } })],
  ])('every shrink of a projection case with %s, some levels deep, still projects', (_name, arb) => {
    let calls = 0;
    let invalid: unknown;
    const out = fc.check(
      fc.property(arb, ({ base, periods }) => {
        try {
          assertHolds(invariants.nonNegative(projectCohorts(base, periods)));
        } catch (e) {
          invalid ??= e;
        }
        return ++calls > DEPTH;
      }),
    );
    expect(invalid).toBeUndefined();
    expect(out.failed).toBe(true);
    expect(out.numShrinks).toBe(DEPTH - 1);
    expect(calls).toBeGreaterThan(DEPTH + 10);
  });

  it('a failing property over mx shrinks to a valid schedule', () => {
    const out = fc.check(fc.property(A.mx({ openAge: { min: 20, max: 110 } }), (mx) => lifeTable(mx, { sex: 'female' }).ex[0]! > 60));
    expect(out.failed).toBe(true);
    const [mx] = out.counterexample!;
    expect(mx.every((m) => Number.isFinite(m) && m > 0)).toBe(true);
    expect(invariants.lifeTableIdentities(lifeTable(mx, { sex: 'female' })).holds).toBe(true);
  });
});

describe('arbitraries — bad options are InputErrors in the library grammar', () => {
  it('names the option, the rule and the value', () => {
    expect(() => A.mx({ openAge: 7 })).toThrow(new InputError([{ path: 'options.openAge', rule: 'expected a multiple of 5 in [5, 130]', value: 7 }]));
    expect(() => A.tfr({ min: 3, max: 2 })).toThrow('options.max: expected at least min = 3, got 2');
    expect(() => A.periodInputs({ migration: 'any' })).toThrow(/options\.population: expected the start population when migration is 'any'/);
    expect(() => A.periodInputs({ maxOutShare: 1 })).toThrow('options.maxOutShare: expected a number in [0, 0.9], got 1');
    expect(() => A.periodInputs({ outMigration: true })).toThrow('options.population: expected the start population with outMigration (it bounds the out-flow)');
    expect(() => A.periodInputs({ population: { female: [1, 1], male: [1, 1] }, migration: 'any', outMigration: true })).toThrow(/^options\.migration: expected 'none' or 'in' beside outMigration/);
    expect(() => A.periodInputs({ population: { female: [1, 1], male: [1, 1] }, outMigration: { maxShare: 0.95 } })).toThrow('options.outMigration.maxShare: expected a number in [0, 0.9], got 0.95');
    expect(() => A.scenario({ migration: 'gross', flowDifference: true })).toThrow(/^options\.flowDifference: expected migration 'in' or 'any'/);
    expect(() => A.scenario({ migration: 'gross', maxOutRate: 1 })).toThrow('options.maxOutRate: expected a rate a year in [0, 1), got 1');
    expect(() => A.population({ width: 2 as 1 })).toThrow('options.width: expected 1 or 5 (years), got 2');
    expect(() => A.periodInputs({ width: 5, population: { width: 1, female: [1, 1, 1, 1, 1, 1], male: [1, 1, 1, 1, 1, 1] } })).toThrow("options.width: expected the population's width 1 (or nothing), got 5");
    expect(() => A.projectionCase({ population: { width: 1 } as object })).toThrow("options.population.width: expected nothing (the case's width is options.width), got 1");
    expect(() => A.projectionCase({ width: 1, periods: { max: 1001 } })).toThrow(/^options\.periods/);
    expect(() => A.lifeTable({ width: 1, axRule: 'midpoint' })).toThrow(/^options\.axRule: expected no axRule with width 1/);
    expect(() => A.asfrOnGrid(1.5, [0.2, 0.2, 0.2, 0.2, 0.1, 0.05, 0.05], 101, 1)).toThrow('pattern: expected 35 shares (single ages 15 … 49)');
  });
});
