import * as z from 'zod/mini';
import { parseWith } from '../validate/parse.js';
import { finite, keyedObject, persons, signedPersons, unit } from '../validate/schemas.js';

/**
 * Parameters of the Flow-Difference Method (Ševčíková, Raymer & Raftery 2024), per person a year:
 * in-migration IM = max(β0·P + β1·N, m·P, m·P + N), out-migration OM = IM − N.
 */
export interface FlowDifferenceParams {
  /** In-migrants a year per person of the population (β0). */
  beta0: number;
  /** In-migrants per net migrant (β1), in [0, 1]: out-migration then falls as net migration rises. */
  beta1: number;
  /** The least gross in-migration a year per person (m). */
  m: number;
}

/**
 * The default: β0 = β1 = m = 0, so IM = max(N, 0) and OM = max(−N, 0). A positive net figure is all
 * in-migration and a negative one all out-migration: no churn that the user did not ask for.
 */
const FLOW_DIFFERENCE_NONE: Readonly<FlowDifferenceParams> = Object.freeze({ beta0: 0, beta1: 0, m: 0 });

/**
 * bayesPop's global defaults for annual projections (R package bayesPop 11, `R/predict.pop.R`,
 * the FDM block of `load.inputs`: beta0 0.07, beta1 0.5, min 0.02 for 1-year steps), used there for
 * countries without estimates of their own. They describe national gross flows: in a city they mean
 * in- and out-migration of about 7 % of the population a year each, beside the net.
 */
export const FLOW_DIFFERENCE_BAYESPOP: Readonly<FlowDifferenceParams> = Object.freeze({ beta0: 0.07, beta1: 0.5, m: 0.02 });

/** zod schema of the method's parameters: `'bayespop'` or `{ beta0, beta1, m }`. */
export const flowDifferenceSchema = z.union(
  [
    z.literal('bayespop'),
    keyedObject({
      beta0: unit(),
      beta1: finite().check(
        z.gte(0, { error: 'expected a number in [0, 1] (in-migrants per net migrant)' }),
        z.lte(1, { error: 'expected a number in [0, 1] (in-migrants per net migrant)' }),
      ),
      m: unit(),
    }),
  ],
  { error: "expected 'bayespop' or flow-difference parameters { beta0, beta1, m }" },
);

/** The parameters a parsed option stands for. */
export function resolveFlowDifference(p: z.output<typeof flowDifferenceSchema> | undefined): Readonly<FlowDifferenceParams> {
  return p === undefined ? FLOW_DIFFERENCE_NONE : p === 'bayespop' ? FLOW_DIFFERENCE_BAYESPOP : p;
}

/** Gross flows a year, both sexes, persons. */
export interface GrossFlows {
  inPerYear: number;
  outPerYear: number;
}

/**
 * Gross migration flows from a net figure, by the Flow-Difference Method (Ševčíková, Raymer &
 * Raftery 2024, "Forecasting net migration by age: the flow-difference approach", arXiv 2411.09878;
 * as bayesPop 11 computes it in `projection_functions.c`):
 *
 *   IM = max(β0·P + β1·N, m·P, m·P + N),   OM = IM − N,
 *
 * N the net migrants a year, P the population at the start of the period, both sexes. IM ≥ m·P and
 * OM ≥ 0 always, and IM − OM = N exactly. With the default parameters (all 0) a positive N is all
 * in-migration and a negative N all out-migration. (bayesPop applies it per sex, with a female share
 * of N; ccmpp applies it to both sexes together and lets the out-flow's sexes follow the people present.)
 *
 * @example
 * flowDifference(-21000, 2_400_000)                  // { inPerYear: 0, outPerYear: 21000 }
 * flowDifference(-21000, 2_400_000, 'bayespop')      // { inPerYear: ≈ 157500, outPerYear: ≈ 178500 }
 */
export function flowDifference(netPerYear: number, population: number, params?: z.input<typeof flowDifferenceSchema>): GrossFlows {
  const N = parseWith(signedPersons('net migrants a year'), netPerYear, 'netPerYear');
  const P = parseWith(persons(), population, 'population');
  const p = resolveFlowDifference(parseWith(z.optional(flowDifferenceSchema), params, 'params'));
  return flowsOf(N, P, p);
}

/** Unchecked core of {@link flowDifference}. */
export function flowsOf(N: number, P: number, p: Readonly<FlowDifferenceParams>): GrossFlows {
  const inPerYear = Math.max(p.beta0 * P + p.beta1 * N, p.m * P, p.m * P + N);
  return { inPerYear, outPerYear: inPerYear - N };
}
