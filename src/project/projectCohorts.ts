import * as z from 'zod/mini';
import { total } from '../ages/broad.js';
import { ageGroupLabel, STEP, type Width } from '../ages/grid.js';
import type { BySex, Sex } from '../types.js';
import { InputError } from '../validate/errors.js';
import { ValidationMemo } from '../validate/memo.js';
import { parseWith } from '../validate/parse.js';
import { MAX_HORIZON, MAX_OPEN_AGE, numbers, persons, widthValue, year } from '../validate/schemas.js';
import { Arena } from './arena.js';
import { hasOutflow, BIRTHS_F, BIRTHS_M, DEATHS_F, DEATHS_M, OUT_F, OUT_M, step, TOTALS_SIZE, WORST_GROUP, WORST_SEX, WORST_SHARE, type KernelPeriod } from './kernel.js';
import { compilePeriod, periodInputsSchema, type PeriodInputs } from './periodInputs.js';

/**
 * A population by sex and age group (persons) at a year: 5-year groups 0-4, 5-9, …, the last one open
 * (the default, `width` 5), or single years 0, 1, …, openAge − 1 and openAge+ (`width` 1).
 */
export type Population = { year: number; width?: Width | undefined } & BySex<ArrayLike<number>>;

/** What {@link projectCohorts} returns. */
export interface CohortProjection {
  /** Width of the age groups and periods, in years (5 or 1). */
  width: Width;
  /** base, base + n, … (n = width). */
  years: number[];
  /** One per year. */
  population: BySex<Float64Array>[];
  /** One per period. */
  births: BySex<number>[];
  deaths: BySex<number>[];
  /** In-migrants − out-migrants, per period and sex. */
  netMigrants: BySex<number>[];
  /** In-migrants per period and sex (Σ of `migrants[t].in`). */
  inMigrants: BySex<number>[];
  /** Out-migrants per period and sex (Σ of `migrants[t].out`). */
  outMigrants: BySex<number>[];
  /**
   * Migrants of each period by sex and group (the group index of the grid, as net migrants are
   * given): in-migrants, and out-migrants (rate-based out-flow, plus the negative part of net
   * migrants given by age). `in − out` is the net by group.
   */
  migrants: { in: BySex<Float64Array>; out: BySex<Float64Array> }[];
}

export const populationSchema = z
  .object(
    {
      year: year(),
      female: numbers(persons()).check(
        z.refine((v) => v.length >= 2 && v.length <= MAX_OPEN_AGE + 1, { error: `expected from 2 to ${MAX_OPEN_AGE + 1} age groups (open age at most ${MAX_OPEN_AGE})` }),
      ),
      male: numbers(persons()),
      width: z.optional(widthValue()),
    },
    { error: 'expected a population { year, female, male, width? }' },
  )
  .check(
    z.superRefine((p, ctx) => {
      const w = p.width ?? STEP;
      if (w === 5 && p.female.length > MAX_OPEN_AGE / 5 + 1)
        ctx.addIssue({ code: 'custom', path: ['female'], message: `expected from 2 to ${MAX_OPEN_AGE / 5 + 1} 5-year groups (open age at most ${MAX_OPEN_AGE}; single years need width: 1)`, input: p.female });
      if (p.male.length !== p.female.length)
        ctx.addIssue({ code: 'custom', path: ['male'], message: 'expected as many male as female groups', input: p.male });
    }),
  );

const bases = new ValidationMemo<z.output<typeof populationSchema>>();

/** Validates a base population (remembered for the same, unchanged object: see ValidationMemo). */
export function parsePopulation(base: unknown, path = 'base'): z.output<typeof populationSchema> {
  return bases.get(base, () => parseWith(populationSchema, base, path));
}

/**
 * Projects a population by the cohort-component method, one period per entry of `periods`: 5 years
 * on 5-year groups, or one year per period when `base.width` is 1 (single years of age, as UN WPP
 * 2022+). Per sex, exactly: P(t+n) = P(t) + births − deaths + netMigrants (the balancing identity).
 * See `step` (src/project/kernel.ts) for the step itself (Preston, Heuveline & Guillot 2001, Box 6.2;
 * at width 1 the same algebra with n = 1, as ccmppWPP's `project_ccmpp_z_by_z`).
 * Throws an InputError naming the field for a bad base or period, and for migrants that would take
 * more people than a group holds.
 *
 * @example
 * const out = projectCohorts({ year: 2015, female, male }, [period, period, period]);
 * out.years // [2015, 2020, 2025, 2030]
 */
export function projectCohorts(base: Population, periods: readonly PeriodInputs[]): CohortProjection {
  const b = parsePopulation(base);
  const groups = b.female.length;
  const width = b.width ?? STEP;
  const ps = parseWith(
    z.array(periodInputsSchema(groups), { error: 'expected an array of periods' }).check(
      z.maxLength(MAX_HORIZON / width, { error: `expected at most ${MAX_HORIZON / width} periods (${MAX_HORIZON} years, the longest projection)` }),
    ),
    periods,
    'periods',
  );
  return run(b.year, b.female, b.male, ps.map((p) => compilePeriod(p, width)), {}, undefined, width);
}

/** Where an impossible out-migration is reported: the path of the offending input. */
type MigrantsPath = (period: number, sex: Sex, group: number) => string;

const periodsPath: MigrantsPath = (t, sex, x) => `periods[${t}].netMigrants.${sex}[${x}]`;

/** How a caller takes part in {@link run}. */
export interface RunHooks {
  /** Path of the input blamed for a group that migrants' counts would make negative. */
  pathOf?: MigrantsPath;
  /** Called before period `t`'s step with the population at its start (e.g. to set flows that depend on it). */
  beforeStep?: (t: number, pf: Float64Array, pm: Float64Array, k: KernelPeriod) => void;
  /**
   * The error for period `t` when its rate-based out-flow takes more people than a group holds
   * (`totals` as the failed step left them); default: names `periods[t].outMigration`.
   */
  outflowError?: (t: number, pf: Float64Array, pm: Float64Array, k: KernelPeriod, totals: Float64Array) => InputError;
}

/** Numbers {@link run} takes from its arena: populations, and migrants by age per period. */
export function runSize(groups: number, periods: number): number {
  return 2 * groups * (periods + 1) + 4 * groups * periods;
}

/**
 * Unchecked projection over compiled periods of `width` years (each `k.width` must be `width`; the
 * start arrays are not modified). Populations and migrants by age are views into `arena`, which must
 * hold {@link runSize} numbers.
 */
export function run(
  year: number,
  female: ArrayLike<number>,
  male: ArrayLike<number>,
  periods: readonly KernelPeriod[],
  hooks: RunHooks = {},
  arena: Arena = new Arena(runSize(female.length, periods.length)),
  width: Width = STEP,
): CohortProjection {
  const groups = female.length;
  const f0 = arena.take(groups);
  const m0 = arena.take(groups);
  f0.set(female);
  m0.set(male);
  const out: CohortProjection = {
    width,
    years: [year],
    population: [{ female: f0, male: m0 }],
    births: [],
    deaths: [],
    netMigrants: [],
    inMigrants: [],
    outMigrants: [],
    migrants: [],
  };
  const totals = new Float64Array(TOTALS_SIZE);
  let pf = out.population[0]!.female;
  let pm = out.population[0]!.male;
  periods.forEach((k, t) => {
    const nf = arena.take(groups);
    const nm = arena.take(groups);
    const start = year + width * t;
    hooks.beforeStep?.(t, pf, pm, k);
    if (!step(pf, pm, k, nf, nm, totals)) {
      if (totals[WORST_SHARE]! > 1) throw (hooks.outflowError ?? defaultOutflowError)(t, pf, pm, k, totals);
      throw negativeError(t, start, pf, pm, k, nf, nm, hooks.pathOf ?? periodsPath);
    }
    const inF = arena.take(groups);
    const inM = arena.take(groups);
    const outF = arena.take(groups);
    const outM = arena.take(groups);
    const flows = hasOutflow(k);
    // Without migrants the four arrays stay as the arena gives them: zeros.
    const migrants = flows || k.mf !== null || k.mm !== null;
    if (migrants) {
      split(k.mf, flows ? k.out!.byAgeF : undefined, inF, outF);
      split(k.mm, flows ? k.out!.byAgeM : undefined, inM, outM);
    }
    const sIn = migrants ? { female: total(inF), male: total(inM) } : { female: 0, male: 0 };
    const sOut = migrants ? { female: total(outF), male: total(outM) } : { female: 0, male: 0 };
    out.years.push(start + width);
    out.population.push({ female: nf, male: nm });
    out.births.push({ female: totals[BIRTHS_F]!, male: totals[BIRTHS_M]! });
    out.deaths.push({ female: totals[DEATHS_F]!, male: totals[DEATHS_M]! });
    out.netMigrants.push({ female: netOf(k.mf, totals[OUT_F]!), male: netOf(k.mm, totals[OUT_M]!) });
    out.inMigrants.push(sIn);
    out.outMigrants.push(sOut);
    out.migrants.push({ in: { female: inF, male: inM }, out: { female: outF, male: outM } });
    pf = nf;
    pm = nm;
  });
  return out;
}

/** In and out by group: counts split by sign (net by age given), plus the rate-based out-flow. */
function split(counts: Float64Array | null, rateOut: Float64Array | undefined, into: Float64Array, out: Float64Array): void {
  for (let x = 0; x < into.length; x++) {
    const c = counts ? counts[x]! : 0;
    into[x] = c > 0 ? c : 0;
    out[x] = (c < 0 ? -c : 0) + (rateOut ? rateOut[x]! : 0);
  }
}

/** Net migrants of a sex: its counts (as given, so the sum is the one asked for) less the rate-based out-flow. */
function netOf(counts: Float64Array | null, outflow: number): number {
  return (counts ? total(counts) : 0) - outflow;
}

const defaultOutflowError: NonNullable<RunHooks['outflowError']> = (t, pf, _pm, k, totals) => {
  const group = totals[WORST_GROUP]!;
  const where =
    group < 0
      ? 'no group with people in it has an out-migration rate above 0 to take them from'
      : `it would take ${shareText(totals[WORST_SHARE]!)} of the ${totals[WORST_SEX] === 1 ? 'male' : 'female'} ${ageGroupLabel(group, pf.length, k.width)} group`;
  return new InputError([{ path: `periods[${t}].outMigration`, rule: `expected an out-flow the population can supply (${where})`, value: undefined }]);
};

/** "1.37 times the people" for an out-flow share above 1. */
function shareText(share: number): string {
  return Number.isFinite(share) ? `${share.toFixed(2)} times the people` : 'more people than there are';
}

/** Names the period, sex and group where out-migration would take more people than there are. */
function negativeError(
  t: number,
  start: number,
  pf: Float64Array,
  pm: Float64Array,
  k: KernelPeriod,
  nf: Float64Array,
  nm: Float64Array,
  pathOf: MigrantsPath,
): InputError {
  const groups = pf.length;
  const when = `${start}-${start + k.width}`;
  // With a rate-based out-flow, the start half's out-migrants have left before the counts join.
  const flows = hasOutflow(k);
  for (const [sex, p, mig, end] of [
    ['female', flows ? k.out!.startF : pf, k.mf, nf],
    ['male', flows ? k.out!.startM : pm, k.mm, nm],
  ] as [Sex, Float64Array, Float64Array | null, Float64Array][]) {
    for (let x = 0; x < groups; x++) {
      const m = mig ? mig[x]! : 0;
      const atStart = p[x]! + k.startShare * m;
      const where = atStart < 0 ? `at the start of ${when}` : end[x]! < 0 ? `at the end of ${when}` : '';
      if (where) {
        const left = atStart < 0 ? atStart : end[x]!;
        return new InputError([
          {
            path: pathOf(t, sex, x),
            rule: `expected no more net out-migrants than the ${sex} ${ageGroupLabel(x, groups, k.width)} group holds ${where} (it would hold ${left.toFixed(1)})`,
            value: m,
          },
        ]);
      }
    }
  }
  return new InputError([{ path: `periods[${t}]`, rule: 'expected a projection without negative groups', value: undefined }]);
}
