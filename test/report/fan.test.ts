import { describe, expect, it } from 'vitest';
import { FAN_LEVELS, simulationFan } from '../../src/report/fan.js';
import { trajectorySpec } from '../../src/report/trajectory.js';
import { simulate } from '../../src/stochastic/simulate.js';
import { yingkou } from '../../src/yingkou/data.js';
import { compileSpec } from './compileSpec.js';

describe('simulationFan', () => {
  const sim = simulate(yingkou.base2015, yingkou.scenarios.plan, {}, { trajectories: 300, seed: 5, until: 2030 });

  it('takes the 2.5, 10, 50, 90 and 97.5 % quantiles of the total, year by year', () => {
    const fan = simulationFan(sim);
    expect(fan.map((f) => f.year)).toEqual([2015, 2020, 2025, 2030]);
    const last = sim.years[3]!.total.quantiles;
    const at = (l: number) => last[sim.quantileLevels.indexOf(l)]!;
    expect(fan[3]).toEqual({ year: 2030, q025: at(0.025), q10: at(0.1), q50: at(0.5), q90: at(0.9), q975: at(0.975) });
    expect(compileSpec(trajectorySpec({ fan })).warnings).toEqual([]);
    expect(FAN_LEVELS).toEqual([0.025, 0.1, 0.5, 0.9, 0.975]);
  });

  it('names the levels a simulation lacks', () => {
    const other = simulate(yingkou.base2015, yingkou.scenarios.plan, {}, { trajectories: 50, seed: 5, until: 2020, quantiles: [0.1, 0.5, 0.9] });
    expect(() => simulationFan(other)).toThrow('simulation.quantileLevels: expected the levels 0.025, 0.1, 0.5, 0.9, 0.975 (missing 0.025, 0.975), got an array of length 3');
  });
});
