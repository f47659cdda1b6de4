import { describe, expect, it } from 'vitest';
import { logQuadMx } from '../../src/mortality/logQuad.js';
import { mxForE0 } from '../../src/mortality/mxForE0.js';
import { bothSexE0, splitE0 } from '../../src/mortality/sexSplit.js';
import { InputError } from '../../src/validate/errors.js';
import { messageOf } from '../inputError.js';

// The mortality layer's option rules at their edges, each library call inside a test.

describe('splitE0: e0F = e0 + gap·srb/(100 + srb), e0M = e0F − gap, both > 0', () => {
  it('a male e0 of exactly 0 is rejected (e0 2, gap 4, srb 100: e0F 4, e0M 0)', () => {
    expect(messageOf(() => splitE0(2, { gap: 4, srb: 100 }))).toMatch(/^options\.gap: expected a gap that leaves both e0 > 0 \(female 4, male 0\)/);
    expect(splitE0(2.5, { gap: 4, srb: 100 })).toEqual({ female: 4.5, male: 0.5 });
  });

  it('a negative gap that leaves the female e0 at or below 0 is rejected (e0 1, gap −10, srb 100: e0F −4)', () => {
    expect(messageOf(() => splitE0(1, { gap: -10, srb: 100 }))).toMatch(/^options\.gap: expected a gap that leaves both e0 > 0 \(female -4, male 6\)/);
    expect(messageOf(() => splitE0(5, { gap: -10, srb: 100 }))).toMatch(/female 0, male 10/);
    expect(splitE0(6, { gap: -10, srb: 100 })).toEqual({ female: 1, male: 11 });
  });

  it('options and e0 pairs that are not objects', () => {
    expect(messageOf(() => splitE0(70, 5 as never))).toMatch(/^options: expected \{ gap\?, srb \}/);
    expect(messageOf(() => bothSexE0(5 as never, 107))).toMatch(/^e0: expected \{ female, male \}/);
  });
});

describe('logQuadMx options', () => {
  it('an options value that is not an object, or has an unknown key', () => {
    expect(messageOf(() => logQuadMx({ sex: 'female', q5: 0.01 }, 5 as never))).toMatch(/^options: expected an options object with a known key/);
    expect(messageOf(() => logQuadMx({ sex: 'female', q5: 0.01 }, { rule: 'x' } as never))).toMatch(/^options/);
  });
});

describe('mxForE0 model option', () => {
  it("'log-quadratic' named is the default", () => {
    const named = mxForE0(72, { sex: 'male', model: 'log-quadratic' });
    const plain = mxForE0(72, { sex: 'male' });
    if (named.status !== 'reachable' || plain.status !== 'reachable') throw new Error('expected reachable');
    expect(Array.from(named.value)).toEqual(Array.from(plain.value));
    expect(named.value).toHaveLength(24);
  });

  it('anything but the name or { baseline } is rejected at options.model', () => {
    const bad: unknown[] = [5, 'lee-carter', null, [0.01, 0.001, 0.3], Float64Array.of(0.01, 0.001, 0.3), {}, { baseline: 'china-2015', k: 1 }, { base: 'china-2015' }];
    for (const model of bad) {
      const message = messageOf(() => mxForE0(72, { sex: 'male', model: model as never }));
      expect(message, JSON.stringify(model)).toMatch(/^options\.model/);
    }
    expect(messageOf(() => mxForE0(72, { sex: 'male', model: { baseline: 'japan' as never } }))).toMatch(/^options\.model\.baseline: expected 'china-2015' or an mx array/);
    expect(() => mxForE0(72, { sex: 'male', model: { baseline: [0.01, -1, 0.3] } })).toThrow(InputError);
  });

  it('{ baseline } takes the name or an mx array (proportional hazards)', () => {
    const named = mxForE0(72, { sex: 'female', model: { baseline: 'china-2015' } });
    expect(named.status).toBe('reachable');
    const own = mxForE0(40, { sex: 'female', model: { baseline: [0.02, 0.002, 0.001, 0.002, 0.004, 0.3] } });
    expect(own.status).toBe('reachable');
    if (own.status === 'reachable') expect(own.value).toHaveLength(6);
  });
});
