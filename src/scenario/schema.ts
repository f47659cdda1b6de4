import * as z from 'zod/mini';
import { fertilityPatternSchema } from '../fertility/pattern.js';
import { mxJsonSchema } from '../lifetable/schemas.js';
import { flowDifferenceSchema } from '../migration/flowDifference.js';
import { outScheduleSchema } from '../migration/outSchedule.js';
import { migrationProfileSchema } from '../migration/profile.js';
import { fail } from '../validate/errors.js';
import { parseWith } from '../validate/parse.js';
import { e0Value, finite, keyedObject, persons, plainArrays, sexGapValue, signedPersons, srbValue, tfrValue, unit } from '../validate/schemas.js';
import { pathSchema } from './path.js';

const e0Path = pathSchema(e0Value());

/**
 * A projection scenario: paths over time for fertility, mortality, migration and the sex ratio at
 * birth, and the models that turn them into rates (issue 3 §5). JSON-shaped (plain arrays), strict
 * (an unknown key is an error), and the single source of the JSON Schema the CLI ships.
 */
export const scenarioSchema = keyedObject({
  /** Location of the scenario's JSON Schema, for editors (`ccmpp schema`); ignored. */
  $schema: z.optional(z.string({ error: "expected a string (the JSON Schema's location)" })),
  fertility: keyedObject({
    /** Total fertility rate, children per woman. */
    tfr: pathSchema(tfrValue()),
    /** 'china-2015' (UN WPP 2019), 7 shares of TFR for 15–19 … 45–49, or 35 for single ages 15 … 49, summing to 1. */
    pattern: fertilityPatternSchema,
  }),
  mortality: keyedObject({
    /** Life expectancy at birth: both sexes (split by sexGap), or { female, male }. */
    e0: z.union([e0Path, keyedObject({ female: e0Path, male: e0Path })], {
      error: 'expected a life-expectancy path, or { female, male } paths',
    }),
    /** Female-minus-male e0 gap for a both-sex e0 path; default 4.5 (UN WPP 2019, China 2015–2020). */
    sexGap: z.optional(pathSchema(sexGapValue())),
    /** 'log-quadratic' (default; Wilmoth et al. 2012) or proportional hazards on a baseline mx. */
    model: z.optional(
      z.union(
        [
          z.literal('log-quadratic'),
          keyedObject({
            baseline: z.union([z.literal('china-2015'), keyedObject({ female: mxJsonSchema, male: mxJsonSchema })], {
              error: "expected 'china-2015' or { female, male } death rates",
            }),
          }),
        ],
        { error: "expected 'log-quadratic' or { baseline: 'china-2015' | { female, male } }" },
      ),
    ),
  }),
  /**
   * Migration as gross flows: give `netPerYear` (turned into in- and out-migrants by the
   * Flow-Difference Method), or `inPerYear` and/or `outRate`. In-migrants follow the age `profile`
   * and `femaleShare`; out-migrants leave in proportion to `outSchedule(x)` × the people present.
   */
  migration: z.optional(
    keyedObject({
      /** Net migrants a year, both sexes; negative = net out-migration. */
      netPerYear: z.optional(pathSchema(signedPersons('net migrants a year'))),
      /** Flow-Difference parameters turning `netPerYear` into gross flows; default β0 = β1 = m = 0. */
      flowDifference: z.optional(flowDifferenceSchema),
      /** In-migrants a year, both sexes (instead of `netPerYear`). */
      inPerYear: z.optional(pathSchema(persons())),
      /** Out-migrants a year per person present, both sexes, in [0, 1) (instead of `netPerYear`). */
      outRate: z.optional(
        pathSchema(finite().check(z.gte(0, { error: 'expected a rate a year in [0, 1)' }), z.lt(1, { error: 'expected a rate a year in [0, 1)' }))),
      ),
      /** Age profile of in-migrants; default 'rogers-castro' (standard parameters). */
      profile: z.optional(migrationProfileSchema),
      /** Age schedule of out-migration rates; default 'rogers-castro' (standard parameters, as rates). */
      outSchedule: z.optional(outScheduleSchema),
      /** Share of women among in-migrants; default 0.5. (Out-migrants' sexes follow the people present.) */
      femaleShare: z.optional(unit()),
      /** 'even' (default: half at the start of each period, half at the end) or 'end'. */
      timing: z.optional(z.enum(['even', 'end'], { error: "expected 'even' or 'end'" })),
    }),
  ),
  /** Sex ratio at birth, males per 100 female births; default 105. */
  srb: z.optional(pathSchema(srbValue())),
});

/** A scenario as written (the schema's input type). */
export type Scenario = z.input<typeof scenarioSchema>;
/** A scenario after validation. */
export type ParsedScenario = z.output<typeof scenarioSchema>;

/**
 * Validates a scenario and returns it typed, or throws one InputError listing every problem with
 * its path, e.g. `fertility.tfr.2030: expected children per woman from 0 to 15 (…), got "x"`. Typed arrays are
 * accepted wherever the schema has arrays.
 *
 * @example
 * const s = parseScenario(JSON.parse(fs.readFileSync('scenario.json', 'utf8')));
 */
export function parseScenario(input: unknown): ParsedScenario {
  const s = parseWith(scenarioSchema, plainArrays(input));
  const m = s.migration;
  if (m) {
    const gross = m.inPerYear !== undefined || m.outRate !== undefined;
    if (m.netPerYear === undefined && !gross)
      fail('migration', 'expected netPerYear, or inPerYear and/or outRate (gross flows)', m);
    if (m.netPerYear !== undefined && gross)
      fail('migration', 'expected either netPerYear or gross flows (inPerYear, outRate), not both', m);
    if (m.flowDifference !== undefined && gross)
      fail('migration.flowDifference', 'expected flow-difference parameters only with netPerYear (they turn a net figure into gross flows)', m.flowDifference);
  }
  if (typeof s.mortality.e0 === 'object' && 'female' in s.mortality.e0 && s.mortality.sexGap !== undefined) {
    parseWith(z.undefined({ error: 'expected no sexGap with sex-specific e0 paths (the gap is already given by them)' }), s.mortality.sexGap, 'mortality.sexGap');
  }
  return s;
}
