import * as z from 'zod/mini';
import { DEFAULT_OPEN_AGE, STEP, type Width } from '../ages/grid.js';
import type { GraduationMethod } from '../base/graduate.js';
import { parsePopulation, type Population } from '../project/projectCohorts.js';
import { graduationMethodSchema, onWidth, periodsUntil, projectionOpenAgeSchema } from '../scenario/project.js';
import { parseScenario, type Scenario } from '../scenario/schema.js';
import { checkTargetYear, reaches, targetSchema, type Target } from '../targets/target.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { finite, widthValue, year } from '../validate/schemas.js';
import { countAtLeast, meanOf, quantilesOf, SERIES, type Accumulator, type Binning, type SeriesName } from './accumulator.js';
import { Engine, slotOf, type EngineSpec, type MortalityPath } from './engine.js';
import { MAX_STREAMS } from './rng.js';
import { objectError, resolveUncertainty, uncertaintySchema, type ResolvedUncertainty, type Uncertainty } from './uncertainty.js';
import { wilsonInterval, type ProportionInterval } from './wilson.js';

/** Quantile levels reported by default: 2.5, 10, 50, 90 and 97.5 % (the UN's 95 % and 80 % intervals and the median). */
const DEFAULT_QUANTILES: readonly number[] = [0.025, 0.1, 0.5, 0.9, 0.975];

/**
 * Most trajectories in one simulation: 10 million. The Monte Carlo standard error of a probability
 * is then at most 1/(2√N) ≈ 0.00016; more trajectories add nothing a planner can read and run for
 * many minutes (streams are keyed by a 32-bit index and histogram counts are 32-bit, so the hard
 * ceiling is 2^32 − 1).
 */
const MAX_TRAJECTORIES = Math.min(10_000_000, MAX_STREAMS - 1);

/** Options of {@link simulate}: how many trajectories, the seed, the last year, and what to keep and report. */
export interface SimulateOptions {
  /** Number of trajectories (1 … 10,000,000). */
  trajectories: number;
  /** Seed: an integer in [0, 2^53). The same seed gives bit-identical results. */
  seed: number;
  /** Last year: the base year plus a multiple of the width (5, or any year at width 1). */
  until: number;
  /** Width of the age groups and periods: 5 or 1 (annual steps on single years, as `project`); default the base's (5). */
  width?: Width;
  /** How a 5-year base is graduated at width 1 (see `project`); default 'sprague'. */
  graduation?: GraduationMethod;
  /** Quantile levels in (0, 1); default [0.025, 0.1, 0.5, 0.9, 0.975]. */
  quantiles?: number[];
  /** Keep every trajectory's total per year (memory grows with trajectories: 8 bytes × years × trajectories). */
  keep?: boolean;
  /** Open age of the projection grid; default 100. */
  openAge?: number;
  /** Targets whose probability is counted exactly during the run (others are answered from the histogram). */
  targets?: Target[];
  /** 'interpolated' (default): survival from a table of exact e0 solves; 'exact': an e0 solve per draw. */
  mortality?: MortalityPath;
  /**
   * Called after each chunk of 1,000 trajectories (and after the last, with
   * done = total), for a progress display. It changes nothing in the results; an error it throws
   * stops the simulation and propagates (a way to cancel). Not part of the JSON-shaped options
   * that `simulateOptionsSchema` validates: it is checked to be a function.
   */
  onProgress?: (done: number, total: number) => void;
}

/** Trajectories between two {@link SimulateOptions.onProgress} calls: a few milliseconds of work for a city-sized projection. */
export const PROGRESS_CHUNK = 1000;

/** Summary of one series (persons) in one year over all trajectories. */
export interface SeriesSummary {
  /** The deterministic projection of the scenario (every σ = 0). */
  deterministic: number;
  mean: number;
  min: number;
  max: number;
  /** One estimate per quantile level (the k-th smallest value, k = max(1, ⌈q·N⌉)). */
  quantiles: number[];
  /**
   * Largest possible error of the quantile estimates, persons: the histogram's bin width (about
   * 5e-4 of the trajectories' standard deviation), more only where a quantile fell outside the
   * histogram's range.
   */
  resolution: number;
}

/** The series of one year. */
export type SimulationYear = { year: number } & Record<SeriesName, SeriesSummary>;

/** P(total ≥ target) with its 95 % Wilson interval on the Monte Carlo error. */
export interface TargetProbability extends ProportionInterval {
  year: number;
  population: number;
  /**
   * True when the count of trajectories reaching the target is exact (a target listed in
   * `options.targets`, kept totals, or a target no trajectory lies close to). Otherwise up to one
   * histogram bin of trajectories is undecided: p takes them as evenly spread, and the interval
   * runs from the Wilson lower bound with all of them short to the upper bound with all reaching.
   */
  exact: boolean;
}

/** What {@link simulate} returns. */
export interface Simulation {
  trajectories: number;
  seed: number;
  quantileLevels: number[];
  /** The uncertainty used, defaults filled in. */
  uncertainty: ResolvedUncertainty;
  mortality: MortalityPath;
  years: SimulationYear[];
  /**
   * e0 draws (period × sex) beyond what the mortality model reaches; each was held at the model's
   * bound (e.g. log-quadratic males top out near 85.8 years). 0 unless the walk strays far.
   */
  e0OutOfReach: number;
  /**
   * Periods (trajectory × period) whose drawn net migration — the scenario's net plus the draw —
   * asked for more out-migrants than some age group held then; each ran at the largest net
   * out-migration that group could supply instead (found by bisection on the kernel step; the group
   * is left with about 0 people), so no population goes negative and nothing is clamped silently.
   * Counted over all trajectories (the pilot run is not counted twice) and the same, like every
   * statistic, for `simulateParallel` (`ccmpp/parallel`). 0 unless the migration σ is a large share of the
   * population (out-migrants leave in proportion to the people present, so a group empties only
   * when a period's out-migrants approach the schedule-weighted population: for a city of 2.4
   * million, a σ of tens of thousands a year). Gross flows the scenario gives
   * directly (`inPerYear`, `outRate`) are never held: if a trajectory's population cannot supply
   * them, `simulate` throws an InputError naming the trajectory and period, as `project()` would.
   */
  migrationAtBound: number;
  /** With `keep: true`: each year's total per trajectory (index = trajectory). */
  totals?: Float64Array[];
  /** P(total in target.year ≥ target.population) — reached means projected ≥ target, as in `assessTarget`. */
  probability(target: Target): TargetProbability;
}

const optionsShape = {
  trajectories: finite().check(
    z.refine((n) => Number.isInteger(n) && n >= 1 && n <= MAX_TRAJECTORIES, {
      error: `expected an integer from 1 to ${MAX_TRAJECTORIES}`,
    }),
  ),
  seed: finite().check(z.refine((n) => Number.isSafeInteger(n) && n >= 0, { error: 'expected an integer from 0 to 2^53 - 1' })),
  until: year(),
  quantiles: z.optional(
    z
      .array(finite().check(z.gt(0, { error: 'expected a level in (0, 1)' }), z.lt(1, { error: 'expected a level in (0, 1)' })), {
        error: 'expected an array of quantile levels',
      })
      .check(z.minLength(1, { error: 'expected at least one quantile level' })),
  ),
  keep: z.optional(z.boolean({ error: 'expected true or false' })),
  openAge: z.optional(projectionOpenAgeSchema),
  width: z.optional(widthValue()),
  graduation: z.optional(graduationMethodSchema),
  targets: z.optional(z.array(targetSchema, { error: 'expected an array of targets' })),
  mortality: z.optional(z.enum(['interpolated', 'exact'], { error: "expected 'interpolated' or 'exact'" })),
};

export const simulateOptionsSchema = z.strictObject(optionsShape, {
  error: objectError('expected options { trajectories, seed, until, quantiles?, keep?, openAge?, width?, graduation?, targets?, mortality? }'),
});

/** Validated inputs of a simulation. */
export interface Prepared {
  spec: EngineSpec;
  trajectories: number;
  levels: number[];
  keep: boolean;
}

/** Validates the public inputs (shared by simulate and simulateParallel). */
export function prepare(base: Population, scenario: Scenario, uncertainty: Uncertainty, o: z.output<typeof simulateOptionsSchema>): Prepared {
  const b = parsePopulation(base);
  const s = parseScenario(scenario);
  const u = resolveUncertainty(parseWith(uncertaintySchema, uncertainty, 'uncertainty'));
  const width = o.width ?? b.width ?? STEP;
  const periods = periodsUntil(b.year, o.until, 'options.until', width);
  const targets = o.targets ?? [];
  targets.forEach((t, i) => checkTargetYear(t, b.year, o.until, `options.targets[${i}].year`, width));
  const g = onWidth(b, width, o.graduation);
  return {
    spec: {
      base: { year: b.year, female: Array.from(g.female), male: Array.from(g.male) },
      width,
      scenario: s,
      uncertainty: u,
      periods,
      openAge: o.openAge ?? DEFAULT_OPEN_AGE,
      mortality: o.mortality ?? 'interpolated',
      seed: o.seed,
      targets: targets.map((t) => ({ year: t.year, population: t.population })),
    },
    trajectories: o.trajectories,
    levels: o.quantiles ?? [...DEFAULT_QUANTILES],
    keep: o.keep ?? false,
  };
}

/** Builds the public result from merged statistics. */
export function summarize(p: Prepared, engine: Engine, acc: Accumulator, binning: Binning, kept: Float64Array[] | undefined): Simulation {
  const { spec, levels } = p;
  const years = engine.years.map((year, y) => {
    const det = engine.deterministic.indicators.years[y]!;
    const row = { year } as SimulationYear;
    SERIES.forEach((name, k) => {
      const s = slotOf(y, k);
      const q = quantilesOf(acc, binning, s, levels);
      row[name] = {
        deterministic: det[name],
        mean: meanOf(acc, binning, s),
        min: acc.min[s]!,
        max: acc.max[s]!,
        quantiles: q.values,
        resolution: Math.max(...q.bounds),
      };
    });
    return row;
  });
  const N = acc.trajectories;
  const baseYear = spec.base.year;
  const until = baseYear + spec.width * spec.periods;
  const listed = spec.targets;
  const counts = Float64Array.from(acc.targetCounts);
  const sim: Simulation = {
    trajectories: N,
    seed: spec.seed,
    quantileLevels: [...levels],
    uncertainty: spec.uncertainty,
    mortality: spec.mortality,
    years,
    e0OutOfReach: acc.e0OutOfReach,
    migrationAtBound: acc.migrationAtBound,
    probability(target: Target): TargetProbability {
      const t = parseWith(targetSchema, target, 'target');
      checkTargetYear(t, baseYear, until, 'target.year', spec.width);
      const y = (t.year - baseYear) / spec.width;
      const exact = (k: number): TargetProbability => ({ year: t.year, population: t.population, ...wilsonInterval(k, N), exact: true });
      const i = listed.findIndex((l) => l.year === t.year && l.population === t.population);
      if (i >= 0) return exact(counts[i]!);
      if (kept) {
        let k = 0;
        const totals = kept[y]!;
        for (let j = 0; j < totals.length; j++) if (reaches(totals[j]!, t.population)) k++;
        return exact(k);
      }
      const c = countAtLeast(acc, binning, slotOf(y, 0), t.population);
      if (c.low === c.high) return exact(c.low);
      return {
        year: t.year,
        population: t.population,
        p: c.estimate / N,
        lower: wilsonInterval(c.low, N).lower,
        upper: wilsonInterval(c.high, N).upper,
        exact: false,
      };
    },
  };
  if (kept) sim.totals = kept;
  return sim;
}

/**
 * Monte Carlo around a scenario: `trajectories` projections whose TFR, e0 and net migration deviate
 * from the scenario's paths as `uncertainty` says (see `uncertaintySchema`: TFR + an additive AR(1), e0 +
 * random walk, migration + normal noise; defaults from bayesTFR and bayesLife, migration given as in
 * the UN's probabilistic projections), each run by the cohort-component kernel. Everything else is
 * held at the scenario's: the fertility pattern, SRB, the mortality model and sex gap, and the
 * migration's age profile, sex share, timing, out-migration schedule, flow-difference parameters and
 * gross flows (`inPerYear`, `outRate`); the drawn net figure becomes gross flows as `project()` turns
 * the scenario's into them, from each period's start population. A draw asking for more
 * out-migrants than a group holds runs at the feasible bound and is counted
 * (`migrationAtBound`). Per year: quantiles,
 * mean, min and max of the total and of the broad age groups (0–14, 15–59, 60+, 65+), and
 * `probability(target)` = P(total ≥ target) with a 95 % Wilson interval.
 *
 * Reproducible: trajectory i draws from its own stream keyed by (seed, i) (xoroshiro128+ from
 * pure-rand), and the statistics are exact integer counts and sums, so the same seed gives
 * bit-identical results however the work is split (`simulateParallel`, in `ccmpp/parallel`, equals this).
 * Streaming: memory does not grow with trajectories (histograms of 2^16 32-bit counts: about
 * 1.3 MB per projected year for its 5 series) unless `keep` asks for the raw totals.
 *
 * Quantiles come from a 2^16-bin histogram per year and series whose range a pilot run of the first
 * 1024 trajectories sets (about ±16 σ): each estimate is within `resolution` (one bin, about 5e-4 σ)
 * of the exact order statistic. Survival for a drawn e0 is interpolated (cubic) from a table of
 * exact solves, checked to 1e-9 in every interval it is used in (`mortality: 'exact'` solves each
 * draw instead). With every σ = 0 every trajectory equals `project()` bit for bit.
 *
 * @example
 * const sim = simulate(yingkou.base2015, yingkou.scenarios.plan, {}, { trajectories: 100_000, seed: 1, until: 2030 });
 * sim.years.at(-1)?.total.quantiles            // the 2030 total's 2.5 %, 10 %, 50 %, 90 % and 97.5 % quantiles
 * sim.probability({ year: 2030, population: 2_600_000 }) // { p, lower, upper, exact, … }
 * // With a progress display (the same results, bit for bit):
 * simulate(base, scenario, {}, { trajectories: 100_000, seed: 1, until: 2030, onProgress: (done, total) => bar.update(done / total) });
 */
export function simulate(base: Population, scenario: Scenario, uncertainty: Uncertainty, options: SimulateOptions): Simulation {
  const { onProgress, rest } = progressOption(options);
  const o = parseWith(simulateOptionsSchema, rest, 'options');
  const p = prepare(base, scenario, uncertainty, o);
  const engine = new Engine(p.spec);
  const N = p.trajectories;
  const binning = engine.pilot(N);
  const kept = p.keep ? engine.years.map(() => new Float64Array(N)) : undefined;
  if (!onProgress) return summarize(p, engine, engine.run(0, N, binning, kept), binning, kept);
  // In chunks, into one accumulator: the same values recorded in the same order as one run.
  let acc: Accumulator | undefined;
  for (let from = 0; from < N; from += PROGRESS_CHUNK) {
    const to = Math.min(N, from + PROGRESS_CHUNK);
    acc = engine.run(from, to, binning, kept?.map((k) => k.subarray(from, to)), acc);
    onProgress(to, N);
  }
  return summarize(p, engine, acc!, binning, kept);
}

/**
 * Splits `onProgress` (a function, which the JSON-shaped zod schema does not describe) off the
 * options and checks it; the rest goes to the options' schema (`simulate`'s, `yingkouReport`'s).
 */
export function progressOption(options: unknown): { onProgress: ((done: number, total: number) => void) | undefined; rest: unknown } {
  if (options === null || typeof options !== 'object' || !('onProgress' in options)) return { onProgress: undefined, rest: options };
  const { onProgress, ...rest } = options as { onProgress?: unknown };
  if (onProgress !== undefined && typeof onProgress !== 'function') fail('options.onProgress', 'expected a function (done, total) => void', onProgress);
  return { onProgress: onProgress as ((done: number, total: number) => void) | undefined, rest };
}
