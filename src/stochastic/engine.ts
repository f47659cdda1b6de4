import { STEP } from '../ages/grid.js';
import { FERTILE_GROUPS, FIRST_FERTILE_GROUP } from '../fertility/layout.js';
import { emptyLifeTable, type LifeTable } from '../lifetable/compute.js';
import { fillSurvivalRatios } from '../lifetable/survival.js';
import { fillNetMigrants } from '../migration/netMigrants.js';
import { solveLifeTableForE0 } from '../mortality/solveE0.js';
import { step, type KernelPeriod } from '../project/kernel.js';
import { compilePeriod } from '../project/periodInputs.js';
import { compileScenario, E0_JUMP_TOLERANCE, periodLevels, type CompiledScenario, type PeriodLevels } from '../scenario/compile.js';
import { AGES_0_14, AGES_15_59, AGES_60_64, AGES_65_PLUS, broadSums, FEMALE, MALE } from '../scenario/indicators.js';
import { projectCompiled, type Projection } from '../scenario/project.js';
import type { ParsedScenario } from '../scenario/schema.js';
import type { Target } from '../targets/target.js';
import type { Sex } from '../types.js';
import { InputError } from '../validate/errors.js';
import { binningFromPilot, emptyAccumulator, record, SERIES_COUNT, type Accumulator, type Binning } from './accumulator.js';
import { fillNormals, streamFor } from './rng.js';
import { buildSurvivalTable, interpolateSurvival, type SurvivalTable } from './survivalTable.js';
import type { ResolvedUncertainty } from './uncertainty.js';

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
  mortality: MortalityPath;
  seed: number;
  targets: Target[];
}

/**
 * Half-width of the survival tables, in standard deviations of the e0 walk at the last period. A
 * draw beyond it (probability about 1e-15) is solved exactly.
 */
const TABLE_HALF_WIDTH_SD = 8;

/** Trajectories of the pilot run that sets the histogram ranges (the first ones by index). */
export const PILOT_TRAJECTORIES = 1024;

const SEXES: readonly Sex[] = ['female', 'male'];

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
  private readonly bufF: [Float64Array, Float64Array];
  private readonly bufM: [Float64Array, Float64Array];
  private readonly totals = new Float64Array(4);
  private readonly normals: Float64Array;
  private readonly tables: [SurvivalTable, SurvivalTable] | null;
  private readonly exactTables: [LifeTable, LifeTable];
  private readonly baseValues: Float64Array;
  private readonly targetSlots: Int32Array;
  private readonly targetPopulations: Float64Array;
  /** e0 draws beyond the model's reach since the last reset. */
  outOfReach = 0;

  constructor(spec: EngineSpec) {
    this.spec = spec;
    const { uncertainty: u, periods: P, openAge } = spec;
    // With migration uncertainty, a scenario without migration has 0 net migrants a year.
    const scenario =
      u.migration.sigma > 0 && spec.scenario.migration === undefined ? { ...spec.scenario, migration: { netPerYear: 0 } } : spec.scenario;
    const c = compileScenario(scenario, openAge);
    this.compiled = c;
    const b = { year: spec.base.year, female: Float64Array.from(spec.base.female), male: Float64Array.from(spec.base.male) };
    this.deterministic = projectCompiled(c, b, P);
    this.years = this.deterministic.years;
    this.slots = (P + 1) * SERIES_COUNT;
    this.levels = Array.from({ length: P }, (_, t) => periodLevels(c, spec.base.year + STEP * t));
    this.work = this.deterministic.periods.map(compilePeriod);
    const start = this.deterministic.population[0]!;
    this.baseF = start.female;
    this.baseM = start.male;
    const G = c.groups;
    this.bufF = [new Float64Array(G), new Float64Array(G)];
    this.bufM = [new Float64Array(G), new Float64Array(G)];
    this.normals = new Float64Array(3 * P);
    this.exactTables = [emptyLifeTable(c.rows.female), emptyLifeTable(c.rows.male)];
    this.baseValues = new Float64Array(SERIES_COUNT);
    seriesOf(this.baseF, this.baseM, this.baseValues, 0);
    this.targetSlots = Int32Array.from(spec.targets, (t) => slotOf((t.year - spec.base.year) / STEP, 0));
    this.targetPopulations = Float64Array.from(spec.targets, (t) => t.population);

    if (u.e0.sigma > 0 && P > 0 && spec.mortality === 'interpolated') {
      const reach = TABLE_HALF_WIDTH_SD * u.e0.sigma * Math.sqrt(P);
      const table = (sex: Sex) => {
        let lo = Infinity;
        let hi = -Infinity;
        for (const lv of this.levels) {
          lo = Math.min(lo, lv.e0[sex]);
          hi = Math.max(hi, lv.e0[sex]);
        }
        return buildSurvivalTable(c.spec[sex], c.rows[sex], openAge, lo - reach, hi + reach);
      };
      this.tables = [table('female'), table('male')];
    } else this.tables = null;
  }

  /**
   * Simulates trajectory `index` and writes its value slots (years × series) into `out`.
   * Model (see `uncertaintySchema`): TFR × exp(d), d an AR(1); e0 + w, w a random walk; net
   * migration + σε; then the kernel step per period.
   */
  trajectory(index: number, out: Float64Array): void {
    const { uncertainty: u, periods: P } = this.spec;
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
        d = rho * d + sTfr * z[3 * t]!;
        // fillAsfrFromTfr's arithmetic on the fertile groups only (the others stay 0).
        const perYear = (lv.tfr * Math.exp(d)) / STEP;
        for (let i = 0; i < FERTILE_GROUPS; i++) k.asfr[FIRST_FERTILE_GROUP + i] = perYear * c.pattern[i]!;
      }
      if (sE0 > 0) {
        w += sE0 * z[3 * t + 1]!;
        k.bf = this.survival(0, lv.e0.female + w, k.sf);
        k.bm = this.survival(1, lv.e0.male + w, k.sm);
      }
      let net = lv.netPerYear;
      if (sMig > 0) {
        net += sMig * z[3 * t + 2]!;
        fillNetMigrants(STEP * net, c.migration!.femaleShare, c.migration!.shares, k.mf!, k.mm!);
      }
      const nf = this.bufF[t & 1]!;
      const nm = this.bufM[t & 1]!;
      if (!step(pf, pm, k, nf, nm, this.totals)) throw this.negative(index, t, net);
      seriesOf(nf, nm, out, (t + 1) * SERIES_COUNT);
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
    const r = solveLifeTableForE0(e0, this.compiled.spec[SEXES[sex]!], lt);
    if (r.status !== 'reachable' && !(r.inJump && Math.abs(r.achieved - e0) <= E0_JUMP_TOLERANCE)) this.outOfReach++;
    return fillSurvivalRatios(lt, this.spec.openAge, ratios);
  }

  private negative(index: number, t: number, net: number): InputError {
    const from = this.spec.base.year + STEP * t;
    return new InputError([
      {
        path: 'uncertainty.migration.sigma',
        rule: `expected migration draws that leave no age group with fewer than 0 people (trajectory ${index}, ${from}-${from + STEP}: ${Math.round(net)} net migrants a year)`,
        value: this.spec.uncertainty.migration.sigma,
      },
    ]);
  }

  /** Ranges of the histograms from the pilot: trajectories 0 … min(N, PILOT_TRAJECTORIES) − 1. */
  pilot(trajectories: number): Binning {
    const n = Math.min(trajectories, PILOT_TRAJECTORIES);
    const min = new Float64Array(this.slots).fill(Infinity);
    const max = new Float64Array(this.slots).fill(-Infinity);
    const v = new Float64Array(this.slots);
    const before = this.outOfReach;
    for (let i = 0; i < n; i++) {
      this.trajectory(i, v);
      for (let s = 0; s < v.length; s++) {
        if (v[s]! < min[s]!) min[s] = v[s]!;
        if (v[s]! > max[s]!) max[s] = v[s]!;
      }
    }
    this.outOfReach = before;
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
    for (let i = from; i < to; i++) {
      this.trajectory(i, v);
      record(acc, binning, v);
      for (let j = 0; j < ts.length; j++) if (v[ts[j]!]! >= tp[j]!) acc.targetCounts[j]!++;
      if (kept) for (let y = 0; y < kept.length; y++) kept[y]![i - from] = v[y * SERIES_COUNT]!;
    }
    acc.e0OutOfReach += this.outOfReach;
    return acc;
  }
}

/**
 * The series of one population (total, 0–14, 15–59, 60+, 65+), from the sums `yearIndicators`
 * uses, so that a trajectory without uncertainty reproduces `project()`'s indicators bit for bit.
 */
function seriesOf(pf: Float64Array, pm: Float64Array, out: Float64Array, at: number): void {
  broadSums(pf, pm, sums, 0);
  out[at] = sums[FEMALE]! + sums[MALE]!;
  out[at + 1] = sums[AGES_0_14]!;
  out[at + 2] = sums[AGES_15_59]!;
  out[at + 3] = sums[AGES_60_64]! + sums[AGES_65_PLUS]!;
  out[at + 4] = sums[AGES_65_PLUS]!;
}
const sums = new Float64Array(6);
