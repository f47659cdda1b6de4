import * as z from 'zod/mini';
import { SEXES } from '../types.js';

/**
 * Shared zod building blocks. Their messages are the `rule` half of the error grammar
 * (`<path>: <rule>, got <value>`), so they read as "expected …".
 */

const FINITE = 'expected a finite number';

/** A finite number. */
export const finite = () => z.number({ error: FINITE });

/** A finite number >= 0. */
export const nonNegative = () => finite().check(z.gte(0, { error: 'expected a finite number >= 0' }));

/** A finite number > 0. */
export const positive = () => finite().check(z.gt(0, { error: 'expected a finite number > 0' }));

/** A probability-like number in [0, 1]. */
export const unit = () =>
  finite().check(z.gte(0, { error: 'expected a number in [0, 1]' }), z.lte(1, { error: 'expected a number in [0, 1]' }));

/** An integer year. */
export const year = () =>
  finite().check(
    z.int({ error: YEAR_RULE }),
    z.gte(YEAR_RANGE[0], { error: YEAR_RULE }),
    z.lte(YEAR_RANGE[1], { error: YEAR_RULE }),
  );
const YEAR_RULE = 'expected an integer year from -9999 to 9999';

/**
 * One of a fixed list of strings, with the list in its message: `expected 'a' or 'b'`,
 * `expected 'a', 'b' or 'c'`.
 */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const quoted = values.map((v) => `'${v}'`);
  const list = quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)!}`;
  return z.enum(values, { error: `expected ${list}` });
}

/*
 * One rule per quantity (issue 11 §5): every public schema takes its bounds, units and message from
 * here, so that a quantity means and checks the same everywhere, a value too large to compute with
 * is stopped where the user gave it, and every size has a limit that fails at once.
 */

/**
 * Most persons in any count (a population, an age group, a target, migrants a year): 1e10, above
 * the world's population (8.2e9 in 2025, UN World Population Prospects 2024) and small enough that
 * sums and products of counts and rates stay far from overflow.
 */
export const MAX_PERSONS = 1e10;

/** A count of persons: finite, in [0, {@link MAX_PERSONS}]. */
export const persons = () => range(0, MAX_PERSONS, `expected a number of persons from 0 to ${MAX_PERSONS.toExponential()}`);

/** A count of persons that must be > 0 (a target): finite, in (0, {@link MAX_PERSONS}]. */
export const positivePersons = () => {
  const rule = `expected a number of persons > 0 and at most ${MAX_PERSONS.toExponential()}`;
  return finite().check(z.gt(0, { error: rule }), z.lte(MAX_PERSONS, { error: rule }));
};

/** Persons a year that may be negative (net migration): finite, |x| ≤ {@link MAX_PERSONS}. */
export const signedPersons = (what = 'persons') =>
  range(-MAX_PERSONS, MAX_PERSONS, `expected ${what} from -${MAX_PERSONS.toExponential()} to ${MAX_PERSONS.toExponential()}`);

/**
 * Highest TFR accepted: 15 children per woman, the biological maximum of natural fertility
 * (Bongaarts 1978, *Population and Development Review* 4(1): total fecundity rate ≈ 15.3), above
 * every population ever observed (the Hutterites' ≈ 10; Niger's ≈ 7.5). A yearbook's rate per 1,000
 * women (1200 for 1.2) is rejected with the unit in the message.
 */
const MAX_TFR = 15;
const TFR_UNIT = 'TFR is children per woman, e.g. 1.6: divide a rate per 1,000 women by 1,000';

/** A total fertility rate, children per woman, in [0, {@link MAX_TFR}]. */
export const tfrValue = () => range(0, MAX_TFR, `expected children per woman from 0 to ${MAX_TFR} (${TFR_UNIT})`);

/**
 * Sex ratios at birth accepted, males per 100 female births: [80, 150]. Observed national SRBs
 * lie in 102–121 (UN World Population Prospects 2024; China's highest, 121, in 2004) and
 * provincial ones up to about 138 (Jiangxi, China's 2000 census); 80 and 150 leave room for small
 * areas. A ratio written per female birth (1.07) is rejected with the unit in the message.
 */
const SRB_RANGE = [80, 150] as const;
const SRB_UNIT = 'SRB is males per 100 female births, e.g. 107';

/**
 * An age-specific fertility rate, births per woman a year, in [0, {@link MAX_TFR} / 5] (the most a
 * 5-year group can hold of the highest TFR).
 */
export const asfrValue = () => range(0, MAX_TFR / 5, `expected births per woman a year from 0 to ${MAX_TFR / 5}`);

/** A sex ratio at birth, males per 100 female births, in {@link SRB_RANGE}. */
export const srbValue = () => range(SRB_RANGE[0], SRB_RANGE[1], `expected males per 100 female births from ${SRB_RANGE[0]} to ${SRB_RANGE[1]} (${SRB_UNIT})`);

/**
 * Highest life expectancy at birth accepted: 120 years, beyond the oldest age ever verified for one
 * person (122, Jeanne Calment) and far beyond any national e0 observed (about 88: Hong Kong women,
 * UN WPP 2024). e0 must be > 0.
 */
const MAX_E0 = 120;

/** A life expectancy at birth, years, in (0, {@link MAX_E0}]. */
export const e0Value = () => finite().check(z.gt(0, { error: E0_RULE }), z.lte(MAX_E0, { error: E0_RULE }));
const E0_RULE = `expected a life expectancy in years > 0 and <= ${MAX_E0}`;

/** Largest female-minus-male e0 gap accepted, years (observed: about −2 to 13, Russia's the widest; UN WPP 2024). */
const MAX_SEX_GAP = 30;

/** A female-minus-male e0 gap, years, in [−{@link MAX_SEX_GAP}, {@link MAX_SEX_GAP}]. */
export const sexGapValue = () => range(-MAX_SEX_GAP, MAX_SEX_GAP, `expected a female-minus-male gap in years from -${MAX_SEX_GAP} to ${MAX_SEX_GAP}`);

/** Years accepted in any date: 4-digit calendar years, [−9999, 9999] (ISO 8601's basic range). */
export const YEAR_RANGE = [-9999, 9999] as const;

/**
 * Longest projection: 1000 years (200 five-year periods). The UN's long-range projections reach 300
 * years (to 2300); a horizon beyond 1000 is a mistake, not a study, and would fill memory.
 */
export const MAX_HORIZON = 1000;

/**
 * Highest open age of an age grid: 130 (26 five-year groups and the open one), beyond the oldest
 * age verified (122) and the log-quadratic model's life table (110+).
 */
export const MAX_OPEN_AGE = 130;

/**
 * The open age of a 5-year grid: an integer multiple of 5 from `min` to {@link MAX_OPEN_AGE}. The
 * one rule for every `openAge`; projections ask `min` 65 (the indicators need 60–64 and 65+).
 */
export function openAgeValue(min = 5) {
  const rule = `expected a multiple of 5 from ${min} to ${MAX_OPEN_AGE}`;
  return z.number({ error: rule }).check(z.refine((a) => Number.isInteger(a) && a % 5 === 0 && a >= min && a <= MAX_OPEN_AGE, { error: rule }));
}

/** The width of an age grid and of its periods, in years: 5 (5-year groups) or 1 (single years of age). */
export const widthValue = () => z.union([z.literal(5), z.literal(1)], { error: 'expected 1 or 5 (years)' });

/** Options that take only a grid width: `{ width?: 1 | 5 }` (the functions that read rates or a period by age groups). */
export const widthOptionsSchema = z.strictObject({ width: z.optional(widthValue()) }, { error: 'expected options { width? }' });

/** Whether `a` is an open age {@link openAgeValue} accepts, and its rule. */
export function openAgeRule(min = 5): { ok: (a: unknown) => boolean; rule: string } {
  return {
    ok: (a) => typeof a === 'number' && Number.isInteger(a) && a % 5 === 0 && a >= min && a <= MAX_OPEN_AGE,
    rule: `expected a multiple of 5 from ${min} to ${MAX_OPEN_AGE}`,
  };
}

/**
 * Largest magnitude of a value with no unit of its own (a generic path, a chart's numbers): 1e15,
 * so that interpolating between two values or averaging them never overflows.
 */
const MAX_MAGNITUDE = 1e15;

/** A finite number in [0, {@link MAX_MAGNITUDE}] (a relative weight, a schedule of rates). */
export const boundedNonNegative = () => range(0, MAX_MAGNITUDE, `expected a finite number from 0 to ${MAX_MAGNITUDE.toExponential()}`);

/** A finite number with |x| ≤ {@link MAX_MAGNITUDE}. */
export const bounded = () => range(-MAX_MAGNITUDE, MAX_MAGNITUDE, `expected a finite number from -${MAX_MAGNITUDE.toExponential()} to ${MAX_MAGNITUDE.toExponential()}`);

/**
 * Longest array in any input, and most keys in any object: 10,000 (age groups, periods, anchors,
 * targets, quantile levels and chart points all number tens to hundreds). Checked before anything
 * else, with the nesting depth ({@link MAX_DEPTH}), so that a huge or deep input fails at once.
 */
export const MAX_ITEMS = 10_000;

/** Most worker threads one `simulateParallel` call (and `ccmpp simulate --workers`) may use. */
export const MAX_WORKERS = 256;

/** Deepest nesting of arrays and objects in any input (a scenario nests 5 levels). */
export const MAX_DEPTH = 32;

/**
 * Largest σ of each random part of a simulation, per 5-year period (the defaults, with their
 * sources, are in src/stochastic/uncertainty.ts): TFR 1 on the log scale (a factor e a period,
 * about 20 times bayesTFR's); e0 5 years (about 6 times bayesLife's 0.886); net migration
 * {@link MAX_PERSONS} persons a year. Larger σ say nothing a projection can use, and an e0 σ of
 * 1e6 years made the simulation's survival table impossible to size.
 */
export const MAX_SIGMA = { tfr: 1, e0: 5, migration: MAX_PERSONS } as const;

/** A σ of one random part, in [0, {@link MAX_SIGMA}[part]], in the part's unit. */
export const sigmaValue = (part: keyof typeof MAX_SIGMA) => {
  const unitOf = { tfr: 'on the log scale', e0: 'years', migration: 'persons a year' }[part];
  return range(0, MAX_SIGMA[part], `expected a standard deviation from 0 to ${MAX_SIGMA[part]} (${unitOf}, per 5-year period)`);
};

/**
 * A population by sex and 5-year group as the indicators read it: `{ female, male }`, persons, of
 * one length from 2 to {@link MAX_OPEN_AGE}/5 + 1 groups.
 */
export const bySexPopulation = () =>
  z
    .object({ female: numbers(persons()), male: numbers(persons()) }, { error: 'expected a population { female, male } by age group' })
    .check((ctx) => {
      const { female, male } = ctx.value;
      const most = MAX_OPEN_AGE + 1; // single years to 130+ (5-year grids have fewer groups)
      if (female.length < 2 || female.length > most)
        ctx.issues.push({ code: 'custom', path: ['female'], message: `expected from 2 to ${most} age groups`, input: female });
      else if (male.length !== female.length) ctx.issues.push({ code: 'custom', path: ['male'], message: 'expected as many male as female groups', input: male });
    });

/** A number in [lo, hi] with one message for every way to miss it. */
function range(lo: number, hi: number, rule: string) {
  return finite().check(z.gte(lo, { error: rule }), z.lte(hi, { error: rule }));
}

/** A sex: 'female' or 'male'. */
export const sexSchema = oneOf(SEXES);

/** Accepts any array-like of numbers (plain arrays, Float64Array, …) and hands zod a plain array. */
export function numbers<T extends z.ZodMiniType<number>>(element: T) {
  return z.pipe(
    z.transform((v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v)),
    z.array(element, { error: 'expected an array of numbers' }),
  );
}

/**
 * How far from 1 a set of shares (a fertility pattern, a migration age profile) may sum: wide
 * enough for shares printed to ~10 decimals or normalised in another tool, narrow enough that a
 * pattern off by one rounding step of a printed per cent (1e-7) is caught, not silently rescaled.
 */
export const SHARE_SUM_TOLERANCE = 1e-9;

/**
 * Shares: finite numbers ≥ 0 summing to 1 within {@link SHARE_SUM_TOLERANCE} (a wrong sum is
 * reported with the sum as the value), and `length` of them when given (or `or.length`, where another layout is accepted). Plain arrays only (JSON);
 * typed arrays go through {@link plainArrays} first.
 */
export function sharesSchema(length?: number, groups = 'age groups', or?: { length: number; groups: string }) {
  return z.array(nonNegative(), { error: 'expected an array of shares' }).check((ctx) => {
    const v = ctx.value;
    if (length !== undefined && v.length !== length && v.length !== or?.length) {
      ctx.issues.push({ code: 'custom', message: `expected ${length} shares (${groups})${or ? ` or ${or.length} (${or.groups})` : ''}`, input: v });
      return;
    }
    let sum = 0;
    for (const x of v) {
      if (!(Number.isFinite(x) && x >= 0)) return; // reported element by element
      sum += x;
    }
    if (!(Math.abs(sum - 1) <= SHARE_SUM_TOLERANCE)) {
      ctx.issues.push({ code: 'custom', message: `expected shares that sum to 1 (within ${SHARE_SUM_TOLERANCE})`, input: sum });
    }
  });
}

/**
 * `value` with every typed array (at any depth) turned into a plain array, for JSON-shaped schemas;
 * `value` itself when it holds none (the common case costs one walk, no copy).
 */
export function plainArrays(value: unknown): unknown {
  return hasTypedArray(value) ? copyPlain(value) : value;
}

function isTyped(value: unknown): boolean {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/** Whether `value` holds a typed array within {@link MAX_DEPTH} levels (deeper inputs, and cycles, are the size check's to reject). */
function hasTypedArray(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return false;
  if (isTyped(value)) return true;
  if (Array.isArray(value)) {
    for (const v of value) if (v !== null && typeof v === 'object' && hasTypedArray(v, depth + 1)) return true;
    return false;
  }
  for (const k in value) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== null && typeof v === 'object' && hasTypedArray(v, depth + 1)) return true;
  }
  return false;
}

function copyPlain(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) return value;
  if (isTyped(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map((v) => copyPlain(v, depth + 1));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyPlain(v, depth + 1);
    return out;
  }
  return value;
}

/**
 * A strict object schema whose messages name its keys: `expected an object { a, b }` for a value
 * of another kind (or a missing one), `expected only the keys a, b` for an unknown key.
 */
export function keyedObject<S extends z.core.$ZodShape>(shape: S) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `expected only the keys ${keys}` : `expected an object { ${keys} }`),
  });
}
