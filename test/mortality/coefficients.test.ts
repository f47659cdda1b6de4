import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The published tables the mortality layer loads at import, checked against their data files read
// here independently. The modules are imported inside the tests on purpose: a module that throws
// while loading then fails a test (Stryker's vitest runner does not see a file that fails to load).

const json = (path: string) => JSON.parse(readFileSync(new URL(`../../data/mortality/${path}`, import.meta.url), 'utf8'));

describe('log-quadratic coefficients (Wilmoth et al. 2012, data/mortality/logquad-coefficients.json)', () => {
  it('are the published a, b, c, v for both sexes, one row per model age (0, 5–9, …, 110+)', async () => {
    const { LOGQUAD_COEFFICIENTS, LOGQUAD_MODEL_ROWS } = await import('../../src/mortality/coefficients.js');
    const published = json('logquad-coefficients.json');
    expect(LOGQUAD_MODEL_ROWS).toBe(23);
    for (const sex of ['female', 'male'] as const) {
      for (const key of ['a', 'b', 'c', 'v'] as const) {
        const column = LOGQUAD_COEFFICIENTS[sex][key];
        expect(column, `${sex}.${key}`).toBeInstanceOf(Float64Array);
        expect(Array.from(column), `${sex}.${key}`).toEqual(published[sex][key]);
        expect(column).toHaveLength(LOGQUAD_MODEL_ROWS);
      }
    }
    // Spot values as printed: female a(0) = −0.66186281, b(0) = 0.76837546; male a(0) = −0.51010707.
    expect(LOGQUAD_COEFFICIENTS.female.a[0]).toBe(-0.66186281);
    expect(LOGQUAD_COEFFICIENTS.female.b[0]).toBe(0.76837546);
    expect(LOGQUAD_COEFFICIENTS.male.a[0]).toBe(-0.51010707);
    expect(LOGQUAD_COEFFICIENTS.male.c[0]).toBe(-0.024514667);
  });
});

describe('the China 2015 baseline (UN WPP 2019, data/mortality/china-2015-mx.json)', () => {
  it('has the published mx by sex and e0 78.97 / 74.47', async () => {
    const { BASELINES, CHINA_2015_E0, CHINA_2015_MX } = await import('../../src/mortality/baselines.js');
    const published = json('china-2015-mx.json');
    expect(Array.from(CHINA_2015_MX.female)).toEqual(published.female);
    expect(Array.from(CHINA_2015_MX.male)).toEqual(published.male);
    expect(CHINA_2015_MX.female[0]).toBe(0.00819);
    expect(CHINA_2015_MX.male[0]).toBe(0.01158);
    expect(CHINA_2015_E0).toEqual({ female: 78.97, male: 74.47 });
    expect(BASELINES['china-2015']).toBe(CHINA_2015_MX);
  });
});
