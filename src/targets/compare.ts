import * as z from 'zod/mini';
import { STEP, type Width } from '../ages/grid.js';
import { gridOptionShape } from './context.js';
import type { GraduationMethod } from '../base/graduate.js';
import { parsePopulation, type Population } from '../project/projectCohorts.js';
import { targetVerdict, type TargetAssessment } from './assessTarget.js';
import { checkTargetYear, targetSchema, type Target } from './target.js';
import { fail, InputError } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { year } from '../validate/schemas.js';
import { periodsUntil, project } from '../scenario/project.js';
import type { Scenario } from '../scenario/schema.js';

/** Options of {@link compareScenarios}: the last year, the targets to give a verdict on and the open age. */
export interface CompareOptions {
  /** Last year: the base year plus a multiple of the width (5, or any year at width 1). */
  until: number;
  /** Population targets to give a verdict on, each in a projected year. */
  targets?: Target[];
  /** Open age of the projection grid; default 100. */
  openAge?: number;
  /** Width of the age groups and periods: 5 or 1 (annual steps on single years); default the base's (5). */
  width?: Width;
  /** How a 5-year base is graduated at width 1 (see `project`); default 'sprague'. */
  graduation?: GraduationMethod;
}

/** Total and broad age groups (persons) of one scenario in one year. */
export interface ComparisonYear {
  year: number;
  total: number;
  ages0to14: number;
  ages15to59: number;
  ages60plus: number;
  ages65plus: number;
}

/** One scenario's line of the comparison. */
export interface ComparisonRow {
  name: string;
  /** One entry per year of {@link ScenarioComparison.years}. */
  years: ComparisonYear[];
  /** One verdict per target of {@link ScenarioComparison.targets}: projected ≥ target is reached. */
  verdicts: TargetAssessment[];
}

/** What {@link compareScenarios} returns: one row per scenario, in the order given. */
export interface ScenarioComparison {
  years: number[];
  targets: Target[];
  rows: ComparisonRow[];
}

const optionsSchema = z.strictObject(
  {
    until: year(),
    targets: z.optional(z.array(targetSchema, { error: 'expected an array of targets' })),
    ...gridOptionShape,
  },
  { error: 'expected options { until, targets?, openAge?, width?, graduation? }' },
);

const namedSchema = z.array(
  z.looseObject(
    { name: z.string({ error: 'expected a name' }).check(z.minLength(1, { error: 'expected a non-empty name' })), scenario: z.unknown() },
    { error: 'expected { name, scenario }' },
  ),
  { error: 'expected an array of { name, scenario } or a record of name → scenario' },
);

/**
 * Projects every scenario from the same base and lays the results side by side: per scenario and
 * year the total and the broad age groups (0–14, 15–59, 60+, 65+), and per target a verdict
 * `{ year, target, projected, gap = projected − target, reached = projected ≥ target }` (as
 * `assessTarget` gives it). Scenarios come as `{ name, scenario }[]` (e.g. from {@link variants})
 * or a record name → scenario; a bad scenario is reported under its name, e.g.
 * `scenarios.high.srb: expected males per 100 female births from 80 to 150 (…), got -1`.
 *
 * @example
 * const c = compareScenarios(base, variants(plan), { until: 2030, targets: [{ year: 2030, population: 2_600_000 }] });
 * c.rows.map((r) => [r.name, r.verdicts[0]?.gap]) // how far each variant falls short of 2.6 million
 */
export function compareScenarios(
  base: Population,
  scenarios: readonly { name: string; scenario: Scenario }[] | Record<string, Scenario>,
  options: CompareOptions,
): ScenarioComparison {
  const b = parsePopulation(base);
  const o = parseWith(optionsSchema, options, 'options');
  const list: { name: string; scenario: unknown; path: string }[] = Array.isArray(scenarios)
    ? parseWith(namedSchema, scenarios, 'scenarios').map((s, i) => ({ name: s.name, scenario: s.scenario, path: `scenarios[${i}].scenario` }))
    : scenarios !== null && typeof scenarios === 'object'
      ? Object.entries(scenarios).map(([name, scenario]) => ({ name, scenario, path: `scenarios.${name}` }))
      : fail('scenarios', 'expected an array of { name, scenario } or a record of name → scenario', scenarios);
  if (list.length === 0) fail('scenarios', 'expected at least one scenario', scenarios);
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.name)) fail(`scenarios[${i}].name`, 'expected names that differ', s.name);
    seen.add(s.name);
  });
  const width = o.width ?? b.width ?? STEP;
  periodsUntil(b.year, o.until, 'options.until', width);
  const targets = (o.targets ?? []).map((t) => ({ year: t.year, population: t.population }));
  targets.forEach((t, i) => checkTargetYear(t, b.year, o.until, `options.targets[${i}].year`, width));
  const projectOptions = { until: o.until, width, ...(o.openAge === undefined ? {} : { openAge: o.openAge }), ...(o.graduation === undefined ? {} : { graduation: o.graduation }) };
  const rows = list.map(({ name, scenario, path }): ComparisonRow => {
    let p: ReturnType<typeof project>;
    try {
      p = project(b, scenario as Scenario, projectOptions);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(e.issues.map((iss) => ({ ...iss, path: iss.path ? `${path}.${iss.path}` : path })));
      throw e;
    }
    const years = p.indicators.years.map(({ year, total, ages0to14, ages15to59, ages60plus, ages65plus }) => ({ year, total, ages0to14, ages15to59, ages60plus, ages65plus }));
    const verdicts = targets.map((t): TargetAssessment => targetVerdict(t, years[(t.year - b.year) / width]!.total));
    return { name, years, verdicts };
  });
  return { years: rows[0]!.years.map((y) => y.year), targets, rows };
}
