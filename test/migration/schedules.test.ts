import { describe, expect, it } from 'vitest';
import { FLOW_DIFFERENCE_BAYESPOP, flowDifference, flowsOf } from '../../src/migration/flowDifference.js';
import { fillNetMigrants, netMigrantsByAge } from '../../src/migration/netMigrants.js';
import { migrationProfile, resolveProfile } from '../../src/migration/profile.js';
import { ROGERS_CASTRO_STANDARD, rogersCastro, rogersCastroAt } from '../../src/migration/rogersCastro.js';
import { messageOf } from '../inputError.js';

// Published parameter sets and the rules of the migration inputs, every library call inside a test
// (a throw while collecting a file is not seen by Stryker's vitest runner).

/** Hand values carried to 12 decimals. */
const HALF_UNIT_12 = 5e-13;

describe('Rogers & Castro (1981) standard schedule at single ages', () => {
  it('m(0) = 0.023, m(20) = 0.027779472135, m(50) = 0.006121964688 (hand values in rogersCastro.golden)', () => {
    const m = rogersCastro([0, 20, 50]);
    expect(m).toHaveLength(3);
    expect(Math.abs(m[0]! - 0.023)).toBeLessThanOrEqual(HALF_UNIT_12);
    expect(Math.abs(m[1]! - 0.027779472135)).toBeLessThanOrEqual(HALF_UNIT_12);
    expect(Math.abs(m[2]! - 0.006121964688)).toBeLessThanOrEqual(HALF_UNIT_12);
    expect(rogersCastro([20])[0]).toBe(rogersCastroAt(20, ROGERS_CASTRO_STANDARD));
  });

  it('each term: a1 e^(−α1 x), the labour-force hump, the level c', () => {
    const only = (p: Partial<typeof ROGERS_CASTRO_STANDARD>) => ({ a1: 0, alpha1: 0, a2: 0, alpha2: 0, mu2: 0, lambda2: 0, c: 0, ...p });
    expect(rogersCastro([10], only({ a1: 0.02, alpha1: 0.1 }))[0]).toBeCloseTo(0.02 * Math.exp(-1), 15);
    // At x = μ2 the hump is a2 e^(−1).
    expect(rogersCastro([20], only({ a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4 }))[0]).toBeCloseTo(0.06 * Math.exp(-1), 15);
    // Five years past μ2: a2 exp(−0.5 − e^(−2)).
    expect(rogersCastro([25], only({ a2: 0.06, alpha2: 0.1, mu2: 20, lambda2: 0.4 }))[0]).toBeCloseTo(0.06 * Math.exp(-0.5 - Math.exp(-2)), 15);
    expect(rogersCastro([70], only({ c: 0.003 }))[0]).toBe(0.003);
  });

  it('rejects bad parameters, naming them under params', () => {
    expect(messageOf(() => rogersCastro([0], { ...ROGERS_CASTRO_STANDARD, a1: -1 }))).toMatch(/^params\.a1: expected a finite number/);
    expect(messageOf(() => rogersCastro([0], { ...ROGERS_CASTRO_STANDARD, x: 1, y: 2 } as never))).toMatch(
      /^params: expected only the keys a1, alpha1, a2, alpha2, mu2, lambda2, c \(unknown: x, y\)/,
    );
    expect(messageOf(() => rogersCastro([0], 5 as never))).toMatch(/^params: expected Rogers-Castro parameters \{ a1, alpha1, a2, alpha2, mu2, lambda2, c \}/);
    expect(messageOf(() => rogersCastro([50, 0], { ...ROGERS_CASTRO_STANDARD, alpha2: 10, mu2: 100, lambda2: 0 }))).toMatch(
      /^params: expected a schedule that is finite at every age \(not at age 0\)/,
    );
  });
});

describe('migrationProfile rules', () => {
  it('a schedule that overflows is reported over ages 0 to max(openAge, 100)', () => {
    const bad = { ...ROGERS_CASTRO_STANDARD, alpha2: 10, mu2: 100, lambda2: 0 };
    expect(messageOf(() => migrationProfile(bad, 85))).toMatch(/^profile: expected parameters whose schedule is finite, and > 0 somewhere, over ages 0-100,/);
    expect(messageOf(() => migrationProfile(bad, 110))).toMatch(/over ages 0-110,/);
    expect(messageOf(() => resolveProfile(bad, 85, 'migration.profile'))).toMatch(/^migration\.profile: expected parameters/);
  });

  it("'rogers-castro' is the standard parameters; shares sum to 1 and peak at 20–24", () => {
    const byName = resolveProfile('rogers-castro', 100, 'p');
    expect(Array.from(byName)).toEqual(Array.from(resolveProfile({ ...ROGERS_CASTRO_STANDARD }, 100, 'p')));
    expect(Math.abs(byName.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-12);
    expect(byName.indexOf(Math.max(...byName))).toBe(4);
  });
});

describe('netMigrantsByAge options', () => {
  it('N(sex, i) = netPerYear × years × share(sex) × profile(i); defaults 5 years, half women, open age 100', () => {
    const profile = migrationProfile('rogers-castro', 100);
    const { female, male } = netMigrantsByAge(1000);
    expect(female).toHaveLength(21);
    for (let i = 0; i < 21; i++) {
      expect(Math.abs(female[i]! - 1000 * 5 * 0.5 * profile[i]!)).toBeLessThan(1e-9);
      expect(Math.abs(male[i]! - 1000 * 5 * 0.5 * profile[i]!)).toBeLessThan(1e-9);
    }
    const f = new Float64Array(3);
    const m = new Float64Array(3);
    fillNetMigrants(100, 0.4, [0.5, 0.3, 0.2], f, m);
    expect(Array.from(f)).toEqual([20, 12, 8]);
    expect(Array.from(m)).toEqual([30, 18, 12]);
  });

  it('rejects options that are not an object, and names every unknown key', () => {
    expect(messageOf(() => netMigrantsByAge(1, 5 as never))).toMatch(/^options: expected an options object \{ profile, femaleShare, openAge, years \}/);
    expect(messageOf(() => netMigrantsByAge(1, { a: 1, b: 2 } as never))).toMatch(/^options: expected only the keys profile, femaleShare, openAge, years \(unknown: a, b\)/);
  });
});

describe('Flow-Difference Method parameters', () => {
  it("bayesPop's defaults β0 0.07, β1 0.5, m 0.02 (R bayesPop 11, load.inputs)", () => {
    expect(FLOW_DIFFERENCE_BAYESPOP).toEqual({ beta0: 0.07, beta1: 0.5, m: 0.02 });
    expect(Object.isFrozen(FLOW_DIFFERENCE_BAYESPOP)).toBe(true);
    // N −21,000 on P 2.4 million: IM = max(168,000 − 10,500, 48,000, 27,000) = 157,500; OM = 178,500.
    const flows = flowDifference(-21000, 2_400_000, 'bayespop');
    expect(flows.inPerYear).toBeCloseTo(157_500, 6);
    expect(flows.outPerYear).toBeCloseTo(178_500, 6);
    expect(flowsOf(-21000, 2_400_000, FLOW_DIFFERENCE_BAYESPOP)).toEqual(flows);
  });

  it('without parameters: a positive N is all in-migration, a negative N all out-migration', () => {
    expect(flowDifference(500, 1000)).toEqual({ inPerYear: 500, outPerYear: 0 });
    expect(flowDifference(-500, 1000)).toEqual({ inPerYear: 0, outPerYear: 500 });
  });

  it('rejects an unknown name with the method’s own words', () => {
    expect(messageOf(() => flowDifference(1, 1, 'x' as never))).toMatch(/^params: expected 'bayespop' or flow-difference parameters \{ beta0, beta1, m \}/);
    expect(messageOf(() => flowDifference(1, 1, 5 as never))).toMatch(/^params: expected 'bayespop' or flow-difference parameters/);
    // β1 is in-migrants per net migrant, in [0, 1], both ends named.
    for (const beta1 of [-0.1, 1.1]) {
      expect(messageOf(() => flowDifference(1, 1, { beta0: 0, beta1, m: 0 }))).toMatch(/^params\.beta1: expected a number in \[0, 1\] \(in-migrants per net migrant\)/);
    }
    expect(flowDifference(100, 1000, { beta0: 0, beta1: 1, m: 0 })).toEqual({ inPerYear: 100, outPerYear: 0 });
  });
});
