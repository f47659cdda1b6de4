import { messageOf as message } from '../inputError.js';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { netMigrantsByAge } from '../../src/migration/netMigrants.js';
import { migrationProfile, migrationProfileSchema } from '../../src/migration/profile.js';
import { ROGERS_CASTRO_STANDARD, rogersCastro } from '../../src/migration/rogersCastro.js';
import { parseWith } from '../../src/validate/parse.js';

describe('migration: one clear error per rule', () => {
  it('femaleShare outside [0, 1] or NaN', () => {
    expect(message(() => netMigrantsByAge(100, { femaleShare: 1.2 }))).toBe('options.femaleShare: expected a number in [0, 1], got 1.2');
    expect(message(() => netMigrantsByAge(100, { femaleShare: -0.1 }))).toBe('options.femaleShare: expected a number in [0, 1], got -0.1');
    expect(message(() => netMigrantsByAge(100, { femaleShare: NaN }))).toBe('options.femaleShare: expected a finite number, got NaN');
  });

  it('openAge not a positive multiple of 5', () => {
    expect(message(() => netMigrantsByAge(100, { openAge: 92 }))).toBe('options.openAge: expected a multiple of 5 from 5 to 130, got 92');
    expect(message(() => netMigrantsByAge(100, { openAge: 0 }))).toBe('options.openAge: expected a multiple of 5 from 5 to 130, got 0');
    expect(message(() => migrationProfile('rogers-castro', 97))).toBe('openAge: expected a multiple of 5 from 5 to 130, got 97');
    expect(message(() => migrationProfile('rogers-castro', NaN))).toBe('openAge: expected a multiple of 5 from 5 to 130, got NaN');
  });

  it('netPerYear and years must be finite (years > 0)', () => {
    expect(message(() => netMigrantsByAge(NaN))).toBe('netPerYear: expected a finite number, got NaN');
    expect(message(() => netMigrantsByAge(Infinity))).toMatch(/^netPerYear: expected a finite number/);
    expect(message(() => netMigrantsByAge(100, { years: 0 }))).toBe('options.years: expected a finite number > 0, got 0');
    expect(message(() => netMigrantsByAge(100, { span: 5 } as never))).toMatch(
      /^options: expected only the keys profile, femaleShare, openAge, years \(unknown: span\)/,
    );
  });

  it('explicit shares: wrong length, negative, NaN, wrong sum (with the sum)', () => {
    expect(message(() => migrationProfile([0.5, 0.5], 100))).toBe(
      'profile: expected 21 shares (one per age group for open age 100), got an array of length 2',
    );
    expect(message(() => netMigrantsByAge(100, { profile: [0.5, 0.5], openAge: 10 }))).toBe(
      'options.profile: expected 3 shares (one per age group for open age 10), got an array of length 2',
    );
    expect(message(() => migrationProfile([0.6, -0.1, 0.5], 10))).toBe('profile[1]: expected a finite number >= 0, got -0.1');
    expect(message(() => migrationProfile([0.5, NaN, 0.5], 10))).toBe('profile[1]: expected a finite number, got NaN');
    expect(message(() => migrationProfile([0.5, 0.3, 0.3], 10))).toMatch(/^profile: expected shares that sum to 1 \(within 1e-9\), got 1\.1/);
  });

  it('Rogers–Castro parameters: negative, NaN, missing, unknown, or a schedule that is 0 or overflows', () => {
    const p = { ...ROGERS_CASTRO_STANDARD };
    expect(message(() => migrationProfile({ ...p, alpha1: -0.1 }, 100))).toBe('profile.alpha1: expected a finite number from 0 to 1e+15, got -0.1');
    expect(message(() => migrationProfile({ ...p, c: -0.003 }, 100))).toBe('profile.c: expected a finite number from 0 to 1e+15, got -0.003');
    expect(message(() => migrationProfile({ ...p, mu2: NaN }, 100))).toBe('profile.mu2: expected a finite number, got NaN');
    const { lambda2: _dropped, ...missing } = p;
    expect(message(() => migrationProfile(missing as never, 100))).toBe('profile.lambda2: expected a finite number, got nothing');
    expect(message(() => migrationProfile({ ...p, a3: 0.001 } as never, 100))).toMatch(
      /^profile: expected only the keys a1, alpha1, a2, alpha2, mu2, lambda2, c \(unknown: a3\)/,
    );
    expect(message(() => migrationProfile({ a1: 0, alpha1: 0, a2: 0, alpha2: 0, mu2: 20, lambda2: 0, c: 0 }, 100))).toMatch(
      /^profile: expected parameters whose schedule is finite, and > 0 somewhere, over ages 0-100/,
    );
    // λ2 = 0 and α2 (μ2 − x) > 709: e^(α2 (μ2 − x) − 1) overflows.
    expect(message(() => migrationProfile({ ...p, alpha2: 10, mu2: 100, lambda2: 0 }, 100))).toMatch(/^profile: expected parameters whose schedule is finite/);
    expect(message(() => rogersCastro([0], { ...p, alpha2: 10, mu2: 100, lambda2: 0 }))).toMatch(
      /^params: expected a schedule that is finite at every age \(not at age 0\)/,
    );
    expect(message(() => rogersCastro([-1]))).toBe('ages[0]: expected a finite number from 0 to 1e+15, got -1');
  });

  it('an unknown profile name or kind', () => {
    expect(message(() => migrationProfile('rogers' as never, 100))).toBe(
      "profile: expected 'rogers-castro', Rogers-Castro parameters { a1, alpha1, a2, alpha2, mu2, lambda2, c } or age shares, got \"rogers\"",
    );
    expect(message(() => migrationProfile(null as never, 100))).toMatch(/^profile: expected 'rogers-castro'/);
  });

  it('reports nested paths inside a larger schema', () => {
    const scenario = z.object({ migration: z.object({ profile: migrationProfileSchema }) });
    expect(message(() => parseWith(scenario, { migration: { profile: { ...ROGERS_CASTRO_STANDARD, alpha1: -1 } } }, 'scenario'))).toBe(
      'scenario.migration.profile.alpha1: expected a finite number from 0 to 1e+15, got -1',
    );
    expect(parseWith(scenario, { migration: { profile: 'rogers-castro' } })).toEqual({ migration: { profile: 'rogers-castro' } });
  });
});
