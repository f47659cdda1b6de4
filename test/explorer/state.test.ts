import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Anchor, Assumptions } from '../../explorer/src/model.js';
import { decodeState, defaultState, encodeState, LinkError, MAX_TRAJECTORIES, type PageState } from '../../explorer/src/state.js';

// The page's URL (explorer/src/state.ts): every state the page can be in survives the link, and a
// link that does not parse says which parameter, which rule and which value.

/** A year as the link writes it (at most four digits, signed). */
const year = fc.integer({ min: -9999, max: 9999 });
/** Any finite number but −0 (String(−0) is "0": the link cannot tell them apart, and no control gives −0). */
const value = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));

/** 1 to 8 anchors, years strictly increasing. */
const anchors: fc.Arbitrary<Anchor[]> = fc
  .uniqueArray(year, { minLength: 1, maxLength: 8 })
  .chain((ys) => fc.tuple(...ys.sort((a, b) => a - b).map((y) => value.map((v): Anchor => [y, v]))));

const assumptions: fc.Arbitrary<Assumptions> = fc.record({
  tfr: anchors,
  e0: anchors,
  migration: fc.oneof(
    fc.record({ mode: fc.constant('net' as const), net: anchors }),
    fc.record({ mode: fc.constant('gross' as const), inPerYear: anchors, outRate: anchors }),
  ),
  srb: value,
});

/** An uploaded base: as many female as male counts; width 1 or none (5-year groups, as the page stores it). */
const upload = fc.record({
  name: fc.string({ unit: 'grapheme', maxLength: 20 }),
  base: fc
    .tuple(year, fc.integer({ min: 1, max: 30 }), fc.boolean())
    .chain(([y, n, single]) =>
      fc.record({ female: fc.array(value, { minLength: n, maxLength: n }), male: fc.array(value, { minLength: n, maxLength: n }) }).map((c) => ({ year: y, ...c, ...(single ? { width: 1 as const } : {}) })),
    ),
});

const pageState: fc.Arbitrary<PageState> = fc
  .record({
    lang: fc.constantFrom('en' as const, 'zh' as const),
    assumptions,
    target: fc.record({ year, population: value }),
    until: year,
    pyramidYear: year,
    width: fc.constantFrom(1 as const, 5 as const),
    trajectories: fc.integer({ min: 1, max: MAX_TRAJECTORIES }),
    seed: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    pinned: fc.option(assumptions, { nil: undefined }),
    upload: fc.option(upload, { nil: undefined }),
  })
  .map(({ pinned, upload: u, ...s }): PageState => ({ ...s, ...(pinned ? { pinned } : {}), ...(u ? { upload: u } : {}) }));

describe('the link round-trips the page', () => {
  it('decodeState(encodeState(s)) is s, with or without the leading ?', () => {
    fc.assert(
      fc.property(pageState, (s) => {
        const search = encodeState(s);
        expect(decodeState(search)).toEqual(s);
        expect(decodeState(`?${search}`)).toEqual(s);
      }),
      { seed: 20151231, numRuns: 300 },
    );
  });

  it('the generated states cover both migration modes, pinned and not, upload and not, both languages and widths', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(pageState, (s) => {
        seen.add(`migration:${s.assumptions.migration.mode}`);
        seen.add(`pinned:${s.pinned !== undefined}`);
        seen.add(`upload:${s.upload !== undefined}`);
        seen.add(`base-width:${s.upload?.base.width ?? 5}`);
        seen.add(`lang:${s.lang}`);
        seen.add(`width:${s.width}`);
      }),
      { seed: 20151231, numRuns: 300 },
    );
    expect([...seen].sort()).toEqual(
      ['base-width:1', 'base-width:5', 'lang:en', 'lang:zh', 'migration:gross', 'migration:net', 'pinned:false', 'pinned:true', 'upload:false', 'upload:true', 'width:1', 'width:5'].sort(),
    );
  });

  it('the default page: a short readable link that decodes to the defaults', () => {
    const d = defaultState();
    expect(encodeState(d)).toBe('lang=en&tfr=2015%3A0.71%2C2020%3A1.2%2C2030%3A1.8&e0=2015%3A78.75%2C2020%3A79.75%2C2030%3A81&net=2015%3A0&srb=107&target=2030%3A2600000&until=2050&year=2030&width=5&n=10000&seed=1');
    expect(decodeState(encodeState(d))).toEqual(d);
  });
});

describe('missing parameters take the defaults', () => {
  it('an empty query is the default page', () => {
    expect(decodeState('')).toEqual(defaultState());
    expect(decodeState('?')).toEqual(defaultState());
  });

  it('one parameter changes only what it names', () => {
    const d = defaultState();
    expect(decodeState('?lang=zh')).toEqual({ ...d, lang: 'zh' });
    expect(decodeState('?tfr=2015:1.5')).toEqual({ ...d, assumptions: { ...d.assumptions, tfr: [[2015, 1.5]] } });
    expect(decodeState('?width=1&year=2040')).toEqual({ ...d, width: 1, pyramidYear: 2040 });
    expect(decodeState('?in=2015:9000')).toEqual({ ...d, assumptions: { ...d.assumptions, migration: { mode: 'gross', inPerYear: [[2015, 9000]], outRate: [[2015, 0]] } } });
    expect(decodeState('?out=2015:0.01')).toEqual({ ...d, assumptions: { ...d.assumptions, migration: { mode: 'gross', inPerYear: [[2015, 0]], outRate: [[2015, 0.01]] } } });
    // A pinned scenario's missing parameters are the current scenario's.
    expect(decodeState('?tfr=2015:1.5&a.srb=105')).toEqual({
      ...d,
      assumptions: { ...d.assumptions, tfr: [[2015, 1.5]] },
      pinned: { ...d.assumptions, tfr: [[2015, 1.5]], srb: 105 },
    });
    expect(decodeState('?base=2015:1,2:3,4')).toEqual({ ...d, upload: { name: 'upload', base: { year: 2015, female: [1, 2], male: [3, 4] } } });
  });
});

/** The message of the LinkError decoding `search` throws (the test fails on anything else, or nothing). */
function linkError(search: string): string {
  try {
    decodeState(search);
  } catch (e) {
    expect(e).toBeInstanceOf(LinkError);
    expect((e as Error).name).toBe('LinkError');
    return (e as Error).message;
  }
  throw new Error(`expected a LinkError for ${search}`);
}

describe('a malformed link names the parameter, the rule and the value', () => {
  const PAIRS = 'expected year:value pairs separated by commas, years increasing (2015:0.71,2030:1.8)';
  it.each([
    // A value that is not a number is quoted alone; a pair out of shape or order, with the whole list.
    ['?tfr=2015:abc', `tfr: ${PAIRS}, got "abc"`],
    ['?tfr=2020:1,2015:2', `tfr: ${PAIRS}, got "2020:1,2015:2"`],
    ['?tfr=2015:1,2015:2', `tfr: ${PAIRS}, got "2015:1,2015:2"`],
    ['?e0=2015', `e0: ${PAIRS}, got "2015"`],
    ['?net=2015:1:2', `net: ${PAIRS}, got "2015:1:2"`],
    ['?out=20150:0.1', `out: ${PAIRS}, got "20150:0.1"`],
    ['?tfr=', `tfr: ${PAIRS}, got ""`],
    ['?tfr=2015:Infinity', `tfr: ${PAIRS}, got "Infinity"`],
    // An empty or blank value is not 0 (as Number('') would have it).
    ['?tfr=2015:', `tfr: ${PAIRS}, got ""`],
    ['?srb=%20', 'srb: expected a number (boys per 100 girls), got " "'],
    ['?target=2030:1:2', 'target: expected year:population, e.g. 2030:2600000, got "2030:1:2"'],
    ['?base=2015:1:2:1:1', 'base: expected year:female counts:male counts (comma-separated), e.g. 2015:100,90,…:105,95,…, got "2015:1:2:1:1"'],
    ['?a.tfr=2015:x', `a.tfr: ${PAIRS}, got "x"`],
    ['?lang=fr', 'lang: expected one of en, zh, got "fr"'],
    ['?width=3', 'width: expected 1 or 5, got "3"'],
    ['?target=2030', 'target: expected year:population, e.g. 2030:2600000, got "2030"'],
    ['?target=2030:many', 'target: expected year:population, e.g. 2030:2600000, got "many"'],
    ['?net=1:2&in=3:4', 'net: expected either net or in and out, not both, got "1:2"'],
    ['?a.net=1:2&a.out=3:0.1', 'a.net: expected either a.net or a.in and a.out, not both, got "1:2"'],
    ['?srb=boys', 'srb: expected a number (boys per 100 girls), got "boys"'],
    ['?base=2015:1,2:3', 'base: expected as many female as male counts (at most 200 each), got "2015:1,2:3"'],
    ['?base=2015:1,2', 'base: expected year:female counts:male counts (comma-separated), e.g. 2015:100,90,…:105,95,…, got "2015:1,2"'],
    ['?base=2015:1,x:3,4', 'base: expected year:female counts:male counts (comma-separated), e.g. 2015:100,90,…:105,95,…, got "x"'],
    ['?base=2015:1:2:5', 'base: expected a width of 1 after the counts, or none (5-year groups), got "2015:1:2:5"'],
    ['?n=0', `n: expected a whole number of trajectories from 1 to ${MAX_TRAJECTORIES}, got "0"`],
    [`?n=${MAX_TRAJECTORIES + 1}`, `n: expected a whole number of trajectories from 1 to ${MAX_TRAJECTORIES}, got "${MAX_TRAJECTORIES + 1}"`],
    ['?n=1.5', `n: expected a whole number of trajectories from 1 to ${MAX_TRAJECTORIES}, got "1.5"`],
    ['?seed=2147483648', 'seed: expected an integer seed, got "2147483648"'],
    ['?until=soon', 'until: expected a year, got "soon"'],
    ['?year=2030.5', 'year: expected a year, got "2030.5"'],
  ])('%s', (search, message) => {
    expect(linkError(search)).toBe(message);
  });

  it('a long value is cut to 60 characters in the message', () => {
    const long = `${Array.from({ length: 20 }, (_, k) => `${2015 + k}:1.5`).join(',')},2000:1`;
    expect(linkError(`?tfr=${long}`)).toBe(`tfr: ${PAIRS}, got "${long.slice(0, 59)}…"`);
  });

  it('a value of 60 characters is quoted whole', () => {
    const sixty = 'x'.repeat(60);
    expect(linkError(`?srb=${sixty}`)).toBe(`srb: expected a number (boys per 100 girls), got "${sixty}"`);
  });

  it('at most 200 counts of each sex in base', () => {
    const counts = (n: number) => Array.from({ length: n }, () => '1').join(',');
    expect(decodeState(`?base=2015:${counts(200)}:${counts(200)}`).upload!.base.female).toHaveLength(200);
    const over = `2015:${counts(201)}:${counts(201)}`;
    expect(linkError(`?base=${over}`)).toBe(`base: expected as many female as male counts (at most 200 each), got "${over.slice(0, 59)}…"`);
  });

    it('more than 50 anchors is refused', () => {
    const many = Array.from({ length: 51 }, (_, k) => `${2015 + k}:1`).join(',');
    expect(linkError(`?tfr=${many}`)).toMatch(/^tfr: expected year:value pairs/);
    const fifty = Array.from({ length: 50 }, (_, k) => `${2015 + k}:1`).join(',');
    expect(decodeState(`?tfr=${fifty}`).assumptions.tfr).toHaveLength(50);
  });
});
