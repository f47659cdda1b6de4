import { messageOf } from '../inputError.js';
import { describe, expect, it } from 'vitest';
import { logQuadMx } from '../../src/mortality/logQuad.js';
import { mxForE0 } from '../../src/mortality/mxForE0.js';
import { bothSexE0, splitE0 } from '../../src/mortality/sexSplit.js';

// Bad input is rejected at the boundary with one InputError whose message names the field, the rule
// and the value (`<path>: <rule>, got <value>`); nothing is clamped. One test per rule.

describe('mxForE0 rejects bad input', () => {
  it('e0 must be a finite number > 0', () => {
    expect(messageOf(() => mxForE0(NaN, { sex: 'female' }))).toBe('e0: expected a finite number, got NaN');
    expect(messageOf(() => mxForE0(Infinity, { sex: 'female' }))).toBe('e0: expected a finite number, got Infinity');
    expect(messageOf(() => mxForE0(0, { sex: 'female' }))).toBe('e0: expected a finite number > 0, got 0');
    expect(messageOf(() => mxForE0(-3, { sex: 'female' }))).toBe('e0: expected a finite number > 0, got -3');
    expect(messageOf(() => mxForE0('80' as unknown as number, { sex: 'female' }))).toBe('e0: expected a finite number, got "80"');
  });
  it('sex is required and must be female or male', () => {
    expect(messageOf(() => mxForE0(80, {} as never))).toBe("options.sex: expected 'female' or 'male', got nothing");
    expect(messageOf(() => mxForE0(80, { sex: 'f' as never }))).toBe(`options.sex: expected 'female' or 'male', got "f"`);
  });
  it('options must be an object with known keys', () => {
    expect(messageOf(() => mxForE0(80, undefined as never))).toBe('options: expected an options object with a known key, got nothing');
    expect(messageOf(() => mxForE0(80, { sex: 'female', gap: 1 } as never))).toMatch(/^options: expected an options object with a known key, got /);
  });
  it('model must be log-quadratic or { baseline }', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: 'lee-carter' as never }))).toBe(
      `options.model: expected 'log-quadratic' or { baseline: 'china-2015' | mx array }, got "lee-carter"`,
    );
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: { baseline: 'china-2015', extra: 1 } as never }))).toMatch(/^options\.model: expected 'log-quadratic' or/);
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: [0.1, 0.1, 0.1] as never }))).toMatch(/^options\.model: expected 'log-quadratic' or/);
  });
  it('a named baseline must be known', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: { baseline: 'india-2015' as never } }))).toBe(
      `options.model.baseline: expected 'china-2015' or an mx array, got "india-2015"`,
    );
  });
  it('a baseline array needs at least 3 rates', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: { baseline: [0.01, 0.2] } }))).toBe(
      'options.model.baseline: expected from 3 to 28 rates (ages 0, 1, 5, …, open age at most 130), got an array of length 2',
    );
  });
  it('baseline rates must be finite and >= 0', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: { baseline: [0.01, -0.001, 0.2] } }))).toBe(
      'options.model.baseline[1]: expected a death rate per person-year from 0 to 100, got -0.001',
    );
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: { baseline: [0.01, NaN, 0.2] } }))).toBe('options.model.baseline[1]: expected a finite number, got NaN');
  });
  it('the open-age baseline rate must be > 0', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'female', model: { baseline: new Float64Array([0.01, 0.001, 0]) } }))).toBe(
      'options.model.baseline[2]: expected the open-age rate to be > 0, got 0',
    );
  });
  it('k must be finite and within ±10', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'male', k: NaN }))).toBe('options.k: expected a finite number, got NaN');
    expect(messageOf(() => mxForE0(80, { sex: 'male', k: 11 }))).toBe('options.k: expected a finite number in [-10, 10], got 11');
    expect(messageOf(() => mxForE0(80, { sex: 'male', k: -1e6 }))).toBe('options.k: expected a finite number in [-10, 10], got -1000000');
  });
  it('k belongs to the log-quadratic model only', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'male', k: 0, model: { baseline: 'china-2015' } }))).toBe(
      'options.k: expected no k with a baseline model (k belongs to the log-quadratic model), got 0',
    );
  });
  it('a0Rule and axRule must be known rules', () => {
    expect(messageOf(() => mxForE0(80, { sex: 'male', a0Rule: 'ak' as never }))).toBe(`options.a0Rule: expected 'andreev-kingkade' or 'coale-demeny', got "ak"`);
    expect(messageOf(() => mxForE0(80, { sex: 'male', axRule: 'un' as never }))).toBe(`options.axRule: expected 'mortpak' or 'midpoint', got "un"`);
  });
});

describe('logQuadMx rejects bad input', () => {
  it('5q0 must lie in the model domain [1e-4, 0.9] — no silent extension', () => {
    const rule = "expected 5q0 in [0.0001, 0.9] (the log-quadratic model's domain)";
    expect(messageOf(() => logQuadMx({ sex: 'female', q5: 0.95 }))).toBe(`input.q5: ${rule}, got 0.95`);
    expect(messageOf(() => logQuadMx({ sex: 'female', q5: 5e-5 }))).toBe(`input.q5: ${rule}, got 0.00005`);
    expect(messageOf(() => logQuadMx({ sex: 'female', q5: 0 }))).toBe(`input.q5: ${rule}, got 0`);
    expect(messageOf(() => logQuadMx({ sex: 'female', q5: NaN }))).toBe('input.q5: expected a finite number, got NaN');
  });
  it('k must be finite', () => {
    expect(messageOf(() => logQuadMx({ sex: 'female', q5: 0.01, k: Infinity }))).toBe('input.k: expected a finite number, got Infinity');
  });
  it('sex must be female or male, and the input has no other keys', () => {
    expect(messageOf(() => logQuadMx({ sex: 'both' as never, q5: 0.01 }))).toBe(`input.sex: expected 'female' or 'male', got "both"`);
    expect(messageOf(() => logQuadMx({ sex: 'male', q5: 0.01, e0: 70 } as never))).toMatch(/^input: expected \{ sex, q5, k\? \}, got /);
  });
  it('the a0 rule option must be known', () => {
    expect(messageOf(() => logQuadMx({ sex: 'male', q5: 0.01 }, { a0Rule: 'cd' as never }))).toBe(`options.a0Rule: expected 'andreev-kingkade' or 'coale-demeny', got "cd"`);
  });
});

describe('splitE0 and bothSexE0 reject bad input', () => {
  it('e0 must be a finite number > 0', () => {
    expect(messageOf(() => splitE0(-1, { srb: 105 }))).toBe('e0: expected a life expectancy in years > 0 and <= 120, got -1');
    expect(messageOf(() => bothSexE0({ female: 80, male: NaN }, 105))).toBe('e0.male: expected a finite number, got NaN');
  });
  it('srb must be a finite number > 0', () => {
    expect(messageOf(() => splitE0(78, {} as never))).toBe('options.srb: expected a finite number, got nothing');
    expect(messageOf(() => splitE0(78, { srb: 0 }))).toBe('options.srb: expected males per 100 female births from 80 to 150 (SRB is males per 100 female births, e.g. 107), got 0');
    expect(messageOf(() => bothSexE0({ female: 80, male: 75 }, -105))).toBe('srb: expected males per 100 female births from 80 to 150 (SRB is males per 100 female births, e.g. 107), got -105');
  });
  it('gap must be finite', () => {
    expect(messageOf(() => splitE0(78, { srb: 105, gap: NaN }))).toBe('options.gap: expected a finite number, got NaN');
  });
  it('gap must leave both sexes a positive e0', () => {
    expect(messageOf(() => splitE0(3, { srb: 105, gap: 8 }))).toMatch(/^options\.gap: expected a gap that leaves both e0 > 0 \(female 7\.09.*, male -0\.90.*\), got 8$/);
  });
});
