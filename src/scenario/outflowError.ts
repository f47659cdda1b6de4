import { populationTotal } from '../ages/broad.js';
import { ageGroupLabel } from '../ages/grid.js';
import { TOTALS_SIZE, WORST_GROUP, WORST_SEX, type KernelPeriod } from '../project/kernel.js';
import { bisectFeasible } from '../solve/feasible.js';
import { InputError } from '../validate/errors.js';
import { stepPeriod, type CompiledScenario, type PeriodLevels } from './compile.js';

/** Bisection steps for the feasibility bound: 2^-60 of the searched range (well below a person). */
const BOUND_STEPS = 60;

/**
 * The error for a period whose out-migration would take more people than a group holds: it names the
 * period, the sex and group that would empty first, and the largest feasible net out-migration (or
 * out-migration rate) of that period from its start population — found by bisection between the
 * asked-for level and 0, on the kernel step itself, so the bound is the one the projection applies.
 */
export function outflowError(
  c: CompiledScenario,
  from: number,
  lv: PeriodLevels,
  pf: Float64Array,
  pm: Float64Array,
  k: KernelPeriod,
): InputError {
  const G = pf.length;
  const net = c.migration!.net !== null;
  const key = net ? 'netPerYear' : 'outRate';
  const asked = net ? lv.netPerYear : lv.outRate;
  const scratch = copyPeriod(k);
  const oF = new Float64Array(G);
  const oM = new Float64Array(G);
  const totals = new Float64Array(TOTALS_SIZE);
  const P = populationTotal(pf, pm);
  const feasible = (v: number) => stepPeriod(c, { ...lv, [key]: v }, P, scratch, pf, pm, oF, oM, totals);
  feasible(asked);
  const where =
    totals[WORST_GROUP]! < 0
      ? 'no group with people in it has an out-migration rate above 0 to take them from'
      : `more would take more people than the ${totals[WORST_SEX] === 1 ? 'male' : 'female'} ${ageGroupLabel(totals[WORST_GROUP]!, G, c.width)} group holds`;
  const when = `${from}-${from + c.width}`;
  let bound: string;
  if (!feasible(0)) bound = 'none is: the flows at 0 already take more people than there are';
  else {
    const good = bisectFeasible(feasible, 0, asked, BOUND_STEPS);
    // The figure printed is itself feasible: rounded towards less out-migration, never up past the bound.
    bound = net
      ? `at most ${Math.floor(-good).toLocaleString('en-US')} net out-migrants a year`
      : `an out-migration rate of at most ${floorPrecision(good, 4)} a year`;
  }
  return new InputError([
    {
      path: `migration.${key}`,
      rule: `expected an out-migration the people present can supply in ${when}: ${bound} (${where})`,
      value: asked,
    },
  ]);
}

/** `x` (> 0) rounded down to `digits` significant digits, as text whose value never exceeds x. */
function floorPrecision(x: number, digits: number): string {
  if (!(x > 0)) return '0';
  const unit = 10 ** (Math.floor(Math.log10(x)) - digits + 1);
  let k = Math.floor(x / unit);
  let text = (k * unit).toPrecision(digits);
  while (k > 0 && Number(text) > x) text = (--k * unit).toPrecision(digits);
  return text;
}

function copyPeriod(k: KernelPeriod): KernelPeriod {
  const o = k.out!;
  return {
    ...k,
    mf: k.mf ? Float64Array.from(k.mf) : null,
    mm: k.mm ? Float64Array.from(k.mm) : null,
    out: {
      ...o,
      startF: new Float64Array(o.startF.length),
      startM: new Float64Array(o.startM.length),
      byAgeF: new Float64Array(o.byAgeF.length),
      byAgeM: new Float64Array(o.byAgeM.length),
    },
  };
}
