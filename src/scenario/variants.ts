import * as z from 'zod/mini';
import { DEFAULT_SEX_GAP, splitE0Unchecked } from '../mortality/sexSplit.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { positive, year } from '../validate/schemas.js';
import { DEFAULT_SRB } from './compile.js';
import { anchorsOf, valueAt, type Path } from './path.js';
import { parseScenario, type ParsedScenario, type Scenario } from './schema.js';

/** The variants {@link variants} returns, in this order. */
export type VariantName = 'medium' | 'high' | 'low' | 'constant-fertility' | 'constant-mortality' | 'zero-migration';

/** A scenario with its name. */
export interface NamedScenario<N extends string = string> {
  name: N;
  /** What the variant assumes, in one line. */
  description: string;
  scenario: Scenario;
}

/** Options of {@link variants}: the base year the constant variants hold, and the TFR shift of the high and low variants. */
export interface VariantsOptions {
  /**
   * Base year whose values the constant variants hold. Without it, each held path is held at its
   * starting value (its value at and before its first anchor; a constant path's value) — the
   * base-year value whenever the path's first anchor is the base year, as plans write it — and a
   * both-sex e0 is split with the sex gap and SRB of the e0 path's first anchor year.
   */
  baseYear?: number;
  /** TFR difference of the high and low variants; default 0.5 children per woman (UN). */
  fertilityShift?: number;
}

/** The UN's difference between the high (low) and the medium fertility variant: half a child. */
const DEFAULT_FERTILITY_SHIFT = 0.5;

const optionsSchema = z.strictObject(
  { baseYear: z.optional(year()), fertilityShift: z.optional(positive()) },
  { error: 'expected options { baseYear?, fertilityShift? }' },
);

/** Every anchor of a path moved by `delta` (so every period average moves by exactly `delta`). */
function shifted(path: Path, delta: number): Path {
  if (typeof path === 'number') return path + delta;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(path)) out[k] = v + delta;
  return out;
}

/** A path's value at `year`, or without a year its starting value. */
function heldValue(path: Path, at: number | undefined): number {
  const a = anchorsOf(path);
  return at === undefined ? a.values[0]! : valueAt(a, at);
}

/** The first anchor year of a path (undefined for a constant). */
function firstYear(path: Path): number | undefined {
  return typeof path === 'number' ? undefined : anchorsOf(path).years[0];
}

/**
 * The UN-style set of deterministic variants of a scenario (UN World Population Prospects 2019,
 * "Definition of projection variants"), each a complete scenario:
 *
 * - `medium`: the scenario as given;
 * - `high` / `low`: TFR + / − 0.5 (`fertilityShift`) from the first projection period on: every
 *   anchor of the TFR path is shifted, so every period's TFR is the medium one ± 0.5 exactly (the
 *   UN phases the half child in over the first period; here it applies from the first, as issue 5
 *   asks). A low variant that would take TFR below 0 anywhere is an error naming the anchor, not
 *   a TFR floored at 0;
 * - `constant-fertility`: TFR held at its base-year value;
 * - `constant-mortality`: female and male e0 held at their base-year values (a both-sex e0 is split
 *   once with the base-year sex gap and SRB, e0F = e0 + gap·srb/(100 + srb), e0M = e0F − gap, so the
 *   sexes' e0 stay fixed whatever the SRB path does);
 * - `zero-migration`: no net migration.
 *
 * Everything else (pattern, model, SRB, migration profile) is the medium scenario's.
 *
 * @example
 * variants({ fertility: { tfr: { 2015: 0.71, 2030: 1.8 }, pattern: 'china-2015' }, mortality: { e0: 78.75 } })
 *   .map((v) => [v.name, v.scenario.fertility.tfr])
 * // [['medium', {2015: 0.71, 2030: 1.8}], ['high', {2015: 1.21, 2030: 2.3}], ['low', {2015: 0.21, 2030: 1.3}],
 * //  ['constant-fertility', 0.71], ['constant-mortality', {2015: 0.71, 2030: 1.8}], ['zero-migration', {…}]]
 */
export function variants(scenario: Scenario, options: VariantsOptions = {}): NamedScenario<VariantName>[] {
  const s = parseScenario(scenario);
  const o = parseWith(optionsSchema, options, 'options');
  const shift = o.fertilityShift ?? DEFAULT_FERTILITY_SHIFT;
  const at = o.baseYear;
  const tfr = s.fertility.tfr as Path;

  const low = shifted(tfr, -shift);
  const lowValues = typeof low === 'number' ? { '': low } : low;
  for (const [k, v] of Object.entries(lowValues)) {
    if (v < 0) {
      fail(
        `scenario.fertility.tfr${k === '' ? '' : `.${k}`}`,
        `expected a TFR of at least ${shift} so that the low variant (TFR − ${shift}) stays >= 0 (or a smaller options.fertilityShift)`,
        v + shift,
      );
    }
  }
  const withTfr = (path: Path): ParsedScenario => ({ ...s, fertility: { ...s.fertility, tfr: path } });

  const m = s.mortality;
  let e0: { female: number; male: number };
  if (typeof m.e0 === 'object' && 'female' in m.e0) {
    e0 = { female: heldValue(m.e0.female as Path, at), male: heldValue(m.e0.male as Path, at) };
  } else {
    const both = m.e0 as Path;
    const year = at ?? firstYear(both);
    const pick = (p: Path) => (year === undefined ? heldValue(p, undefined) : valueAt(anchorsOf(p), year));
    const gap = pick((m.sexGap ?? DEFAULT_SEX_GAP) as Path);
    const srb = pick((s.srb ?? DEFAULT_SRB) as Path);
    e0 = splitE0Unchecked(pick(both), gap, srb);
  }
  const { sexGap: _gap, ...mortality } = m;
  const constantMortality: ParsedScenario = { ...s, mortality: { ...mortality, e0 } };
  const { migration: _migration, ...zeroMigration } = s;

  const when = at === undefined ? 'its starting value' : `its ${at} value`;
  return [
    { name: 'medium', description: 'the scenario as given', scenario: s },
    { name: 'high', description: `TFR + ${shift} in every period`, scenario: withTfr(shifted(tfr, shift)) },
    { name: 'low', description: `TFR − ${shift} in every period`, scenario: withTfr(low) },
    { name: 'constant-fertility', description: `TFR held at ${when}`, scenario: withTfr(heldValue(tfr, at)) },
    { name: 'constant-mortality', description: `female and male e0 held at ${when}`, scenario: constantMortality },
    { name: 'zero-migration', description: 'no net migration', scenario: zeroMigration },
  ];
}
