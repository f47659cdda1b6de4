import { populationTotal } from '../ages/broad.js';
import { emptyLifeTable, type LifeTable } from '../lifetable/compute.js';
import { fillSurvivalRatios } from '../lifetable/survival.js';
import type { KernelPeriod } from '../project/kernel.js';
import {
  compileScenario,
  copyLevels,
  fillFertility,
  fillMigration,
  periodLevels,
  periodTotals,
  solveForE0,
  stepPeriod,
  type CompiledScenario,
  type PeriodLevels,
} from '../scenario/compile.js';
import { AGES_0_14, AGES_15_59, AGES_60_64, AGES_65_PLUS, broadSums, FEMALE, MALE } from '../indicators/yearIndicators.js';
import { compilePeriods, projectCompiled, type Projection } from '../scenario/project.js';
import { outflowError } from '../scenario/outflowError.js';
import type { ParsedScenario } from '../scenario/schema.js';
import { reaches, type Target } from '../targets/target.js';
import { SEXES, type Sex } from '../types.js';
import { InputError } from '../validate/errors.js';
import { bisectFeasible } from '../solve/feasible.js';
import { binningFromPilot, emptyAccumulator, record, SERIES_COUNT, type Accumulator, type Binning } from './accumulator.js';
import { fillNormals, streamFor } from './rng.js';
import { buildSurvivalTable, interpolateSurvival, type SurvivalTable } from './survivalTable.js';
import { perStep, tfrDeviation, type ResolvedUncertainty } from './uncertainty.js';
import type { Width } from '../ages/grid.js';

/** How survival follows a drawn e0: interpolated from a table of exact solves, or solved exactly each time. */
export type MortalityPath = 'interpolated' | 'exact';

/**
 * Everything a Monte Carlo engine needs, validated and plain (structured-clonable: it is what a
 * worker thread receives). Two engines built from equal specs compute bit-identical trajectories.
 */
export interface EngineSpec {
  base: { year: number; female: number[]; male: number[] };
  scenario: ParsedScenario;
  uncertainty: ResolvedUncertainty;
  periods: number;
  openAge: number;
  /** Width of the age groups and periods (5 or 1); the base is on this grid already. */
  width: Width;
  mortality: MortalityPath;
  seed: number;
  targets: Target[];
}

/**
 * Half-width of the survival tables, in standard deviations of the e0 walk at the last period. A
 * draw beyond it (probability about 1e-15) is solved exactly.
 */
const TABLE_HALF_WIDTH_SD = 8;

/** Bisection steps to the feasible bound of a migration draw: 2^-50 of the gap (far below a person). */
const BOUND_STEPS = 50;

/** Trajectories of the pilot run that sets the histogram ranges (the first ones by index). */
export const PILOT_TRAJECTORIES = 1024;

/** Which value slot holds series `series` of year index `y`. */
export const slotOf = (y: number, series: number) => y * SERIES_COUNT + series;

/**
 * The Monte Carlo engine: the scenario compiled once, its deterministic projection, scratch arrays,
 * and one trajectory at a time on preallocated Float64Arrays with the cohort-component kernel
 * (`step`), without validation or allocation beyond one generator object per trajectory.
 */
export class Engine {
  readonly spec: EngineSpec;
  readonly compiled: CompiledScenario;
  /** The deterministic projection (every σ = 0), exactly as `project()` computes it. */
  readonly deterministic: Projection;
  readonly years: number[];
  readonly slots: number;
  private readonly levels: PeriodLevels[];
  private readonly work: KernelPeriod[];
  private readonly baseF: Float64Array;
  private readonly baseM: Float64Array;
  /** The broad sums of one population ({@link broadSums}), rewritten for each: this engine's own. */
  private readonly sums = new Float64Array(6);
  private readonly bufF: [Float64Array, Float64Array];
  private readonly bufM: [Float64Array, Float64Array];
  private readonly totals = periodTotals();
  private readonly normals: Float64Array;
  private readonly tables: [SurvivalTable, SurvivalTable] | null;
  private readonly exactTables: [LifeTable, LifeTable];
  private readonly baseValues: Float64Array;
  private readonly targetSlots: Int32Array;
  private readonly targetPopulations: Float64Array;
  /** e0 draws beyond the model's reach since the last reset. */
  outOfReach = 0;
  /** Periods (trajectory × period) whose drawn net migration the population could not supply, held at the feasible bound, since the last reset. */
  migrationAtBound = 0;
  private readonly levelDraw: PeriodLevels;
  /** The uncertainty of one step (the 5-year parameters brought to annual steps at width 1: {@link perStep}). */
  private readonly step: ResolvedUncertainty;

  constructor(spec: EngineSpec) {
    this.spec = spec;
    const { uncertainty: u, periods: P, openAge } = spec;
    // With migration uncertainty, a scenario without migration has 0 net migrants a year.
    const scenario =
      u.migration.sigma > 0 && spec.scenario.migration === undefined ? { ...spec.scenario, migration: { netPerYear: 0 } } : spec.scenario;
    const c = compileScenario(scenario, openAge, spec.width);
    this.step = perStep(u, spec.width);
    this.compiled = c;
    const b = { year: spec.base.year, female: Float64Array.from(spec.base.female), male: Float64Array.from(spec.base.male) };
    this.deterministic = projectCompiled(c, b, P);
    this.years = this.deterministic.years;
    this.slots = (P + 1) * SERIES_COUNT;
    // The deterministic projection's rates (the same compile, so σ = 0 reproduces it bit for bit).
    const periods = compilePeriods(c, b, P);
    this.levels = periods.levels;
    this.work = periods.kernels;
    const first = periods.levels[0] ?? periodLevels(c, spec.base.year);
    this.levelDraw = copyLevels(first);
    const start = this.deterministic.population[0]!;
    this.baseF = start.female;
    this.baseM = start.male;
    const G = c.groups;
    this.bufF = [new Float64Array(G), new Float64Array(G)];
    this.bufM = [new Float64Array(G), new Float64Array(G)];
    this.normals = new Float64Array(3 * P);
    this.exactTables = [emptyLifeTable(c.rows.female, c.width), emptyLifeTable(c.rows.male, c.width)];
    this.baseValues = new Float64Array(SERIES_COUNT);
    seriesOf(this.baseF, this.baseM, this.sums, this.baseValues, 0, c.width);
    this.targetSlots = Int32Array.from(spec.targets, (t) => slotOf((t.year - spec.base.year) / spec.width, 0));
    this.targetPopulations = Float64Array.from(spec.targets, (t) => t.population);

    if (u.e0.sigma > 0 && P > 0 && spec.mortality === 'interpolated') {
      const reach = TABLE_HALF_WIDTH_SD * this.step.e0.sigma * Math.sqrt(P);
      const table = (sex: Sex) => {
        let lo = Infinity;
        let hi = -Infinity;
        for (const lv of this.levels) {
          lo = Math.min(lo, lv.e0[sex]);
          hi = Math.max(hi, lv.e0[sex]);
        }
        return buildSurvivalTable(c.spec[sex], c.rows[sex], openAge, lo - reach, hi + reach, c.width);
      };
      this.tables = [table('female'), table('male')];
    } else this.tables = null;
  }

  /**
   * Simulates trajectory `index` and writes its value slots (years × series) into `out`.
   * Model (see `uncertaintySchema`): TFR + d, d an additive AR(1) kept above a floor by truncation; e0 + w, w a random walk; net
   * migration + σε, turned into gross flows with the scenario's own (from the population at the
   * period's start, as `project()` does); then the kernel step per period. A draw whose out-flow the
   * population cannot supply runs at the feasible bound instead and is counted ({@link migrationAtBound}).
   * `visit`, if given, sees the population at the end of each period t (year index t + 1); the
   * arrays are the engine's scratch: read them, do not keep them.
   */
  trajectory(index: number, out: Float64Array, visit?: (t: number, female: Float64Array, male: Float64Array) => void): void {
    const { periods: P } = this.spec;
    const u = this.step;
    const c = this.compiled;
    const z = this.normals;
    fillNormals(streamFor(this.spec.seed, index), z, 3 * P);
    const sTfr = u.tfr.sigma;
    const rho = u.tfr.rho;
    const sE0 = u.e0.sigma;
    const sMig = u.migration.sigma;
    out.set(this.baseValues, 0);
    let d = 0;
    let w = 0;
    let pf = this.baseF;
    let pm = this.baseM;
    for (let t = 0; t < P; t++) {
      const k = this.work[t]!;
      const lv = this.levels[t]!;
      if (sTfr > 0) {
        d = tfrDeviation(d, z[3 * t]!, lv.tfr, sTfr, rho);
        fillFertility(c, lv.tfr + d, k);
      }
      if (sE0 > 0) {
        w += sE0 * z[3 * t + 1]!;
        k.bf = this.survival(0, lv.e0.female + w, k.sf);
        k.bm = this.survival(1, lv.e0.male + w, k.sm);
      }
      const nf = this.bufF[t & 1]!;
      const nm = this.bufM[t & 1]!;
      if (c.migration) {
        const P0 = populationTotal(pf, pm);
        const draw = this.levelDraw;
        draw.netPerYear = lv.netPerYear + (sMig > 0 ? sMig * z[3 * t + 2]! : 0);
        draw.inPerYear = lv.inPerYear;
        draw.outRate = lv.outRate;
        if (!stepPeriod(c, draw, P0, k, pf, pm, nf, nm, this.totals)) this.atBound(index, t, pf, pm, k, nf, nm, P0);
      } else stepPeriod(c, lv, 0, k, pf, pm, nf, nm, this.totals);
      seriesOf(nf, nm, this.sums, out, (t + 1) * SERIES_COUNT, c.width);
      visit?.(t, nf, nm);
      pf = nf;
      pm = nm;
    }
  }

  /** Survival for a drawn e0: interpolated where the table allows, else an exact solve (held at the model's bound beyond its reach, counted). */
  private survival(sex: 0 | 1, e0: number, ratios: Float64Array): number {
    if (this.tables) {
      const birth = interpolateSurvival(this.tables[sex], e0, ratios);
      if (birth === birth) return birth;
    }
    const lt = this.exactTables[sex];
    if (!solveForE0(this.compiled.spec[SEXES[sex]], e0, lt)) this.outOfReach++;
    return fillSurvivalRatios(lt, this.spec.openAge, ratios, this.compiled.width);
  }

  /**
   * A period whose net migration (the scenario's plus the draw) asks for more out-migrants than a
   * group holds: it runs at the largest feasible net out-migration instead, found by bisection on the
   * kernel step between the drawn net (infeasible) and max(the scenario's net, 0) (checked feasible
   * first), and it is counted. Feasibility is monotone in the net figure: a lower one means fewer
   * in-migrants and more out-migrants (Flow-Difference Method, β1 ≤ 1). If the flows at max(the
   * scenario's net, 0) are already more than this trajectory's population can supply (gross flows
   * given directly, or flow-difference churn, on a population the earlier draws changed), no net
   * figure is to blame and nothing is held: it is an error, as in `project()`.
   */
  private atBound(index: number, t: number, pf: Float64Array, pm: Float64Array, k: KernelPeriod, nf: Float64Array, nm: Float64Array, P0: number): void {
    const draw = this.levelDraw;
    const own = this.levels[t]!;
    const bad = draw.netPerYear;
    const start = own.netPerYear < 0 ? 0 : own.netPerYear;
    const c = this.compiled;
    const feasible = (net: number) => {
      draw.netPerYear = net;
      return stepPeriod(c, draw, P0, k, pf, pm, nf, nm, this.totals);
    };
    if (!feasible(start)) throw this.ownFlowsError(index, t, pf, pm, k, P0);
    draw.netPerYear = bisectFeasible(feasible, start, bad, BOUND_STEPS);
    stepPeriod(c, draw, P0, k, pf, pm, nf, nm, this.totals);
    this.migrationAtBound++;
  }

  /** The error for a period whose own flows (no migration draw) this trajectory's population cannot supply. */
  private ownFlowsError(index: number, t: number, pf: Float64Array, pm: Float64Array, k: KernelPeriod, P0: number): InputError {
    const lv = this.levels[t]!;
    // outflowError names the period, the group and the bound on this trajectory's population.
    fillMigration(this.compiled, lv, P0, k);
    const e = outflowError(this.compiled, lv.from, lv, pf, pm, k);
    return new InputError(
      e.issues.map((issue) => ({
        ...issue,
        rule: `${issue.rule} on trajectory ${index} (its draws left fewer people there than the scenario's own flows take)`,
      })),
    );
  }

  /** Ranges of the histograms from the pilot: trajectories 0 … min(N, PILOT_TRAJECTORIES) − 1. */
  pilot(trajectories: number): Binning {
    const n = Math.min(trajectories, PILOT_TRAJECTORIES);
    const min = new Float64Array(this.slots).fill(Infinity);
    const max = new Float64Array(this.slots).fill(-Infinity);
    const v = new Float64Array(this.slots);
    const before = this.outOfReach;
    const beforeBound = this.migrationAtBound;
    for (let i = 0; i < n; i++) {
      this.trajectory(i, v);
      for (let s = 0; s < v.length; s++) {
        if (v[s]! < min[s]!) min[s] = v[s]!;
        if (v[s]! > max[s]!) max[s] = v[s]!;
      }
    }
    this.outOfReach = before;
    this.migrationAtBound = beforeBound;
    return binningFromPilot(min, max);
  }

  /**
   * Runs trajectories [from, to) into `acc` (default: a fresh accumulator) and returns it. With
   * `kept` (one array per year, indexed by trajectory − from), also keeps each trajectory's total.
   * Running [a, b) then [b, c) into one accumulator records the same values in the same order as
   * running [a, c): the statistics are the same bit for bit.
   */
  run(from: number, to: number, binning: Binning, kept?: Float64Array[], acc: Accumulator = emptyAccumulator(this.slots, this.targetSlots.length)): Accumulator {
    const v = new Float64Array(this.slots);
    const ts = this.targetSlots;
    const tp = this.targetPopulations;
    this.outOfReach = 0;
    this.migrationAtBound = 0;
    for (let i = from; i < to; i++) {
      this.trajectory(i, v);
      record(acc, binning, v);
      for (let j = 0; j < ts.length; j++) if (reaches(v[ts[j]!]!, tp[j]!)) acc.targetCounts[j]!++;
      if (kept) for (let y = 0; y < kept.length; y++) kept[y]![i - from] = v[y * SERIES_COUNT]!;
    }
    acc.e0OutOfReach += this.outOfReach;
    acc.migrationAtBound += this.migrationAtBound;
    return acc;
  }
}

/**
 * The series of one population (total, 0–14, 15–59, 60+, 65+), from the sums `yearIndicators`
 * uses, so that a trajectory without uncertainty reproduces `project()`'s indicators bit for bit.
 */
function seriesOf(pf: Float64Array, pm: Float64Array, sums: Float64Array, out: Float64Array, at: number, width: Width): void {
  broadSums(pf, pm, sums, 0, width);
  out[at] = sums[FEMALE]! + sums[MALE]!;
  out[at + 1] = sums[AGES_0_14]!;
  out[at + 2] = sums[AGES_15_59]!;
  out[at + 3] = sums[AGES_60_64]! + sums[AGES_65_PLUS]!;
  out[at + 4] = sums[AGES_65_PLUS]!;
}
