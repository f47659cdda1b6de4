import { describe, expect, it } from 'vitest';
import { lifeTable } from '../../src/lifetable/lifeTable.js';
import { mxJsonSchema, mxSchema } from '../../src/lifetable/schemas.js';
import { parseWith } from '../../src/validate/parse.js';
import { messageOf } from '../inputError.js';

// The rules of lifeTable's input at their edges: the value on a boundary is accepted, the one past
// it is rejected with the rule and the path.

const MX = [0.01, 0.001, 0.0005, 0.2];

describe('given nax', () => {
  it('needs one value per row but the open one', () => {
    expect(messageOf(() => lifeTable(MX, { sex: 'female', ax: [0.1, 1.5] }))).toMatch(/^options\.ax: expected 3 values \(every row but the open one\)/);
    expect(messageOf(() => lifeTable(MX, { sex: 'female', ax: [0.1, 1.5, 2.5, 2.5] }))).toMatch(/^options\.ax: expected 3 values/);
  });

  it('at most the interval width: 1 for 0, 4 for 1–4, 5 for 5-year rows (the width itself is accepted)', () => {
    expect(() => lifeTable(MX, { sex: 'female', ax: [1, 4, 5] })).not.toThrow();
    expect(messageOf(() => lifeTable(MX, { sex: 'female', ax: [1.01, 1.5, 2.5] }))).toMatch(/^options\.ax\[0\]: expected at most the interval width 1, got 1\.01/);
    expect(messageOf(() => lifeTable(MX, { sex: 'female', ax: [0.1, 4.01, 2.5] }))).toMatch(/^options\.ax\[1\]: expected at most the interval width 4, got 4\.01/);
    expect(messageOf(() => lifeTable(MX, { sex: 'female', ax: [0.1, 1.5, 5.01] }))).toMatch(/^options\.ax\[2\]: expected at most the interval width 5, got 5\.01/);
  });

  it('ax·mx at most 1 (else qx > 1); exactly 1 is accepted', () => {
    // Row 5–9 at m = 0.4 with a = 2.5: a·m = 1 exactly, q = 5·0.4/(1 + 2.5·0.4) = 1.
    const mx = [0.01, 0.001, 0.4, 0.5];
    const lt = lifeTable(mx, { sex: 'female', ax: [0.1, 1.5, 2.5] });
    expect(lt.qx[2]).toBe(1);
    expect(messageOf(() => lifeTable([0.01, 0.001, 0.41, 0.5], { sex: 'female', ax: [0.1, 1.5, 2.5] }))).toMatch(
      /^options\.ax\[2\]: expected ax·mx <= 1 \(else qx > 1; mx = 0\.41\), got 2\.5/,
    );
  });

  it('reports every bad value at once', () => {
    const message = messageOf(() => lifeTable(MX, { sex: 'female', ax: [2, 5, 2.5] }));
    expect(message).toMatch(/options\.ax\[0\]/);
    expect(message).toMatch(/options\.ax\[1\]/);
  });
});

describe('options', () => {
  it('are reported under options', () => {
    expect(messageOf(() => lifeTable(MX, { sex: 'm' as never }))).toMatch(/^options\.sex: expected/);
    expect(messageOf(() => lifeTable(MX, { sex: 'female', axRule: 'greville' as never }))).toMatch(/^options\.axRule: expected/);
  });
});

describe('mx schedules (mxSchema, mxJsonSchema)', () => {
  it('at least 3 rates (ages 0, 1, 5+); 3 is enough', () => {
    expect(messageOf(() => lifeTable([0.01, 0.5], { sex: 'female' }))).toMatch(/^mx: expected (at least 3|from 3 to \d+) rates \(ages 0, 1, 5/);
    expect(lifeTable([0.01, 0.001, 0.5], { sex: 'female' }).ex[0]).toBeGreaterThan(0);
    expect(messageOf(() => parseWith(mxJsonSchema, [0.01, 0.5], 'mx'))).toMatch(/^mx: expected (at least 3|from 3 to \d+) rates/);
  });

  it('the open-age rate > 0, with its index in the path', () => {
    expect(messageOf(() => lifeTable([0.01, 0.001, 0.002, 0], { sex: 'female' }))).toMatch(/^mx\[3\]: expected the open-age rate to be > 0, got 0/);
    expect(messageOf(() => parseWith(mxSchema, [0.01, 0.001, 0], 'mx'))).toMatch(/^mx\[2\]: expected the open-age rate to be > 0/);
    expect(messageOf(() => parseWith(mxJsonSchema, [0.01, 0.001, 0], 'mx'))).toMatch(/^mx\[2\]: expected the open-age rate to be > 0/);
    // Zero rates below the open age are allowed.
    expect(() => parseWith(mxJsonSchema, [0, 0, 0.3], 'mx')).not.toThrow();
  });

  it('the JSON schema takes plain arrays only', () => {
    expect(messageOf(() => parseWith(mxJsonSchema, 'mx', 'mx'))).toMatch(/^mx: expected an array of death rates/);
    expect(parseWith(mxJsonSchema, [0.01, 0.001, 0.3], 'mx')).toEqual([0.01, 0.001, 0.3]);
  });
});
