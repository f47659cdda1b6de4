import { z } from 'zod';
import { GRADUATION_METHODS } from '../base/graduate.js';
import { SEXES } from '../types.js';

/**
 * The JSON the command prints with `--format json` (and writes to `--out`), one zod schema per
 * command: the documentation and the test of that output (test/cli/json.test.ts validates real
 * output against them; `ccmpp schema <name>-output` prints them as JSON Schema). Every document
 * starts with `format` — `ccmpp.<command>/<major>` — whose major version changes only when a field
 * is removed or changes meaning; new fields may be added within a version.
 *
 * Numbers are JSON numbers at full double precision; persons are not rounded. A number JSON cannot
 * hold (NaN, e.g. the median age of an empty population) is written as null.
 */

const int = () => z.number().int();
const num = () => z.number().nullable();
const persons = () => z.number().describe('persons');
/** Width of the age groups and periods, in years: 5, or 1 (single years of age, annual steps). */
const widthValue = () => z.union([z.literal(5), z.literal(1)]);
const width = () =>
  widthValue().describe("width of the age groups and periods, in years: 5 (groups '0-4' … and 5-year steps) or 1 (single years '0', '1', … and annual steps)");
/** The grid options given on the command line (`--width`, `--graduation`); each absent when not given. */
const gridInputs = {
  width: widthValue().optional().describe('--width, as given (absent: the base’s width)'),
  graduation: z.enum(GRADUATION_METHODS).optional().describe('--graduation, as given: how the 5-year base became single years'),
};

/** Indicators of a population at one year (`YearIndicators`). */
const yearIndicatorsSchema = z
  .strictObject({
    year: int(),
    total: persons(),
    female: persons(),
    male: persons(),
    ages0to14: persons(),
    ages15to59: persons(),
    ages15to64: persons(),
    ages60plus: persons(),
    ages65plus: persons(),
    share0to14: num().describe('share of the total, in [0, 1]'),
    share15to59: num(),
    share60plus: num(),
    share65plus: num(),
    sexRatio: num().describe('males per 100 females'),
    medianAge: num().describe('years, linear within the age group'),
    oldAgeDependency: num().describe('65+ / 15-64'),
    ratio60to15_59: num().describe('60+ / 15-59'),
  })
  .describe('indicators of the population at a year');

/** Indicators of one period (`PeriodIndicators`): 5 years, or 1 at width 1. */
const periodIndicatorsSchema = z
  .strictObject({
    from: int(),
    to: int(),
    births: persons(),
    deaths: persons(),
    netMigrants: persons().describe('persons: inMigrants - outMigrants'),
    inMigrants: persons().describe('persons: in-migrants over the period'),
    outMigrants: persons().describe('persons: out-migrants over the period'),
    cbr: num().describe('births per person-year'),
    cdr: num().describe('deaths per person-year'),
    growthRate: num().describe('ln(P(to)/P(from)) / (to - from), per year'),
    tfr: num().describe('children per woman (the period average of the path)'),
    srb: num().describe('males per 100 female births'),
    e0: z.strictObject({ female: num(), male: num(), both: num() }).describe('life expectancy at birth of the period life tables, years'),
  })
  .describe('indicators of the period [from, to)');

/** A path given on the command line: a number or anchors year → value. */
const pathOption = () => z.union([z.number(), z.record(z.string(), z.number())]);

/** The migration options given (`--net-per-year`, `--in-per-year`, `--out-rate`, `--flow-difference`); absent when none is. */
const migrationInputsSchema = z
  .strictObject({
    netPerYear: pathOption().optional().describe('--net-per-year: net migrants a year'),
    inPerYear: pathOption().optional().describe('--in-per-year: in-migrants a year'),
    outRate: pathOption().optional().describe('--out-rate: out-migrants a year per person present'),
    flowDifference: z
      .union([z.string(), z.record(z.string(), z.number())])
      .optional()
      .describe("--flow-difference: 'bayespop' or { beta0, beta1, m }"),
  })
  .optional()
  .describe("the migration options, which set the scenario's migration block");

const populationAtYear = z.strictObject({
  year: int(),
  female: z.array(z.number()).describe('persons by age group (5-year groups or single years: see width), as ageGroups'),
  male: z.array(z.number()),
});

/** `ccmpp project --format json`. */
export const projectOutputSchema = z
  .strictObject({
    format: z.literal('ccmpp.project/1'),
    ccmpp: z.string().describe('version of ccmpp that wrote the document'),
    inputs: z.strictObject({
      scenario: z.string().describe('the scenario file, as given'),
      base: z.string().describe('the base population file, as given'),
      baseYear: int(),
      until: int(),
      openAge: int().describe('open age of the projection grid'),
      ...gridInputs,
      migration: migrationInputsSchema,
    }),
    scenario: z.record(z.string(), z.unknown()).describe('the scenario as read, with the migration options applied (before defaults)'),
    width: width(),
    ageGroups: z.array(z.string()).describe("labels of the age groups: '0-4' … '100+' at width 5, '0', '1', … '100+' at width 1"),
    years: z.array(int()).describe('base, base + width, …, until'),
    population: z.array(populationAtYear).describe('one per year'),
    indicators: z.strictObject({ years: z.array(yearIndicatorsSchema), periods: z.array(periodIndicatorsSchema) }),
  })
  .describe('A cohort-component projection of a base population under a scenario');

/** A flag on a result (src/validate/warnings.ts): an answer far outside experience. */
const warningsSchema = z
  .array(z.strictObject({ code: z.enum(['tfr-above-post-transition', 'e0-above-observed']), message: z.string(), path: z.string() }))
  .describe('answers far outside experience, flagged (empty: none)');

/** A solver's answer (`SolveResult<number>`), with its warnings where the solver gives them. */
const solveResultSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('reachable'),
    value: z.number().describe('the solution'),
    achieved: z.number().describe('the population it gives at the target year'),
    iterations: int(),
    warnings: z.optional(warningsSchema),
  }),
  z.strictObject({
    status: z.literal('unreachable'),
    side: z.enum(['below', 'above']).describe("where the target lies against what the bounds reach: 'above' the most, 'below' the least"),
    bound: z.number().describe('the bound that comes closest'),
    achieved: z.number().describe('what that bound gives: the best achievable'),
    warnings: z.optional(warningsSchema),
  }),
]);

export type ProjectOutput = z.infer<typeof projectOutputSchema>;

const targetSchema = z.strictObject({ year: int(), population: z.number() }).describe('a population target');

/** `assessTarget`'s verdict. */
const assessmentSchema = z
  .strictObject({ year: int(), target: z.number(), projected: z.number(), gap: z.number().describe('projected - target'), reached: z.boolean(), warnings: z.optional(warningsSchema) })
  .describe('the target under the scenario as given');

const frontierSchema = z
  .array(z.strictObject({ tfr: z.number(), netPerYear: solveResultSchema }))
  .describe('net migration a year that reaches the target, by TFR in the target year');

/** `ccmpp solve --format json`. */
export const solveOutputSchema = z
  .strictObject({
    format: z.literal('ccmpp.solve/1'),
    ccmpp: z.string(),
    kind: z.enum(['migration', 'tfr']).describe('what was solved for'),
    inputs: z.strictObject({
      scenario: z.string(),
      base: z.string(),
      baseYear: int(),
      from: int().optional().describe('migration: first year of the constant net migration'),
      bounds: z.tuple([z.number(), z.number()]).optional().describe('search range given with --bounds'),
      openAge: int().optional(),
      ...gridInputs,
      migration: migrationInputsSchema,
    }),
    width: width(),
    target: targetSchema,
    assessment: assessmentSchema,
    result: solveResultSchema.describe('migration: persons a year; tfr: children per woman in the target year'),
    verdicts: z.array(z.string()).describe('the answer in plain sentences (wording may change)'),
    frontier: frontierSchema.optional(),
  })
  .describe('What constant net migration, or what TFR in the target year, reaches a population target');

export type SolveOutput = z.infer<typeof solveOutputSchema>;

const changeSchema = z
  .strictObject({
    from: int(),
    to: int(),
    start: z.number(),
    end: z.number(),
    change: z.number().describe('end - start'),
    births: z.number(),
    deaths: z.number(),
    naturalIncrease: z.number().describe('births - deaths'),
    netMigrants: z.number(),
  })
  .describe('components of change: change = naturalIncrease + netMigrants');

const trajectorySchema = z
  .strictObject({
    name: z.string(),
    scenario: z.record(z.string(), z.unknown()),
    years: z.array(int()),
    population: z.array(populationAtYear),
    indicators: z.strictObject({ years: z.array(yearIndicatorsSchema), periods: z.array(periodIndicatorsSchema) }),
  })
  .describe('a projection: its scenario, population by age and sex, and indicators');

const withVerdict = z.strictObject({ trajectory: trajectorySchema, verdict: assessmentSchema });

const seriesSummarySchema = z
  .strictObject({
    deterministic: z.number().describe('the scenario itself (every sigma = 0)'),
    mean: z.number(),
    min: z.number(),
    max: z.number(),
    quantiles: z.array(z.number()).describe('one per quantileLevels'),
    resolution: z.number().describe('largest error of the quantile estimates, persons'),
  })
  .describe('one series in one year over all trajectories, persons');

/** The uncertainty a simulation used (`ResolvedUncertainty`). */
const resolvedUncertaintySchema = z
  .strictObject({
    tfr: z.strictObject({ sigma: z.number(), rho: z.number() }),
    e0: z.strictObject({ sigma: z.number() }),
    migration: z.strictObject({ sigma: z.number() }),
  })
  .describe('the uncertainty used, defaults filled in');

/** One year of a simulation (`SimulationYear`): each series over all trajectories. */
const simulationYearSchema = z.strictObject({
  year: int(),
  total: seriesSummarySchema,
  ages0to14: seriesSummarySchema,
  ages15to59: seriesSummarySchema,
  ages60plus: seriesSummarySchema,
  ages65plus: seriesSummarySchema,
});

/** P(total >= target) with its 95 % Wilson interval (`TargetProbability`). */
const targetProbabilitySchema = z.strictObject({
  year: int(),
  population: z.number(),
  p: z.number().describe('P(total >= population)'),
  lower: z.number(),
  upper: z.number(),
  exact: z.boolean(),
});

/** How the Yingkou report models migration (`MigrationMethod`), as the library compiles its scenarios. */
const migrationMethodSchema = z
  .strictObject({
    flowDifference: z
      .strictObject({
        beta0: z.number().describe('in-migrants a year per person of the population'),
        beta1: z.number().describe('in-migrants per net migrant, in [0, 1]'),
        m: z.number().describe('the least gross in-migration a year per person'),
      })
      .describe('Flow-Difference parameters (Ševčíková, Raymer & Raftery 2024): in-migrants IM = max(beta0·P + beta1·N, m·P, m·P + N), out-migrants IM - N'),
    inProfile: z.enum(['rogers-castro', 'other']).describe("in-migrants' age profile: the standard Rogers-Castro profile, or another one"),
    outSchedule: z.enum(['rogers-castro', 'other']).describe('out-migration rates by age (× the people present): the standard Rogers-Castro schedule, or another one'),
    femaleShare: z.number().describe("share of women among in-migrants (out-migrants' sexes follow the people present)"),
    startShare: z.number().describe("share of each period's migrants added at its start; the rest at its end"),
  })
  .describe('how migration is modelled wherever the report has some (answers 2, 4, 5, 6, 7)');

/** One group the 2020 census publishes against the projected 2020 (`CensusGroupComparison`). */
const censusGroupSchema = z
  .strictObject({
    label: z.string().describe("'total', '0–14', '15–59', '60+', '65+', 'female', 'male'"),
    margin: z
      .strictObject({
        from: int().optional().describe('first age; absent: 0'),
        to: int().optional().describe('end age (exclusive); absent: to the end, open group included'),
        sex: z.enum(SEXES).optional().describe('absent: both sexes'),
        population: persons().describe('persons: the census count'),
      })
      .describe('the group as ages [from, to) and sex'),
    census: persons().describe('persons: the census count (1 November 2020)'),
    withImpliedMigration: persons()
      .nullable()
      .describe("persons: the plan's projection for 2020 with the census-implied net migration; null when no value reproduces the census"),
    withoutMigration: persons().describe("persons: the plan's projection for 2020 without migration"),
  })
  .describe('a census group against the projected 2020 (difference: census - projected)');

/** `ccmpp yingkou --format json`: the answers of the Yingkou case (issue 4 §3). */
export const yingkouOutputSchema = z
  .strictObject({
    format: z.literal('ccmpp.yingkou/1'),
    ccmpp: z.string(),
    openAge: int(),
    width: width().describe('width of the age groups and periods of answers 1-7 (the year-by-year section is annual either way)'),
    migrationMethod: migrationMethodSchema,
    ageGroups: z.array(z.string()).describe('age groups of the projections'),
    base2015: populationAtYear.extend({ ageGroups: z.array(z.string()) }).describe('the estimated 2015 base'),
    targets: z.array(targetSchema).describe("the plan's population targets"),
    planAlone: z
      .strictObject({ trajectory: trajectorySchema, verdicts: z.array(assessmentSchema) })
      .describe("(1) the plan's fertility and mortality, no migration"),
    requiredMigration: z
      .array(z.strictObject({ target: targetSchema, netPerYear: solveResultSchema }))
      .describe('(2) constant net migration a year from 2015 reaching each target'),
    requiredTfr2030: solveResultSchema.describe('(3) 2030 TFR reaching 2.6 million with no migration'),
    frontier: frontierSchema.describe('(4) net migration a year reaching 2.6 million in 2030, by 2030 TFR'),
    change: z
      .strictObject({
        planAlone: changeSchema,
        planWithMigration: z.strictObject({ trajectory: trajectorySchema, total: changeSchema }).nullable(),
        urbanization: z.strictObject({
          observed2010to2015: z.number().describe('URGD a year'),
          needed2015to2020: z.number(),
          needed2015to2030: z.number(),
          observedTrendIn2030: z.number().describe('urban share in 2030 at the observed URGD'),
        }),
      })
      .describe('(5) components of change 2015-2030 and the urbanisation check'),
    census: z
      .strictObject({
        census2020: z.number(),
        target2020: z.number(),
        projected2020: z.number(),
        impliedNetMigration: solveResultSchema.describe('average net migration a year 2015-2020 the census implies'),
        groups2020: z
          .array(censusGroupSchema)
          .describe("the census by the groups it publishes (total, 0–14, 15–59, 60+, 65+, female, male) against the plan's projection for 2020 with the census-implied migration and without migration"),
        rebased2020: populationAtYear.describe('the projected 2020 shape fitted to the census margins'),
        from2020: z.strictObject({
          planAlone: withVerdict,
          impliedMigrationContinued: withVerdict.nullable(),
          requiredMigration: solveResultSchema,
          requiredTfr2030: solveResultSchema,
        }),
        yearEnd: z.record(z.string(), z.number()).describe('year-end residents by year'),
      })
      .describe('(6) the 2020 census against the plan, and the plan rebased on it'),
    uncertainty: z
      .strictObject({
        trajectories: int().describe('Monte Carlo trajectories per scenario'),
        seed: int().describe('the seed (the same seed gives the same figures)'),
        quantileLevels: z.array(z.number()).describe('levels of the quantiles in runs[].years[].*.quantiles'),
        uncertainty: resolvedUncertaintySchema,
        runs: z
          .array(
            z.strictObject({
              name: z.string(),
              scenario: z.record(z.string(), z.unknown()),
              years: z.array(simulationYearSchema).describe('per year: the scenario itself, the mean, extremes and quantiles over the trajectories'),
              probabilities: z
                .array(targetProbabilitySchema)
                .describe("P(total >= target) for each of the plan's targets, with the 95 % Wilson interval of the Monte Carlo error (exact counts)"),
            }),
          )
          .describe('the plan without migration, then (when answer 2 is reachable) the plan with the migration that reaches 2.6 million'),
      })
      .describe("(7) uncertainty: Monte Carlo around the plan's paths under the default uncertainty, and the probability of each target"),
    annual: z
      .strictObject({
        graduation: z.enum(GRADUATION_METHODS).describe('how the 5-year base became single years'),
        openAge: int(),
        years: z
          .array(z.strictObject({ year: int(), total: persons(), fiveYear: z.number().nullable(), target: z.number().nullable() }))
          .describe('every year 2015-2030: the annual (1x1) total, the 5x5 total in its years (else null), the target or 2015 figure (else null)'),
        annual: trajectorySchema.describe('the plan alone on single years of age, annual steps'),
        change: z.strictObject({ annual: changeSchema, fiveYear: changeSchema }).describe('components of change 2015-2030 on each grid'),
        requiredMigration2030: z.strictObject({ annual: solveResultSchema, fiveYear: solveResultSchema }).describe('constant net migration a year from 2015 reaching the 2030 target, on each grid'),
        census: z.strictObject({
          planAlone: z
            .strictObject({ date: z.string(), years: z.number().describe('years from year-end 2015 to the date'), observed: persons(), projected: persons() })
            .describe('the census against the annual run at its date (geometric interpolation between year-ends)'),
          impliedNetMigration: z
            .strictObject({ atCensusDate: solveResultSchema, atYearEnd2020: solveResultSchema, fiveYear: solveResultSchema })
            .describe('net migration a year from 2015 reproducing the census: annual grid at its date, annual grid at year-end 2020, 5-year grid'),
          yearEnd: z
            .array(z.strictObject({ year: int(), observed: persons(), projected: z.number().nullable() }))
            .describe('year-end figures against the annual run with the census-implied migration continued'),
        }),
      })
      .describe('(8) year by year: the plan on single years of age in annual steps, the census at its date, the year-end figures'),
    warnings: warningsSchema.describe("answers far outside experience, each with its path in the report ('requiredTfr2030.value', …)"),
    verdicts: z.array(z.string()).describe('the answers in plain sentences (wording may change)'),
  })
  .describe('The Yingkou report: is 2.6 million reachable by 2030?');

export type YingkouOutput = z.infer<typeof yingkouOutputSchema>;

/** `ccmpp simulate --format json`. */
export const simulateOutputSchema = z
  .strictObject({
    format: z.literal('ccmpp.simulate/1'),
    ccmpp: z.string(),
    inputs: z.strictObject({
      scenario: z.string(),
      base: z.string(),
      uncertainty: z.string().nullable().describe('the uncertainty file, or null for the defaults'),
      baseYear: int(),
      until: int(),
      openAge: int().optional(),
      ...gridInputs,
      migration: migrationInputsSchema,
    }),
    width: width(),
    trajectories: int(),
    seed: int(),
    uncertainty: resolvedUncertaintySchema,
    mortality: z.enum(['interpolated', 'exact']),
    quantileLevels: z.array(z.number()),
    years: z.array(simulationYearSchema).describe('one per year: base, base + width, …, until'),
    e0OutOfReach: int().describe("e0 draws beyond the mortality model's reach, held at its bound"),
    migrationAtBound: int().describe('migration draws (trajectory × period) asking for more out-migrants than an age group held; each such period ran at the largest net out-migration the population could supply'),
    probabilities: z.array(targetProbabilitySchema).describe('one per --target, with the 95 % Wilson interval of the Monte Carlo error'),
    verdicts: z.array(z.string()),
  })
  .describe('Monte Carlo around a scenario: quantiles by year and the probability of reaching targets');

export type SimulateOutput = z.infer<typeof simulateOutputSchema>;

/** Totals and broad age groups of one scenario at one year (`ComparisonYear`). */
const comparisonYearSchema = z.strictObject({
  year: int(),
  total: persons(),
  ages0to14: persons(),
  ages15to59: persons(),
  ages60plus: persons(),
  ages65plus: persons(),
});

/** `ccmpp compare --format json`. */
export const compareOutputSchema = z
  .strictObject({
    format: z.literal('ccmpp.compare/1'),
    ccmpp: z.string(),
    inputs: z.strictObject({
      scenarios: z.array(z.string()).describe('the scenario files, as given'),
      base: z.string(),
      baseYear: int(),
      until: int(),
      openAge: int().optional(),
      variants: z.boolean().describe('--variants: the first file replaced by its variants'),
      ...gridInputs,
      migration: migrationInputsSchema,
    }),
    width: width(),
    years: z.array(int()).describe('base, base + width, …, until'),
    targets: z.array(targetSchema).describe('the --target figures, in the order given'),
    rows: z
      .array(
        z.strictObject({
          name: z.string().describe("the file's basename without its extension; with --variants, the first file's '<name> <variant>'"),
          file: z.string().describe('the scenario file it comes from'),
          variant: z.enum(['medium', 'high', 'low', 'constant-fertility', 'constant-mortality', 'zero-migration']).optional().describe('with --variants: which variant of the first file'),
          description: z.string().optional().describe('with --variants: what the variant assumes'),
          scenario: z.record(z.string(), z.unknown()).describe('the scenario projected (the migration options applied; a variant as the library builds it)'),
          years: z.array(comparisonYearSchema).describe('one per year'),
          verdicts: z.array(assessmentSchema).describe('one per target'),
        }),
      )
      .describe('one per scenario, in the order of the columns'),
    verdicts: z.array(z.string()).describe('one sentence per scenario (wording may change)'),
  })
  .describe('Scenarios side by side from one base: totals by year and verdicts against the targets');

export type CompareOutput = z.infer<typeof compareOutputSchema>;

/** Every command's JSON output schema, by command name (`ccmpp schema <name>-output`). */
export const OUTPUT_SCHEMAS = {
  project: projectOutputSchema,
  solve: solveOutputSchema,
  simulate: simulateOutputSchema,
  compare: compareOutputSchema,
  yingkou: yingkouOutputSchema,
} as const;
