import { describe, expect, it } from 'vitest';
import { outMigrationSchedule, outScheduleSchema, resolveOutSchedule } from '../../src/migration/outSchedule.js';
import { ROGERS_CASTRO_STANDARD, rogersCastro, type RogersCastroParams } from '../../src/migration/rogersCastro.js';
import { parseWith } from '../../src/validate/parse.js';
import { messageOf } from '../inputError.js';

// Out-migration rates by 5-year group from a Rogers–Castro schedule (Rogers & Castro 1981): a
// group's rate is the mean of m(x) over its single ages (5i … 5i+4; the open group openAge … 100,
// or the single age openAge above 100), scaled so that the largest is 1. The reference below takes
// the single-age values from the public rogersCastro() and averages them here.
// (Library calls stay inside the tests: a throw while collecting a file is not seen by Stryker.)

/** Means of ≤ 101 terms and one division: a few ulps. */
const REL = 1e-13;

function reference(params: RogersCastroParams, openAge: number): number[] {
  const groups = openAge / 5 + 1;
  const means: number[] = [];
  for (let i = 0; i < groups; i++) {
    const from = 5 * i;
    const to = i === groups - 1 ? Math.max(openAge, 100) : from + 4;
    const m = rogersCastro(Array.from({ length: to - from + 1 }, (_, k) => from + k), params);
    means.push(m.reduce((a, b) => a + b, 0) / m.length);
  }
  const max = Math.max(...means);
  return means.map((v) => v / max);
}

function closeAll(actual: ArrayLike<number>, expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(Math.abs(actual[i]! - v), `group ${i}: ${actual[i]} vs ${v}`).toBeLessThanOrEqual(REL));
}

describe('outMigrationSchedule from Rogers–Castro rates', () => {
  it('standard schedule, open age 100: the documented 0.564 at 0–4, 1 at 20–24, 0.087 at 100+', () => {
    const r = outMigrationSchedule('rogers-castro', 100);
    closeAll(r, reference(ROGERS_CASTRO_STANDARD, 100));
    expect(r[0]).toBeCloseTo(0.564, 3);
    expect(r[4]).toBe(1);
    expect(r[20]).toBeCloseTo(0.087, 3);
  });

  it('open age 85: the open group is the mean over ages 85 … 100', () => {
    closeAll(outMigrationSchedule('rogers-castro', 85), reference(ROGERS_CASTRO_STANDARD, 85));
  });

  it('open age 110: closed groups run past 100 and the open group is the single age 110', () => {
    const r = outMigrationSchedule('rogers-castro', 110);
    closeAll(r, reference(ROGERS_CASTRO_STANDARD, 110));
    // The open group's rate is m(110) over the largest group mean.
    const means = reference(ROGERS_CASTRO_STANDARD, 110);
    expect(r[22]).toBe(means[22]);
  });

  it('custom parameters are used, not the standard ones', () => {
    const older = { ...ROGERS_CASTRO_STANDARD, mu2: 35 };
    const r = outMigrationSchedule(older, 100);
    closeAll(r, reference(older, 100));
    expect(r.indexOf(1)).toBe(7); // the peak moves from 20–24 to 35–39
    closeAll(resolveOutSchedule(older, 100, 'x'), reference(older, 100));
  });

  it('explicit rates come back as given (only their ratios matter)', () => {
    expect(Array.from(outMigrationSchedule([0.5, 2, 1], 10))).toEqual([0.5, 2, 1]);
    expect(Array.from(outMigrationSchedule(Float64Array.of(0, 1, 0), 10))).toEqual([0, 1, 0]);
    expect(Array.from(resolveOutSchedule([1, 1, 3], 10, 'x'))).toEqual([1, 1, 3]);
  });
});

describe('outMigrationSchedule rejects what it cannot use, naming the field', () => {
  it('rates of the wrong count, negative rates, all-zero rates, an unknown kind', () => {
    expect(messageOf(() => outMigrationSchedule([1, 2], 10))).toMatch(/^schedule: expected 3 rates \(one per age group for open age 10\)/);
    expect(messageOf(() => resolveOutSchedule([1, 2], 10, 'migration.outSchedule'))).toMatch(/^migration\.outSchedule: expected 3 rates/);
    expect(messageOf(() => outMigrationSchedule([1, -2, 3], 10))).toMatch(/^schedule\[1\]: expected a finite number/);
    expect(messageOf(() => outMigrationSchedule([0, 0, 0], 10))).toMatch(/^schedule: expected rates with at least one > 0/);
    expect(() => outMigrationSchedule([0, 0, 1e-300], 10)).not.toThrow();
    expect(messageOf(() => outMigrationSchedule('x' as never, 10))).toMatch(
      /^schedule: expected 'rogers-castro', Rogers-Castro parameters \{ a1, alpha1, a2, alpha2, mu2, lambda2, c \} or rates by age group/,
    );
    expect(messageOf(() => parseWith(outScheduleSchema, [0, 0], 'm.out'))).toMatch(/^m\.out: expected rates with at least one > 0/);
  });

  it('a bad open age is reported as openAge', () => {
    expect(messageOf(() => outMigrationSchedule('rogers-castro', 97))).toMatch(/^openAge: expected/);
  });

  it('parameters whose schedule is 0 everywhere, overflows, or is NaN somewhere (ages 0 to max(openAge, 100))', () => {
    const zero = { a1: 0, alpha1: 0, a2: 0, alpha2: 0, mu2: 20, lambda2: 0, c: 0 };
    const rule = /^schedule: expected parameters whose schedule is finite, and > 0 somewhere, over ages 0-100,/;
    expect(messageOf(() => outMigrationSchedule(zero, 85))).toMatch(rule);
    // λ2 = 0 and α2 (μ2 − x) > 709: the labour-force term overflows to ∞ at young ages.
    expect(messageOf(() => outMigrationSchedule({ ...ROGERS_CASTRO_STANDARD, alpha2: 10, mu2: 100, lambda2: 0 }, 85))).toMatch(rule);
    // The same with a2 = 0: 0 · ∞ = NaN at young ages, while the old ages stay finite and > 0.
    expect(messageOf(() => outMigrationSchedule({ ...ROGERS_CASTRO_STANDARD, a2: 0, alpha2: 10, mu2: 100, lambda2: 0 }, 85))).toMatch(rule);
    expect(messageOf(() => outMigrationSchedule(zero, 110))).toMatch(/over ages 0-110,/);
    // A schedule that is > 0 only at the oldest ages is fine.
    expect(() => outMigrationSchedule({ ...zero, a2: 1, alpha2: 0.1, mu2: 90, lambda2: 1 }, 100)).not.toThrow();
  });
});
