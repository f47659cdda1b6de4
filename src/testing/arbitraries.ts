import { deepFreeze } from '../validate/freeze.js';
import * as fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { FERTILE_AGES, FERTILE_GROUPS, FIRST_FERTILE_GROUP as FIRST_FERTILE } from '../fertility/layout.js';
import { DEFAULT_OPEN_AGE, type Width } from '../ages/grid.js';
import { A0_RULES, type A0Rule } from '../lifetable/a0.js';
import { AX_RULES, type AxRule } from '../lifetable/ax.js';
import type { LifeTable } from '../lifetable/compute.js';
import { lifeTable as computeLifeTable } from '../lifetable/lifeTable.js';
import { survivalRatios } from '../lifetable/survival.js';
import type { FlowDifferenceParams } from '../migration/flowDifference.js';
import { outMigrationSchedule } from '../migration/outSchedule.js';
import { compilePeriod, femaleBirthShare, type PeriodInputs } from '../project/periodInputs.js';
import { run } from '../project/projectCohorts.js';
import type { Path } from '../scenario/path.js';
import type { Scenario } from '../scenario/schema.js';
import { SEXES, type BySex, type Sex } from '../types.js';
import { fail } from '../validate/errors.js';
import { MAX_HORIZON, MAX_PERSONS } from '../validate/schemas.js';

/**
 * fast-check arbitraries that generate VALID ccmpp inputs by construction: every value is built
 * from a few parameters with `.map`, never by filtering random arrays, so fast-check shrinks the
 * parameters and every shrunk value is still valid.
 *
 * Real-valued parameters are drawn uniformly on their range (from integers, see {@link uniform}):
 * `fc.double` spreads its draws over the representable doubles, which puts most of them next to 0.
 * fast-check's usual bias still favours the ends of each range now and then (edge cases).
 *
 * Two grids, as ccmpp projects on: 5-year groups and 5-year periods (`width` 5, the default), or
 * single years of age and annual periods (`width` 1, UN WPP 2022+). The population, period and
 * projection-case arbitraries take a `width` option; either way the open age is a multiple of 5
 * (single years 0 … openAge − 1 and openAge+ at width 1).
 */

/** A closed range; either end may be left out to keep the default. */
export interface Range {
  min?: number;
  max?: number;
}

/** Lowest open age the arbitraries accept: two groups on the projection grid (0–4 and 5+). */
export const MIN_OPEN_AGE = 5;
/** Highest open age the arbitraries accept; the Siler law is still integrated reliably there. */
export const MAX_OPEN_AGE = 130;
/** Default open age, as in ccmpp. */
export { DEFAULT_OPEN_AGE };

/**
 * Highest TFR a draw may reach: 15 children per woman, ccmpp's rule (`tfrValue` in
 * src/validate/schemas.ts: Bongaarts' total fecundity rate).
 */
export const TFR_LIMITS = Object.freeze({ min: 0, max: 15 } as const);
/** Sex ratios at birth a draw may take, males per 100 female births: ccmpp's rule, [80, 150] (`srbValue`). */
export const SRB_LIMITS = Object.freeze({ min: 80, max: 150 } as const);
/** Highest ASFR ccmpp accepts, births per woman a year: TFR 15 / 5 (`asfrValue`). */
export const MAX_ASFR = 3;

/** Resolution of a uniform draw: its range is cut into this many steps. */
const STEPS = 1_000_000_000;

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function resolveRange(
  option: Range | undefined,
  defaults: { min: number; max: number },
  limits: { min: number; max: number },
  path: string,
): { min: number; max: number } {
  const min = option?.min ?? defaults.min;
  const max = option?.max ?? defaults.max;
  if (!Number.isFinite(min) || min < limits.min) fail(`${path}.min`, `expected a finite number >= ${limits.min}`, min);
  if (!Number.isFinite(max) || max > limits.max) fail(`${path}.max`, `expected a finite number <= ${limits.max}`, max);
  if (min > max) fail(`${path}.max`, `expected at least min = ${min}`, max);
  return { min, max };
}

/** The `width` option: 5 (default: 5-year groups and periods) or 1 (single years, annual periods). */
function resolveWidth(option: unknown, path = 'options.width'): Width {
  if (option === undefined) return 5;
  if (option !== 1 && option !== 5) fail(path, 'expected 1 or 5 (years)', option);
  return option;
}

/** Open age option: a fixed multiple of 5 or a range of them. */
function openAgeArbitrary(option: number | Range | undefined, path = 'options.openAge'): Arbitrary<number> {
  const check = (a: number, p: string) => {
    if (!Number.isInteger(a) || a % 5 !== 0 || a < MIN_OPEN_AGE || a > MAX_OPEN_AGE)
      fail(p, `expected a multiple of 5 in [${MIN_OPEN_AGE}, ${MAX_OPEN_AGE}]`, a);
  };
  if (option === undefined || typeof option === 'number') {
    const a = option ?? DEFAULT_OPEN_AGE;
    check(a, path);
    return fc.constant(a);
  }
  const { min, max } = resolveRange(option, { min: MIN_OPEN_AGE, max: MAX_OPEN_AGE }, { min: MIN_OPEN_AGE, max: MAX_OPEN_AGE }, path);
  check(min, `${path}.min`);
  check(max, `${path}.max`);
  return fc.integer({ min: min / 5, max: max / 5 }).map((k) => 5 * k);
}

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/**
 * A number drawn uniformly from `[min, max]` (to a billionth of the range); shrinks towards `min`.
 *
 * @example
 * fc.sample(uniform(100, 115), 3) // e.g. [107.3…, 100.9…, 112.6…]
 */
export function uniform(min: number, max: number): Arbitrary<number> {
  if (!Number.isFinite(min)) fail('min', 'expected a finite number', min);
  if (!(Number.isFinite(max) && max >= min)) fail('max', `expected a finite number >= min (${min})`, max);
  if (min === max) return fc.constant(min);
  return fc.integer({ min: 0, max: STEPS }).map((k) => (k === STEPS ? max : min + ((max - min) * k) / STEPS));
}

/** Uniform on `[min, max]` with `min <= 0 <= max`; shrinks towards 0. */
function towardZero(min: number, max: number): Arbitrary<number> {
  const span = Math.max(-min, max);
  if (span === 0) return fc.constant(0);
  return fc.integer({ min: Math.ceil((min / span) * STEPS), max: Math.floor((max / span) * STEPS) }).map((k) => (k * span) / STEPS);
}

/** Log-uniform on `[min, max]` (both > 0); shrinks towards `min`. */
function logUniform(min: number, max: number): Arbitrary<number> {
  const lo = Math.log(min);
  const hi = Math.log(max);
  return uniform(lo, hi).map((u) => (u === lo ? min : u === hi ? max : Math.exp(u)));
}

/** Default range of total fertility rates: below any observed national TFR (0.7) up to historical highs (~8). */
export const TFR_RANGE = Object.freeze({ min: 0.5, max: 8 } as const);
/** Default range of life expectancy at birth, in years. */
export const E0_RANGE = Object.freeze({ min: 30, max: 90 } as const);
/** Default range of the sex ratio at birth (males per 100 female births): observed populations lie in ~102–118. */
export const SRB_RANGE = Object.freeze({ min: 100, max: 115 } as const);

/**
 * A total fertility rate (children per woman), uniform on the range (default {@link TFR_RANGE});
 * a range beyond {@link TFR_LIMITS} (0–15, ccmpp's rule) is an InputError.
 *
 * @example
 * fc.assert(fc.property(arbitraries.tfr({ max: 2.1 }), (tfr) => tfr <= 2.1))
 */
export function tfr(options?: Range): Arbitrary<number> {
  const { min, max } = resolveRange(options, TFR_RANGE, TFR_LIMITS, 'options');
  return uniform(min, max);
}

/**
 * A life expectancy at birth (years), uniform on the range (default {@link E0_RANGE}).
 *
 * @example
 * fc.sample(arbitraries.e0({ min: 70 }), 1) // e.g. [78.2…]
 */
export function e0(options?: Range): Arbitrary<number> {
  const { min, max } = resolveRange(options, E0_RANGE, { min: 1, max: 120 }, 'options');
  return uniform(min, max);
}

/**
 * A sex ratio at birth (males per 100 female births), uniform on the range (default {@link SRB_RANGE});
 * a range beyond {@link SRB_LIMITS} (80–150, ccmpp's rule) is an InputError.
 *
 * @example
 * fc.sample(arbitraries.srb(), 1) // e.g. [106.1…]
 */
export function srb(options?: Range): Arbitrary<number> {
  const { min, max } = resolveRange(options, SRB_RANGE, SRB_LIMITS, 'options');
  return uniform(min, max);
}

// ---------------------------------------------------------------------------------------------
// Mortality: a Siler (Gompertz–Makeham with an infant term) law, integrated into abridged mx
// ---------------------------------------------------------------------------------------------

/**
 * A Siler (1979) mortality law, `μ(x) = infant·e^(−infantDecay·x) + makeham + gompertz·e^(gompertzSlope·x)`:
 * an infant-and-child hazard that fades with age, the Makeham constant, and the Gompertz senescent
 * hazard (Siler 1979, "A competing-risk model for animal mortality", *Ecology* 60(4): 750–757).
 * Rates per person-year, `x` in years.
 */
export interface MortalityLaw {
  infant: number;
  infantDecay: number;
  makeham: number;
  gompertz: number;
  gompertzSlope: number;
}

/**
 * Anchors of {@link mortalityLaw}: each parameter moves log-linearly from `low` (mortality level 0)
 * to `high` (level 1). Level 0 is a low-mortality population (1m0 ≈ 0.0018, 4m1 ≈ 0.00017,
 * m80-84 ≈ 0.049, e0 ≈ 88.7, near Japanese women today); level 1 a high-mortality one (1m0 ≈ 0.23,
 * 4m1 ≈ 0.042, m80-84 ≈ 0.18, e0 ≈ 36, like eighteenth-century Europe). `infant`, `makeham` and
 * `gompertz` are then multiplied by e^j, j uniform in ±{@link LAW_JITTER}, so the shape varies at a
 * given level; over the whole range e0 spans about 31–91 years (measured on 5000 draws).
 */
export const LAW_ANCHORS = deepFreeze({
  infant: { low: 0.004, high: 0.35 },
  infantDecay: { low: 2, high: 1 },
  makeham: { low: 1e-4, high: 0.009 },
  gompertz: { low: 5e-6, high: 2.5e-4 },
  gompertzSlope: { low: 0.105, high: 0.075 },
} as const);

/** Half-width of the log-scale jitter of the level parameters of {@link mortalityLaw}. */
export const LAW_JITTER = 0.2;

/** Options of {@link mortalityLaw} and {@link mx}. */
export interface MortalityOptions {
  /** Mortality level in [0, 1] (see {@link LAW_ANCHORS}); default the whole of [0, 1]. */
  level?: Range;
}

function logLerp(a: { low: number; high: number }, u: number): number {
  return Math.exp(Math.log(a.low) + (Math.log(a.high) - Math.log(a.low)) * u);
}

function lawAt(level: number, j: readonly [number, number, number]): MortalityLaw {
  const A = LAW_ANCHORS;
  return {
    infant: logLerp(A.infant, level) * Math.exp(j[0]),
    infantDecay: logLerp(A.infantDecay, level),
    makeham: logLerp(A.makeham, level) * Math.exp(j[1]),
    gompertz: logLerp(A.gompertz, level) * Math.exp(j[2]),
    gompertzSlope: logLerp(A.gompertzSlope, level),
  };
}

/**
 * A Siler mortality law with realistic parameters (see {@link LAW_ANCHORS}); shrinks towards the
 * lowest level in range and no jitter.
 *
 * @example
 * fc.sample(arbitraries.mortalityLaw({ level: { min: 0.9 } }), 1) // a high-mortality law
 */
export function mortalityLaw(options?: MortalityOptions): Arbitrary<MortalityLaw> {
  const { min, max } = resolveRange(options?.level, { min: 0, max: 1 }, { min: 0, max: 1 }, 'options.level');
  const jitter = towardZero(-LAW_JITTER, LAW_JITTER);
  return fc.tuple(uniform(min, max), jitter, jitter, jitter).map(([level, a, b, c]) => lawAt(level, [a, b, c]));
}

/** Cumulative hazard H(x) = ∫₀ˣ μ of a Siler law. */
function cumulativeHazard(law: MortalityLaw, x: number): number {
  const { infant, infantDecay, makeham, gompertz, gompertzSlope } = law;
  return (
    (infant / infantDecay) * -Math.expm1(-infantDecay * x) + makeham * x + (gompertz / gompertzSlope) * Math.expm1(gompertzSlope * x)
  );
}

/** Simpson panels per closed interval (the integrand e^(−ΔH) is smooth; 32 panels are far beyond need). */
const SIMPSON_PANELS = 32;
/** The open interval is integrated year by year until survival falls below this (relative to the open age). */
const OPEN_TAIL = 1e-17;

/** ∫ from a to b of e^(−(H(t) − H(a))) dt: person-years per survivor at a (composite Simpson). */
function personYears(law: MortalityLaw, a: number, b: number, h0: number, panels: number): number {
  const w = (b - a) / panels;
  let s = 0;
  for (let j = 0; j <= panels; j++) {
    const f = Math.exp(-(cumulativeHazard(law, a + j * w) - h0));
    s += (j === 0 || j === panels ? 1 : j % 2 === 1 ? 4 : 2) * f;
  }
  return (s * w) / 3;
}

/**
 * Central death rates of a Siler law at the abridged ages 0, 1, 5, 10, …, `openAge` (open), or with
 * `width` 1 at the single ages 0, 1, 2, …, `openAge` (open; a complete table's rates):
 * `nmx = (1 − e^(−(H(x+n) − H(x)))) / ∫ₓ^(x+n) e^(−(H(t) − H(x))) dt` (deaths over person-years per
 * survivor at x, both exact up to the Simpson rule), and for the open row `1 / e(openAge)`. Every
 * rate is finite and > 0, so the result is a valid `lifeTable` input (with `{ width }`). Throws an
 * InputError for an open age that is not a multiple of 5 in [5, 130], a width other than 1 or 5,
 * or a law parameter that is not finite and > 0 (the Makeham term: ≥ 0).
 *
 * @example
 * const law = { infant: 0.004, infantDecay: 2, makeham: 1e-4, gompertz: 5e-6, gompertzSlope: 0.105 };
 * const mx = lawMx(law, 100);
 * mx.length;       // 22 (ages 0, 1, 5, …, 100+)
 * [mx[0], mx[21]]; // [≈ 0.0018, ≈ 0.26]
 * lawMx(law, 100, 1).length // 101 (ages 0, 1, 2, …, 100+)
 */
export function lawMx(law: MortalityLaw, openAge: number, width: Width = 5): number[] {
  if (!Number.isInteger(openAge) || openAge % 5 !== 0 || openAge < MIN_OPEN_AGE || openAge > MAX_OPEN_AGE)
    fail('openAge', `expected a multiple of 5 in [${MIN_OPEN_AGE}, ${MAX_OPEN_AGE}]`, openAge);
  resolveWidth(width, 'width');
  for (const key of ['infant', 'infantDecay', 'gompertz', 'gompertzSlope'] as const)
    if (!(Number.isFinite(law[key]) && law[key] > 0)) fail(`law.${key}`, 'expected a finite number > 0', law[key]);
  if (!(Number.isFinite(law.makeham) && law.makeham >= 0)) fail('law.makeham', 'expected a finite number >= 0', law.makeham);
  const starts = width === 1 ? [0] : [0, 1];
  for (let x = width === 1 ? 1 : 5; x <= openAge; x += width) starts.push(x);
  const out: number[] = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const x = starts[i]!;
    const n = starts[i + 1]! - x;
    const h0 = cumulativeHazard(law, x);
    out.push(-Math.expm1(-(cumulativeHazard(law, x + n) - h0)) / personYears(law, x, x + n, h0, SIMPSON_PANELS));
  }
  const h0 = cumulativeHazard(law, openAge);
  let e = 0;
  for (let t = openAge; t < openAge + 500; t++) {
    e += personYears(law, t, t + 1, h0, 8);
    if (Math.exp(-(cumulativeHazard(law, t + 1) - h0)) < OPEN_TAIL) break;
  }
  out.push(1 / e);
  return out;
}

/** Options of {@link mx}. */
export interface MxOptions extends MortalityOptions {
  /** Open age of the schedule (a multiple of 5 in [5, 130]) or a range of them; default 100. */
  openAge?: number | Range;
  /** 5 (default): abridged ages 0, 1, 5, …; 1: single ages 0, 1, 2, … (a complete table's rates). */
  width?: Width;
}

/**
 * An abridged mx schedule at ages 0, 1, 5, …, open (or with `width: 1` single ages 0, 1, 2, …,
 * open), integrated from a realistic Siler law ({@link mortalityLaw}, {@link lawMx}): every rate > 0,
 * U-shaped over age, e0 about 31–91.
 *
 * @example
 * fc.assert(fc.property(arbitraries.mx({ openAge: 85 }), (mx) => lifeTable(mx, { sex: 'male' }).ex[0]! > 0))
 * fc.assert(fc.property(arbitraries.mx({ openAge: 85, width: 1 }), (mx) => mx.length === 86))
 */
export function mx(options?: MxOptions): Arbitrary<number[]> {
  const width = resolveWidth(options?.width);
  return fc.tuple(openAgeArbitrary(options?.openAge), mortalityLaw(options)).map(([A, law]) => lawMx(law, A, width));
}

/** Options of {@link lifeTable}: the mx options, plus the table's rules (drawn when left out). */
export interface LifeTableArbitraryOptions extends MxOptions {
  sex?: Sex;
  a0Rule?: A0Rule;
  /** The 5-year ax rule (abridged tables only: with `width` 1 it is an InputError, as in `lifeTable`). */
  axRule?: AxRule;
  /** l0, fixed or a range; default 100000. */
  radix?: number | Range;
}

const SEXES_ARB = fc.constantFrom<Sex>(...SEXES);
const A0_RULES_ARB = fc.constantFrom<A0Rule>(...A0_RULES);
const AX_RULES_ARB = fc.constantFrom<AxRule>(...AX_RULES);

/**
 * An abridged life table computed by ccmpp's `lifeTable` from a generated mx ({@link mx}), or with
 * `width: 1` a complete one (single ages, ax = 0.5 above age 0); sex and rules are drawn unless
 * fixed by the options.
 *
 * @example
 * fc.assert(fc.property(arbitraries.lifeTable(), (lt) => assertHolds(invariants.lifeTableIdentities(lt))))
 * fc.assert(fc.property(arbitraries.lifeTable({ width: 1 }), (lt) => assertHolds(invariants.lifeTableIdentities(lt))))
 */
export function lifeTable(options?: LifeTableArbitraryOptions): Arbitrary<LifeTable> {
  const width = resolveWidth(options?.width);
  if (width === 1 && options?.axRule !== undefined)
    fail('options.axRule', 'expected no axRule with width 1 (complete tables take ax = 0.5 above age 0)', options.axRule);
  const r = options?.radix;
  let radix: Arbitrary<number>;
  if (r === undefined || typeof r === 'number') {
    const v = r ?? 100000;
    if (!(Number.isFinite(v) && v >= RADIX_LIMITS.min && v <= RADIX_LIMITS.max))
      fail('options.radix', `expected a finite number from ${RADIX_LIMITS.min} to ${RADIX_LIMITS.max.toExponential()} (the radix lifeTable accepts)`, v);
    radix = fc.constant(v);
  } else {
    const { min, max } = resolveRange(r, { min: 1, max: 1e6 }, RADIX_LIMITS, 'options.radix');
    radix = logUniform(min, max);
  }
  return fc
    .tuple(
      mx(options),
      options?.sex ? fc.constant(options.sex) : SEXES_ARB,
      options?.a0Rule ? fc.constant(options.a0Rule) : A0_RULES_ARB,
      options?.axRule ? fc.constant(options.axRule) : AX_RULES_ARB,
      radix,
    )
    .map(([m, sex, a0Rule, axRule, l0]) =>
      width === 1 ? computeLifeTable(m, { sex, width: 1, a0Rule, radix: l0 }) : computeLifeTable(m, { sex, a0Rule, axRule, radix: l0 }),
    );
}

/** The radix `lifeTable` accepts: from 1 to the most persons of any count (1e10, `MAX_PERSONS`). */
const RADIX_LIMITS = Object.freeze({ min: 1, max: MAX_PERSONS } as const);

// ---------------------------------------------------------------------------------------------
// Populations
// ---------------------------------------------------------------------------------------------

/** A generated population: plain arrays (they print readably in counterexamples). */
export interface GeneratedPopulation {
  year: number;
  /** 1 on single years of age; left out on the 5-year grid (ccmpp's default). */
  width?: 1;
  female: number[];
  male: number[];
}

/** Options of {@link population}. */
export interface PopulationOptions {
  /** Open age (multiple of 5 in [5, 130]) or a range of them; default 100. */
  openAge?: number | Range;
  /** 5 (default): 5-year groups 0-4 … openAge+; 1: single years 0, 1, …, openAge − 1 and openAge+. */
  width?: Width;
  /** Base year range (integers); default 1950–2100. */
  year?: Range;
  /** Total persons, both sexes (drawn log-uniformly); default 1e3–1e8. */
  total?: Range;
  /** Let about one group in ten be exactly 0 (default false). */
  emptyGroups?: boolean;
  /** Round every group to whole persons (default false). */
  integers?: boolean;
}

/** Years behind a population (ages 0–149): the open group sums the bins from the open age. */
const POPULATION_YEARS = 150;
/** Half-width of the log-scale noise on each age group of a population. */
const POPULATION_NOISE = 0.3;

/**
 * A population `{ year, female, male }` on the 5-year grid, or `{ year, width: 1, female, male }` on
 * single years (`width: 1`): a stable-like age shape `e^(−r a) l(a)` at each group's mid-age
 * (growth r in [−2 %, 4 %] a year, survival l from a Siler law), each group (each 5-year bin, or
 * each single year) multiplied by e^ε (ε within ±0.3) per sex, scaled to a total drawn
 * log-uniformly. The open group holds everyone from the open age on (ages to 150). Every group is
 * ≥ 0 and finite.
 *
 * @example
 * fc.assert(fc.property(arbitraries.population({ openAge: 85, total: { max: 1e6 } }), (p) => p.female.length === 18))
 * fc.assert(fc.property(arbitraries.population({ openAge: 85, width: 1 }), (p) => p.female.length === 86 && p.width === 1))
 */
export function population(options?: PopulationOptions): Arbitrary<GeneratedPopulation> {
  const width = resolveWidth(options?.width);
  const bins = POPULATION_YEARS / width;
  const year = resolveRange(options?.year, { min: 1950, max: 2100 }, { min: -1e6, max: 1e6 }, 'options.year');
  if (!Number.isInteger(year.min) || !Number.isInteger(year.max)) fail('options.year', 'expected integer years', options?.year);
  const total = resolveRange(options?.total, { min: 1e3, max: 1e8 }, { min: Number.MIN_VALUE, max: 1e15 }, 'options.total');
  const noise = fc.array(towardZero(-POPULATION_NOISE, POPULATION_NOISE), { minLength: bins, maxLength: bins });
  const marks = fc.array(fc.nat({ max: 9 }), { minLength: bins, maxLength: bins });
  const empty: Arbitrary<BySex<number[]> | null> = options?.emptyGroups ? fc.record({ female: marks, male: marks }) : fc.constant(null);
  const integers = options?.integers ?? false;
  return fc
    .record({
      openAge: openAgeArbitrary(options?.openAge),
      year: fc.integer(year),
      total: logUniform(total.min, total.max),
      growth: towardZero(-0.02, 0.04),
      level: uniform(0, 1),
      female: noise,
      male: noise,
      empty,
    })
    .map((p) => {
      const law = lawAt(p.level, [0, 0, 0]);
      const groups = p.openAge / width + 1;
      const shape = (sex: Sex): number[] => {
        const out = new Array<number>(groups).fill(0);
        for (let b = 0; b < bins; b++) {
          const a = width * b + width / 2;
          out[Math.min(b, groups - 1)]! += Math.exp(-p.growth * a - cumulativeHazard(law, a) + p[sex][b]!);
        }
        // Empty groups: the marks shrink towards 0 (not empty); 9 empties a group (about 1 in 10).
        if (p.empty) for (let i = 0; i < groups; i++) if (p.empty[sex][i] === 9) out[i] = 0;
        return out;
      };
      const female = shape('female');
      const male = shape('male');
      let sum = 0;
      for (let i = 0; i < groups; i++) sum += female[i]! + male[i]!;
      const k = sum > 0 ? p.total / sum : 0;
      const scale = (v: number) => (integers ? Math.round(v * k) : v * k);
      return width === 1 ? { year: p.year, width: 1, female: female.map(scale), male: male.map(scale) } : { year: p.year, female: female.map(scale), male: male.map(scale) };
    });
}

// ---------------------------------------------------------------------------------------------
// Fertility
// ---------------------------------------------------------------------------------------------

/** |Σ shares − 1| allowed for a pattern: a sum of 7 (or 35) doubles near 1 is off by a few 1e-16. */
export const PATTERN_SUM_TOLERANCE = 1e-12;

/**
 * A fertility age pattern: 7 shares (15–19 … 45–49), or with `width: 1` 35 shares (single ages
 * 15 … 49), each > 0, summing to 1 within {@link PATTERN_SUM_TOLERANCE}. Shape: a bell
 * `e^(−(i − peak)²/(2 spread²))` over the group index i (peak between 20 and 40 years of age, spread
 * 0.7–2.5 groups; at single ages i is (age − 17) / 5, the 5-year group's index at its mid-age),
 * each share times e^ε (ε within ±0.3), normalised; the largest share is then set to 1 − Σ(others).
 *
 * @example
 * fc.assert(fc.property(arbitraries.fertilityPattern(), (s) => Math.abs(s.reduce((a, b) => a + b) - 1) < 1e-12))
 * fc.assert(fc.property(arbitraries.fertilityPattern({ width: 1 }), (s) => s.length === 35))
 */
export function fertilityPattern(options?: { width?: Width }): Arbitrary<number[]> {
  const width = resolveWidth(options?.width);
  const slots = width === 1 ? FERTILE_AGES : FERTILE_GROUPS;
  // Index of slot j on the scale of the 5-year groups: j itself, or (15 + j + 0.5 − 17.5) / 5 at single ages.
  const at = (j: number) => (width === 1 ? (j - 2) / 5 : j);
  return fc
    .tuple(
      uniform(0.5, 4.5),
      uniform(0.7, 2.5),
      fc.array(towardZero(-0.3, 0.3), { minLength: slots, maxLength: slots }),
    )
    .map(([peak, spread, noise]) => {
      const w = noise.map((e, j) => Math.exp(-((at(j) - peak) ** 2) / (2 * spread * spread) + e));
      const sum = w.reduce((a, b) => a + b, 0);
      const shares = w.map((v) => v / sum);
      let top = 0;
      for (let i = 1; i < shares.length; i++) if (shares[i]! > shares[top]!) top = i;
      let others = 0;
      for (let i = 0; i < shares.length; i++) if (i !== top) others += shares[i]!;
      shares[top] = 1 - others;
      return shares;
    });
}

/**
 * ASFR on a grid of `groups` groups from a TFR and a 7-share pattern: `asfr = tfr · share / 5` in
 * 15–19 … 45–49; or with `width` 1, on single years from a 35-share pattern (ages 15 … 49):
 * `asfr = tfr · share`. On grids whose open age is below 50, the pattern is renormalised over the
 * fertile groups that are closed (the open group never bears children), so the TFR stays exact;
 * with none, every rate is 0. On single years a renormalised rate could pass ccmpp's rule of at most
 * {@link MAX_ASFR} births per woman a year (a TFR of 8 on the five ages of a grid open at 20): the
 * rates are then scaled down together so that the largest is {@link MAX_ASFR}, and the TFR is below
 * the one asked for. Throws an InputError for a TFR that is not finite and ≥ 0, a pattern of the
 * wrong length, fewer than 2 groups or a width other than 1 or 5.
 *
 * @example
 * const asfr = asfrOnGrid(1.5, [0.05, 0.25, 0.35, 0.2, 0.1, 0.04, 0.01], 21);
 * asfr.length                           // 21
 * 5 * asfr.reduce((a, b) => a + b, 0)  // 1.5
 * const single = asfrOnGrid(1.5, new Array(35).fill(1 / 35), 101, 1);
 * [single[14], single[15], single[49], single[50]] // [0, 0.0429, 0.0429, 0]
 */
export function asfrOnGrid(tfrValue: number, pattern: ArrayLike<number>, groups: number, width: Width = 5): number[] {
  if (!(Number.isFinite(tfrValue) && tfrValue >= 0)) fail('tfr', 'expected a finite number >= 0', tfrValue);
  resolveWidth(width, 'width');
  if (!(Number.isInteger(groups) && groups >= 2)) fail('groups', 'expected an integer >= 2', groups);
  if (width === 1) return singleYearAsfr(tfrValue, pattern, groups);
  if (pattern.length !== FERTILE_GROUPS) fail('pattern', `expected ${FERTILE_GROUPS} shares (15-19 … 45-49)`, pattern);
  const asfr = new Array<number>(groups).fill(0);
  let present = 0;
  for (let i = 0; i < FERTILE_GROUPS; i++) if (FIRST_FERTILE + i < groups - 1) present += pattern[i] as number;
  if (present > 0) {
    for (let i = 0; i < FERTILE_GROUPS; i++) {
      const g = FIRST_FERTILE + i;
      if (g < groups - 1) asfr[g] = (tfrValue * (pattern[i] as number)) / present / 5;
    }
  }
  return asfr;
}

/** {@link asfrOnGrid} on single years: `tfr · share` at ages 15 … 49 that are closed, renormalised, capped at {@link MAX_ASFR}. */
function singleYearAsfr(tfrValue: number, pattern: ArrayLike<number>, groups: number): number[] {
  if (pattern.length !== FERTILE_AGES) fail('pattern', `expected ${FERTILE_AGES} shares (single ages 15 … 49)`, pattern);
  const first = 5 * FIRST_FERTILE;
  const asfr = new Array<number>(groups).fill(0);
  let present = 0;
  for (let j = 0; j < FERTILE_AGES; j++) if (first + j < groups - 1) present += pattern[j] as number;
  if (!(present > 0)) return asfr;
  let top = 0;
  for (let j = 0; j < FERTILE_AGES; j++) {
    const x = first + j;
    if (x < groups - 1) {
      asfr[x] = (tfrValue * (pattern[j] as number)) / present;
      if (asfr[x]! > top) top = asfr[x]!;
    }
  }
  // The largest becomes exactly MAX_ASFR (a product and a division could land a hair below or above it).
  if (top > MAX_ASFR) for (let x = 0; x < groups; x++) asfr[x] = asfr[x] === top ? MAX_ASFR : Math.min(MAX_ASFR, (asfr[x]! * MAX_ASFR) / top);
  return asfr;
}

// ---------------------------------------------------------------------------------------------
// Periods
// ---------------------------------------------------------------------------------------------

/** Which net migrants a generated period has. */
export type MigrationKind = 'none' | 'in' | 'any';

/** Options of {@link periodInputs}. */
export interface PeriodInputsOptions {
  /** Open age of the grid (multiple of 5 in [5, 130]) or a range; default 100, or the population's. */
  openAge?: number | Range;
  /**
   * 5 (default, or the population's): a 5-year period on 5-year groups; 1: a one-year period on
   * single years of age (survival by age at arrival from a complete life table, ASFR per single
   * age 15–49, migrants per single age and over the year).
   */
  width?: Width;
  /** Mortality level range of both sexes' laws (see {@link LAW_ANCHORS}). */
  level?: Range;
  /** TFR range; default {@link TFR_RANGE}. */
  tfr?: Range;
  /** SRB range; default {@link SRB_RANGE}. */
  srb?: Range;
  /**
   * 'none' (default): no `netMigrants`. 'in': non-negative net migrants. 'any': either sign, with
   * out-migration bounded by `population` so that no group can go negative.
   */
  migration?: MigrationKind;
  /** The population at the start of the period (its `width`, if any, is the period's); required for 'any', scales 'in' when given. */
  population?: BySex<ArrayLike<number>> & { width?: Width | undefined };
  /** Largest net in-migration of a group, as a share of the group at the start; default 0.2. */
  maxInShare?: number;
  /** Largest net out-migration, as a share of what a group can lose (see {@link periodInputs}); default 0.5, at most 0.9. */
  maxOutShare?: number;
  /** Net in-migrants per group at most, when 'in' is drawn without a population; default 1000. */
  migrantsScale?: number;
  /** Migration timing; default: drawn. */
  timing?: 'even' | 'end';
  /**
   * Gross flows: an out-flow (`outMigration`: persons and a rate per person-year, leaving in
   * proportion to a drawn schedule × the people present) beside in-migrant counts (`inMigrants`,
   * with migration 'in'; 'any' is refused: its net out-migrants by age and an out-flow together
   * could empty a group). Needs `population`: the out-flow is bounded so that no group loses more
   * than `maxShare` of its people in either half of the period (see {@link periodInputs}). Off by default.
   */
  outMigration?: boolean | OutMigrationOptions;
}

/** Options of a generated period's out-flow (see {@link PeriodInputsOptions.outMigration}). */
export interface OutMigrationOptions {
  /** Largest share of a group's people the out-flow takes in either half of the period; default 0.5, at most 0.9. */
  maxShare?: number;
  /** Draw a rate per person-year beside the persons (default true); false: persons only. */
  rate?: boolean;
  /** 'rogers-castro' (ccmpp's standard schedule), 'random' (rates in [0, 1] per group and sex, largest 1) or 'either' (default). */
  schedule?: 'rogers-castro' | 'random' | 'either';
}

/** The drawn out-flow of a period: a budget (share of a group), its split between persons and rate, a schedule. */
interface OutParams {
  /** Largest share of a group taken in either half, in [0, maxShare]. */
  budget: number;
  /** Share of the budget spent on persons (the rest on the rate). */
  split: number;
  /** Rates per sex (largest 1), or null for Rogers–Castro. */
  schedule: BySex<number[]> | null;
}

/** Everything a period is built from (drawn once; the period follows by construction). */
interface PeriodParams {
  openAge: number;
  /** Width of the period and its age groups. */
  width: Width;
  /** How many 5 years the life tables extend beyond the grid's open age (0–4). */
  beyond: number;
  female: MortalityLaw;
  male: MortalityLaw;
  a0Rule: A0Rule;
  axRule: AxRule;
  tfr: number;
  /** 7 shares (width 5) or 35 (width 1). */
  pattern: number[];
  srb: number;
  timing: 'even' | 'end';
  migration: BySex<number[]> | null;
  out: OutParams | null;
}

/** Groups of the largest grid an open-age option (already checked) can produce: the migration draws cover them. */
function maxGroups(option: number | Range | undefined, width: Width): number {
  const A = option === undefined ? DEFAULT_OPEN_AGE : typeof option === 'number' ? option : (option.max ?? MAX_OPEN_AGE);
  return A / width + 1;
}

interface ResolvedPeriodOptions {
  kind: MigrationKind;
  maxIn: number;
  maxOut: number;
  scale: number;
  out: Required<OutMigrationOptions> | null;
}

function resolvePeriodOptions(o: PeriodInputsOptions | undefined): ResolvedPeriodOptions {
  const kind = o?.migration ?? 'none';
  if (kind !== 'none' && kind !== 'in' && kind !== 'any') fail('options.migration', "expected 'none', 'in' or 'any'", kind);
  const maxIn = o?.maxInShare ?? 0.2;
  const maxOut = o?.maxOutShare ?? 0.5;
  const scale = o?.migrantsScale ?? 1000;
  if (!(Number.isFinite(maxIn) && maxIn >= 0)) fail('options.maxInShare', 'expected a finite number >= 0', maxIn);
  if (!(maxOut >= 0 && maxOut <= 0.9)) fail('options.maxOutShare', 'expected a number in [0, 0.9]', maxOut);
  if (!(Number.isFinite(scale) && scale >= 0)) fail('options.migrantsScale', 'expected a finite number >= 0', scale);
  return { kind, maxIn, maxOut, scale, out: resolveOutOptions(o?.outMigration, kind) };
}

function resolveOutOptions(option: boolean | OutMigrationOptions | undefined, kind: MigrationKind): Required<OutMigrationOptions> | null {
  if (option === undefined || option === false) return null;
  if (kind === 'any')
    fail('options.migration', "expected 'none' or 'in' beside outMigration (net out-migrants by age and an out-flow together could empty a group)", kind);
  const o = option === true ? {} : option;
  const maxShare = o.maxShare ?? 0.5;
  if (!(maxShare >= 0 && maxShare <= 0.9)) fail('options.outMigration.maxShare', 'expected a number in [0, 0.9]', maxShare);
  const schedule = o.schedule ?? 'either';
  if (schedule !== 'rogers-castro' && schedule !== 'random' && schedule !== 'either')
    fail('options.outMigration.schedule', "expected 'rogers-castro', 'random' or 'either'", schedule);
  return { maxShare, rate: o.rate ?? true, schedule };
}

/** A schedule of rates per group in [0, 1] with its largest (at a drawn group) exactly 1; shrinks towards a single 1. */
function randomSchedule(slotCount: number): Arbitrary<number[]> {
  return fc.tuple(fc.array(uniform(0, 1), { minLength: slotCount, maxLength: slotCount }), uniform(0, 1)).map(([r, at]) => {
    const out = r.slice();
    out[Math.min(slotCount - 1, Math.floor(at * slotCount))] = 1;
    return out;
  });
}

function outParams(slotCount: number, o: Required<OutMigrationOptions>): Arbitrary<OutParams> {
  const rc = fc.constant<BySex<number[]> | null>(null);
  const random: Arbitrary<BySex<number[]> | null> = fc.record({ female: randomSchedule(slotCount), male: randomSchedule(slotCount) });
  const schedule = o.schedule === 'rogers-castro' ? rc : o.schedule === 'random' ? random : fc.oneof(rc, random);
  return fc.record({ budget: uniform(0, o.maxShare), split: o.rate ? uniform(0, 1).map((v) => 1 - v) : fc.constant(1), schedule });
}

function periodParams(
  openAge: Arbitrary<number>,
  slotCount: number,
  o: PeriodInputsOptions | undefined,
  r: ResolvedPeriodOptions,
  width: Width,
): Arbitrary<PeriodParams> {
  const t = resolveRange(o?.tfr, TFR_RANGE, TFR_LIMITS, 'options.tfr');
  const s = resolveRange(o?.srb, SRB_RANGE, SRB_LIMITS, 'options.srb');
  const law = mortalityLaw({ ...(o?.level ? { level: o.level } : {}) });
  const slots = (lo: number, hi: number) => fc.array(towardZero(lo, hi), { minLength: slotCount, maxLength: slotCount });
  const migration: Arbitrary<BySex<number[]> | null> =
    r.kind === 'none'
      ? fc.constant(null)
      : r.kind === 'in'
        ? fc.record({ female: slots(0, 1), male: slots(0, 1) })
        : fc.record({ female: slots(-1, 1), male: slots(-1, 1) });
  return fc.record({
    openAge,
    width: fc.constant(width),
    beyond: fc.integer({ min: 0, max: 4 }),
    female: law,
    male: law,
    a0Rule: A0_RULES_ARB,
    axRule: AX_RULES_ARB,
    tfr: uniform(t.min, t.max),
    pattern: fertilityPattern({ width }),
    srb: uniform(s.min, s.max),
    timing: o?.timing ? fc.constant(o.timing) : fc.constantFrom<'even' | 'end'>('even', 'end'),
    migration,
    out: r.out ? outParams(slotCount, r.out) : fc.constant(null),
  });
}

/** Builds the period from its parameters; `start` is the population at the start (for migration). */
function buildPeriod(p: PeriodParams, r: ResolvedPeriodOptions, start: BySex<ArrayLike<number>> | undefined): PeriodInputs {
  const groups = p.openAge / p.width + 1;
  const tableOpen = Math.min(p.openAge + 5 * p.beyond, MAX_OPEN_AGE);
  // 5-year: an abridged table and the 5-year ratios. 1-year: a complete table (ax = 0.5 above age 0,
  // so the ax rule drawn is not used) and survival by age at arrival, L0/l0, Lx/Lx−1, T(ω)/T(ω−1).
  const survival = (sex: Sex, law: MortalityLaw) => {
    const lt =
      p.width === 1
        ? computeLifeTable(lawMx(law, tableOpen, 1), { sex, width: 1, a0Rule: p.a0Rule })
        : computeLifeTable(lawMx(law, tableOpen), { sex, a0Rule: p.a0Rule, axRule: p.axRule });
    const { birth, ratios } = p.width === 1 ? survivalRatios(lt, { openAge: p.openAge, width: 1 }) : survivalRatios(lt, { openAge: p.openAge });
    return { birth, ratios: Array.from(ratios) };
  };
  const period: PeriodInputs = {
    survival: { female: survival('female', p.female), male: survival('male', p.male) },
    asfr: asfrOnGrid(p.tfr, p.pattern, groups, p.width),
    srb: p.srb,
    migrationTiming: p.timing,
  };
  if (p.migration) {
    const m = migrantsOf(p.migration, period, r, start, p.width);
    if (p.out) period.inMigrants = m;
    else period.netMigrants = m;
  }
  if (p.out) {
    if (!start) fail('options.population', 'expected the start population with outMigration (it bounds the out-flow)', undefined);
    period.outMigration = outflowOf(p.out, period, start, p.width);
  }
  return period;
}

/** a / b for a, b ≥ 0, with a / 0 = ∞ (no constraint) and 0 / 0 = 0. */
function ratio(a: number, b: number): number {
  return b > 0 ? a / b : a > 0 ? Infinity : 0;
}

/**
 * The out-flow of a period of n years (5, or 1 on single years) from its drawn budget f:
 * `persons = split · f · C_p` and `rate = (1 − split) · f · C_r`, with capacities that keep the share
 * u·r(x) the kernel takes from any group at or below f in both halves (r is scaled so that its
 * largest is 1, so a share is at most u):
 *
 * - start half ('even', h = ½): u_s = h (persons + n·rate·ΣP) / Σ r·P ≤ f when
 *   C_p ≤ Σ r·P / h and C_r ≤ Σ r·P / (n h ΣP);
 * - end half (e = 1 − h): u = e (persons + n·rate·ΣS) / Σ r·S, where Σ r·S (the survivors, newborns
 *   and in-migrants only adding to it) is at least L = (1 − f_s) Σ_x r(x) s(x−1) P(x−1) (the open
 *   group: its two source groups), f_s the start half's share (f under 'even', 0 under 'end'), and
 *   ΣS at most U = ΣP + h·Σ in + γ·B̄ (survival ≤ 1; B̄ = (n/2) Σ asfr (W̄_start + W̄_end), each W̄ the
 *   women there before any out-flow, survival taken as 1; γ the births' survival): C_p ≤ L / e,
 *   C_r ≤ L / (n e U).
 *
 * Only the kernel's n enters (the rate is per person-year, the births are n/2 years of exposure at
 * each end): L, ΣP and Σ in are counts at the start and the end, the same at either width.
 */
function outflowOf(o: OutParams, period: PeriodInputs, start: BySex<ArrayLike<number>>, n: Width): NonNullable<PeriodInputs['outMigration']> {
  const groups = period.asfr.length;
  const rc = o.schedule ? null : Array.from(outMigrationSchedule('rogers-castro', n * (groups - 1), n));
  const schedule = { female: rc ?? o.schedule!.female.slice(0, groups), male: rc ?? o.schedule!.male.slice(0, groups) };
  const h = period.migrationTiming === 'end' ? 0 : 0.5;
  const e = 1 - h;
  const f = o.budget;
  const inF = period.inMigrants?.female;
  const inM = period.inMigrants?.male;
  let Rs = 0;
  let T0 = 0;
  let inAll = 0;
  let L = 0;
  for (const sex of ['female', 'male'] as const) {
    const P = start[sex];
    const r = schedule[sex];
    const s = period.survival[sex].ratios;
    for (let x = 0; x < groups; x++) {
      Rs += r[x]! * (P[x] as number);
      T0 += P[x] as number;
      const m = sex === 'female' ? inF : inM;
      if (m) inAll += m[x] as number;
      if (x >= 1) L += r[x]! * (s[x - 1] as number) * ((P[x - 1] as number) + (x === groups - 1 ? (P[x] as number) : 0));
    }
  }
  L *= 1 - (h > 0 ? f : 0);
  // Births bound: every woman (and in-migrant woman) there at the start and end, survival 1.
  const half = n / 2;
  const Pf = start.female;
  const w = (x: number) => (Pf[x] as number) + (inF ? (inF[x] as number) : 0);
  let Bbar = 0;
  for (let x = 1; x < groups; x++) {
    const atEnd = w(x - 1) + (x === groups - 1 ? w(x) : 0) + (inF ? (inF[x] as number) : 0);
    Bbar += half * (period.asfr[x] as number) * (w(x) + atEnd);
  }
  const phi = femaleBirthShare(period.srb);
  const gamma = phi * period.survival.female.birth + (1 - phi) * period.survival.male.birth;
  const U = T0 + h * inAll + gamma * Bbar;
  const Cp = Math.min(h > 0 ? ratio(Rs, h) : Infinity, ratio(L, e));
  const Cr = Math.min(h > 0 ? ratio(Rs, n * h * T0) : Infinity, ratio(L, n * e * U));
  const persons = o.split * f * (Number.isFinite(Cp) ? Cp : 0);
  const rate = (1 - o.split) * f * (Number.isFinite(Cr) ? Cr : 0);
  return { persons, rate, schedule };
}

/**
 * Net migrants from draws f in [−1, 1] (shrinking towards 0). In-migration (f ≥ 0):
 * `f · maxInShare · P(x)`, or `f · migrantsScale` without a population. Out-migration (f < 0):
 * `f · maxOutShare · C(x)`, where the capacity C(x) is what group x can lose whatever the other
 * groups lose and whatever the timing (half at the start and half at the end, or all at the end):
 * C(x) = min(P(x), s(x−1) P(x−1) / 2) for closed x ≥ 1; C(open) = min(P(open), s (P(open−1) + P(open)) / 2);
 * C(0) = min(P(0), share · birth survival · (n/4) Σ asfr P_female) for a period of n years: the
 * births B = (n/2) Σ asfr (W_start + W_end) are at least (n/2) · 0.55 Σ asfr P_female (women at the
 * start keep at least 55 % of their number, W_end ≥ 0), above (n/4) Σ asfr P_female (1.25 Σ asfr
 * P_female at n = 5, 0.25 Σ asfr P_female at n = 1). With maxOutShare ≤ 0.9, every group keeps at
 * least 5 % of its bound at the start and at the end. The other capacities do not depend on n:
 * migrants and survival ratios are both over the whole period.
 */
function migrantsOf(
  f: BySex<number[]>,
  period: PeriodInputs,
  r: ResolvedPeriodOptions,
  start: BySex<ArrayLike<number>> | undefined,
  n: Width,
): BySex<number[]> {
  const groups = period.asfr.length;
  if (!start) {
    if (r.kind === 'any') fail('options.population', "expected the start population when migration is 'any' (it bounds out-migration)", undefined);
    return { female: f.female.slice(0, groups).map((v) => v * r.scale), male: f.male.slice(0, groups).map((v) => v * r.scale) };
  }
  if (start.female.length !== groups || start.male.length !== groups) {
    fail('options.population', `expected ${groups} groups per sex (the period's grid)`, start.female);
  }
  let exposure = 0;
  for (let x = 0; x < groups; x++) exposure += (period.asfr[x] as number) * (start.female[x] as number);
  const femaleShare = femaleBirthShare(period.srb);
  const quarter = n / 4; // 1.25 at n = 5
  const one = (sex: Sex): number[] => {
    const P = start[sex];
    const s = period.survival[sex].ratios;
    const share = sex === 'female' ? femaleShare : 1 - femaleShare;
    const draws = f[sex];
    const out = new Array<number>(groups);
    for (let x = 0; x < groups; x++) {
      const v = draws[x]!;
      const p = P[x] as number;
      if (v >= 0) {
        out[x] = v * r.maxIn * p;
        continue;
      }
      let capacity: number;
      if (x === 0) capacity = Math.min(p, share * period.survival[sex].birth * quarter * exposure);
      else if (x < groups - 1) capacity = Math.min(p, ((s[x - 1] as number) * (P[x - 1] as number)) / 2);
      else capacity = Math.min(p, ((s[x - 1] as number) * ((P[x - 1] as number) + p)) / 2);
      out[x] = v * r.maxOut * capacity;
    }
    return out;
  };
  return { female: one('female'), male: one('male') };
}

/**
 * A valid `PeriodInputs` for one 5-year period, or with `width: 1` (or a `population` of width 1)
 * one year on single years of age: survival from two generated Siler laws (one per sex) through
 * ccmpp's `lifeTable` and `survivalRatios` (abridged tables, or complete ones at width 1, extending
 * 0–20 years beyond the grid's open age, rules drawn), ASFR = TFR × a generated pattern on the grid
 * (the first group's is 0), SRB in range, timing drawn, and net migrants as asked (see
 * {@link PeriodInputsOptions.migration}). Out-migrants never exceed what a group of `population` can
 * lose, so projecting `population` by the period cannot go negative.
 *
 * With `outMigration` (gross flows), the period has an `outMigration` — persons and a rate per
 * person-year (their split drawn), leaving by a Rogers–Castro or a random schedule — sized from a
 * drawn share f ≤ `maxShare` so that no group loses more than f of its people in either half, and
 * in-migrants (migration 'in') as `inMigrants`. A share of 0 (what fast-check shrinks to) leaves an
 * `outMigration` with no one leaving.
 *
 * @example
 * fc.assert(fc.property(arbitraries.population().chain((p) =>
 *   arbitraries.periodInputs({ population: p, migration: 'any' }).map((period) => ({ p, period }))),
 *   ({ p, period }) => projectCohorts(p, [period]).years.length === 2))
 * fc.assert(fc.property(arbitraries.population().chain((p) =>
 *   arbitraries.periodInputs({ population: p, migration: 'in', outMigration: { maxShare: 0.9 } }).map((period) => ({ p, period }))),
 *   ({ p, period }) => assertHolds(invariants.nonNegative(projectCohorts(p, [period])))))
 * fc.assert(fc.property(arbitraries.population({ width: 1 }).chain((p) =>
 *   arbitraries.periodInputs({ population: p, migration: 'any' }).map((period) => ({ p, period }))),
 *   ({ p, period }) => projectCohorts(p, [period]).years[1] === p.year + 1))
 */
export function periodInputs(options?: PeriodInputsOptions): Arbitrary<PeriodInputs> {
  const r = resolvePeriodOptions(options);
  const start = options?.population;
  const width = resolveWidth(options?.width);
  if (start?.width !== undefined) {
    const w = resolveWidth(start.width, 'options.population.width');
    if (options?.width !== undefined && options.width !== w) fail('options.width', `expected the population's width ${w} (or nothing)`, options.width);
  }
  const n: Width = start?.width ?? width;
  let openAge = openAgeArbitrary(options?.openAge);
  if (start) {
    const A = n * (start.female.length - 1);
    if (start.male.length !== start.female.length) fail('options.population.male', `expected ${start.female.length} groups, as female`, start.male);
    if (options?.openAge !== undefined && options.openAge !== A)
      fail('options.openAge', `expected the population's open age ${A} (or nothing)`, options.openAge);
    openAge = openAgeArbitrary(A, 'options.population (its open age)');
  } else if (r.kind === 'any') {
    fail('options.population', "expected the start population when migration is 'any' (it bounds out-migration)", undefined);
  } else if (r.out) {
    fail('options.population', 'expected the start population with outMigration (it bounds the out-flow)', undefined);
  }
  const slots = start ? start.female.length : maxGroups(options?.openAge, n);
  return periodParams(openAge, slots, options, r, n).map((p) => buildPeriod(p, r, start));
}

/** A base population and the periods that project it. */
export interface ProjectionCase {
  base: GeneratedPopulation;
  periods: PeriodInputs[];
}

/** Options of {@link projectionCase}. */
export interface ProjectionCaseOptions {
  /** Open age of the grid, or a range; default 100. */
  openAge?: number | Range;
  /** 5 (default): 5-year groups and periods; 1: single years of age and one-year periods (the base has `width: 1`). */
  width?: Width;
  /** How many periods; default 1–4 (so 1–4 years at width 1). */
  periods?: Range;
  /** Options of the base population (its open age and width come from `openAge` and `width`). */
  population?: Omit<PopulationOptions, 'openAge' | 'width'>;
  /** Options of every period (grid, width and start population come from the case). */
  period?: Omit<PeriodInputsOptions, 'openAge' | 'population' | 'width'>;
}

/**
 * A base population with 1–4 periods on the same grid: what most projection properties need; with
 * `width: 1`, a base on single years (`width: 1`) and one-year periods. Each period's migrants are
 * bounded by the population at its start (the base projected by the periods before it), so
 * `projectCohorts(base, periods)` never meets a negative group.
 *
 * @example
 * fc.assert(fc.property(arbitraries.projectionCase({ period: { migration: 'any' } }), ({ base, periods }) =>
 *   assertHolds(invariants.balancingIdentity(projectCohorts(base, periods)))))
 * fc.assert(fc.property(arbitraries.projectionCase({ width: 1, periods: { min: 1, max: 10 }, period: { migration: 'any' } }), ({ base, periods }) =>
 *   assertHolds(invariants.balancingIdentity(projectCohorts(base, periods)))))
 */
export function projectionCase(options?: ProjectionCaseOptions): Arbitrary<ProjectionCase> {
  const count = resolveRange(options?.periods, { min: 1, max: 4 }, { min: 0, max: 1000 }, 'options.periods');
  if (!Number.isInteger(count.min) || !Number.isInteger(count.max)) fail('options.periods', 'expected integer counts', options?.periods);
  const width = resolveWidth(options?.width);
  if (count.max * width > MAX_HORIZON) fail('options.periods.max', `expected at most ${MAX_HORIZON / width} periods (${MAX_HORIZON} years, the longest projection)`, count.max);
  for (const part of ['population', 'period'] as const) {
    const w = (options?.[part] as { width?: unknown } | undefined)?.width;
    if (w !== undefined) fail(`options.${part}.width`, "expected nothing (the case's width is options.width)", w);
  }
  const r = resolvePeriodOptions(options?.period);
  openAgeArbitrary(options?.openAge); // checks the option before it sizes the migration draws
  const periodArb = periodParams(fc.constant(0), maxGroups(options?.openAge, width), options?.period, r, width);
  return fc
    .tuple(
      population({ ...options?.population, ...(options?.openAge !== undefined ? { openAge: options.openAge } : {}), ...(width === 1 ? { width } : {}) }),
      fc.array(periodArb, { minLength: count.min, maxLength: count.max }),
    )
    .map(([base, params]) => {
      // The periods take the base's grid (their own open-age draw is a placeholder).
      const openAge = width * (base.female.length - 1);
      const periods: PeriodInputs[] = [];
      let start: BySex<ArrayLike<number>> = base;
      params.forEach((p, t) => {
        const needsStart = r.kind !== 'none' || r.out !== null;
        const period = buildPeriod({ ...p, openAge }, r, needsStart ? start : undefined);
        periods.push(period);
        if (needsStart && t < params.length - 1) {
          // The period is valid by construction: step it unchecked (run still refuses a negative group).
          start = run(base.year + width * t, Float64Array.from(start.female), Float64Array.from(start.male), [compilePeriod(period, width)], {}, undefined, width).population[1]!;
        }
      });
      return { base, periods };
    });
}

// ---------------------------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------------------------

/** Options of {@link path}. */
export interface PathOptions {
  /** Smallest value; default 0. */
  min?: number;
  /** Largest value; default 1. */
  max?: number;
  /** Range of anchor years (integers); default 2015–2100. */
  years?: Range;
  /** How many anchors; default 1–5. */
  anchors?: Range;
  /** 'constant' (a number), 'anchors' (a record) or 'either' (default). */
  form?: 'constant' | 'anchors' | 'either';
}

/**
 * A path over time as ccmpp's scenarios take it: a constant, or anchors `{ year: value }` with
 * integer years in increasing order. Shrinks towards fewer anchors and smaller values.
 *
 * @example
 * fc.sample(arbitraries.path({ min: 0.5, max: 2 }), 2) // e.g. [1.13…, { 2015: 0.71…, 2030: 1.6… }]
 */
export function path(options?: PathOptions): Arbitrary<Path> {
  const min = options?.min ?? 0;
  const max = options?.max ?? 1;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) fail('options.max', `expected a finite number >= min (${min})`, max);
  const years = resolveRange(options?.years, { min: 2015, max: 2100 }, { min: 0, max: 1e6 }, 'options.years');
  if (!Number.isInteger(years.min) || !Number.isInteger(years.max)) fail('options.years', 'expected integer years', options?.years);
  const anchors = resolveRange(options?.anchors, { min: 1, max: 5 }, { min: 1, max: years.max - years.min + 1 }, 'options.anchors');
  const value = uniform(min, max);
  const constant: Arbitrary<Path> = value;
  const record: Arbitrary<Path> = fc
    .uniqueArray(fc.tuple(fc.integer(years), value), {
      selector: ([y]) => y,
      minLength: anchors.min,
      maxLength: anchors.max,
    })
    .map((pairs) => {
      const out: Record<number, number> = {};
      for (const [y, v] of [...pairs].sort((a, b) => a[0] - b[0])) out[y] = v;
      return out;
    });
  const form = options?.form ?? 'either';
  if (form === 'constant') return constant;
  if (form === 'anchors') return record;
  if (form !== 'either') fail('options.form', "expected 'constant', 'anchors' or 'either'", form);
  return fc.oneof(constant, record);
}

/**
 * A TFR path (children per woman), values in {@link TFR_RANGE} unless given.
 *
 * @example
 * fc.sample(arbitraries.tfrPath({ max: 2.1 }), 1)
 */
export function tfrPath(options?: PathOptions): Arbitrary<Path> {
  return path({ ...options, min: options?.min ?? TFR_RANGE.min, max: options?.max ?? TFR_RANGE.max });
}

/**
 * An e0 path (years), values in {@link E0_RANGE} unless given.
 *
 * @example
 * fc.sample(arbitraries.e0Path({ min: 75 }), 1)
 */
export function e0Path(options?: PathOptions): Arbitrary<Path> {
  return path({ ...options, min: options?.min ?? E0_RANGE.min, max: options?.max ?? E0_RANGE.max });
}

/** Default range of a net-migration path, persons per year (either sign). */
export const NET_MIGRATION_RANGE = Object.freeze({ min: -20_000, max: 20_000 } as const);

/**
 * A net-migration path in persons per year (either sign), values in {@link NET_MIGRATION_RANGE}
 * unless given. Shrinks towards the smallest value.
 *
 * @example
 * fc.sample(arbitraries.netMigrationPath({ min: 0 }), 1) // in-migration only
 */
export function netMigrationPath(options?: PathOptions): Arbitrary<Path> {
  return path({ ...options, min: options?.min ?? NET_MIGRATION_RANGE.min, max: options?.max ?? NET_MIGRATION_RANGE.max });
}

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/** Options of {@link scenario}. */
export interface ScenarioOptions {
  /** TFR path range; default 0.5–3 (children per woman). */
  tfr?: Range;
  /**
   * Both-sex e0 range; default 50–84. With the default 4.5-year sex gap the male e0 stays within what
   * the log-quadratic model reaches (about 5–85 years), the female too (about 4–93).
   */
  e0?: Range;
  /**
   * Migration: 'none' (default); a net figure a year, 'in' (0 … max) or 'any' (−max … max), which
   * the Flow-Difference Method turns into gross flows; or 'gross': `inPerYear` (0 … `maxInPerYear`)
   * and `outRate` (0 … `maxOutRate` a year per person present) given directly.
   */
  migration?: ScenarioMigrationKind;
  /** Largest |net migration| a year; default 1,000 persons. Keep it small next to the base population for 'any'. */
  maxNetPerYear?: number;
  /** With 'gross': largest in-migration a year; default `maxNetPerYear`. */
  maxInPerYear?: number;
  /** With 'gross': largest out-migration rate a year; default 0.01 (1 % of the people present a year). */
  maxOutRate?: number;
  /**
   * With 'in' or 'any': draw Flow-Difference parameters for the net figure (default false: the
   * method's default, β0 = β1 = m = 0) — none, or β0 ≤ 0.02, β1 in [0, 1], m ≤ 0.01, modest churn
   * that any base with a few thousand people in its young adult groups can supply.
   */
  flowDifference?: boolean;
  /** Anchor years; default 2015–2050. */
  years?: Range;
}

/** How a generated scenario migrates: a net figure ('in', 'any'), gross flows ('gross') or not at all. */
export type ScenarioMigrationKind = MigrationKind | 'gross';

/** Largest β0 and m the scenario arbitrary draws for the Flow-Difference Method (a year per person). */
export const FLOW_DIFFERENCE_DRAWS = Object.freeze({ beta0: 0.02, m: 0.01 } as const);

/**
 * Flow-Difference parameters (Ševčíková, Raymer & Raftery 2024) for a scenario: β0 in [0, 0.02],
 * β1 in [0, 1], m in [0, 0.01]; shrinks towards no churn.
 *
 * @example
 * fc.sample(arbitraries.flowDifferenceParams(), 1) // e.g. [{ beta0: 0.013…, beta1: 0.42…, m: 0.004… }]
 */
export function flowDifferenceParams(): Arbitrary<FlowDifferenceParams> {
  return fc.record({ beta0: uniform(0, FLOW_DIFFERENCE_DRAWS.beta0), beta1: uniform(0, 1), m: uniform(0, FLOW_DIFFERENCE_DRAWS.m) });
}

/**
 * A whole scenario as `project()` takes it: TFR and both-sex e0 paths (constant or anchors), a
 * fertility pattern (named or 7 shares), SRB, optional migration (Rogers–Castro profile, female share
 * 0.4–0.6, timing 'even' or 'end'): a net figure (with drawn Flow-Difference parameters on request),
 * or with `migration: 'gross'` in-migrants a year and an out-migration rate (out-migrants leave in
 * proportion to the Rogers–Castro rates × the people present). Valid by construction; whether
 * out-migration fits a given base is up to the caller ('any' with a `maxNetPerYear` well below the
 * base population's young adult groups; 'gross' with a `maxOutRate` of a few percent).
 *
 * @example
 * fc.assert(fc.property(arbitraries.scenario(), (s) => project(base, s, { until: 2030 }).years.length === 4))
 * fc.assert(fc.property(arbitraries.scenario({ migration: 'gross' }), (s) => 'outRate' in s.migration!))
 */
export function scenario(options?: ScenarioOptions): Arbitrary<Scenario> {
  const years = options?.years ?? { min: 2015, max: 2050 };
  const tfrRange = options?.tfr ?? { min: 0.5, max: 3 };
  const e0Range = options?.e0 ?? { min: 50, max: 84 };
  const kind = options?.migration ?? 'none';
  if (kind !== 'none' && kind !== 'in' && kind !== 'any' && kind !== 'gross') fail('options.migration', "expected 'none', 'in', 'any' or 'gross'", kind);
  const maxNet = options?.maxNetPerYear ?? 1000;
  if (!(maxNet >= 0)) fail('options.maxNetPerYear', 'expected a finite number >= 0', maxNet);
  const maxIn = options?.maxInPerYear ?? maxNet;
  if (!(maxIn >= 0 && Number.isFinite(maxIn))) fail('options.maxInPerYear', 'expected a finite number >= 0', maxIn);
  const maxRate = options?.maxOutRate ?? 0.01;
  if (!(maxRate >= 0 && maxRate < 1)) fail('options.maxOutRate', 'expected a rate a year in [0, 1)', maxRate);
  if (options?.flowDifference && kind !== 'in' && kind !== 'any') fail('options.flowDifference', "expected migration 'in' or 'any' (the method turns a net figure into gross flows)", kind);
  const common = { femaleShare: uniform(0.4, 0.6), timing: fc.constantFrom('even' as const, 'end' as const) };
  const fdm = options?.flowDifference ? fc.option(flowDifferenceParams(), { nil: undefined }) : fc.constant(undefined);
  const migration: Arbitrary<Scenario['migration']> =
    kind === 'none'
      ? fc.constant(undefined)
      : kind === 'gross'
        ? fc
            .record({
              inPerYear: path({ min: 0, max: maxIn, years }),
              outRate: path({ min: 0, max: maxRate, years }),
              outSchedule: fc.constantFrom<'rogers-castro' | undefined>(undefined, 'rogers-castro'),
              ...common,
            })
            .map(({ outSchedule, ...m }) => (outSchedule ? { ...m, outSchedule } : m))
        : fc
            .record({ netPerYear: path({ min: kind === 'in' ? 0 : -maxNet, max: maxNet, years }), flowDifference: fdm, ...common })
            .map(({ flowDifference, ...m }) => (flowDifference ? { ...m, flowDifference } : m));
  return fc
    .record({
      tfr: path({ ...tfrRange, years }),
      pattern: fc.oneof(fc.constant('china-2015' as const), fertilityPattern()),
      e0: path({ ...e0Range, years }),
      srb: srb(),
      migration,
    })
    .map(({ tfr, pattern, e0, srb: srbValue, migration: m }) => {
      const s: Scenario = { fertility: { tfr, pattern }, mortality: { e0 }, srb: srbValue };
      if (m) s.migration = m;
      return s;
    });
}
